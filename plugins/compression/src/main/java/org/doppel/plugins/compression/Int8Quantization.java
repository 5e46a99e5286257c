package org.doppel.plugins.compression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-training int8 quantization of the weight matrices: symmetric, one scale per output
 * channel, biases kept in float.
 *
 * <p>Calibration ({@code calibrate: true}, the default) chooses, matrix by matrix, how much
 * of each channel's range to keep (clipping the few largest weights buys finer steps for
 * the rest): the candidate whose forecasts on the calibration windows are closest to the
 * float model's is kept. With {@code calibrate: false} the full range is kept, so every
 * weight is within half a step of its original. The result is a {@link QuantizedSurrogate}:
 * it saves int8 codes and scales, and forecasts with the dequantized weights. Stateless and
 * thread-safe.
 */
public final class Int8Quantization implements CompressionStrategy {

  static final String ID = "quantize-int8";

  private static final Logger LOG = LoggerFactory.getLogger(Int8Quantization.class);

  private static final Set<String> KNOWN = Set.of("calibrate");

  /** Fractions of each channel's largest magnitude tried by calibration. */
  static final double[] CLIPS = {1.0, 0.995, 0.99, 0.98, 0.95, 0.9};

  private static final String NOTE = "weights are stored as int8 with float32 scales; "
      + "inference dequantizes them and runs the same float kernel, so the file shrinks "
      + "but inference is not faster";

  /** Its int8 weights cannot be pruned, factorised or quantised again. */
  @Override
  public boolean mustBeLast() {
    return true;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Post-training symmetric per-channel int8 quantization of weight matrices, "
        + "with calibrated clipping.";
  }

  @Override
  public void validate(Parameters parameters) {
    parameters.requireOnly(KNOWN);
    parameters.getBoolean("calibrate", true);
  }

  @Override
  public CompressionOutcome compress(SurrogateModel model, Parameters parameters,
      CompressionContext context) {
    parameters.requireOnly(KNOWN);
    boolean calibrate = parameters.getBoolean("calibrate", true);
    QuantizedSurrogate.refuse(ID, model);
    Outcomes.requireFiniteInput(ID, model);

    SurrogateModel copy = model.copy();
    SameDiff graph = copy.graph();
    List<String> names = WeightMatrices.require(graph, ID);
    INDArray windows = calibrationWindows(context);
    INDArray reference = windows == null ? null : model.predict(windows);
    Map<String, Int8Tensor> tensors = new LinkedHashMap<>();
    Map<String, Object> clips = new LinkedHashMap<>();
    for (String name : names) {
      INDArray weights = WeightMatrices.array(graph, name);
      float[] original = weights.castTo(DataType.FLOAT).dup('c').data().asFloat();
      double clip = calibrate && windows != null
          ? bestClip(copy, weights, original, windows, reference) : 1.0;
      Int8Tensor tensor = Int8Tensor.quantize(original, weights.shape(), clip);
      QuantizedSurrogate.assign(weights, tensor.dequantize());
      tensors.put(name, tensor);
      clips.put(name, clip);
    }

    QuantizedSurrogate quantized = new QuantizedSurrogate(copy, tensors);
    Outcomes.requireFinite(ID, quantized, context);
    return new CompressionOutcome(quantized, details(quantized, clips, windows, reference),
        NOTE);
  }

  private static INDArray calibrationWindows(CompressionContext context) {
    MultiDataSet calibration = context.calibrationData();
    if (calibration == null || calibration.getFeatures() == null
        || calibration.getFeatures().length == 0) {
      return null;
    }
    return calibration.getFeatures(0);
  }

  /**
   * The clip whose forecasts are closest to the float model's, this matrix quantized on top
   * of the matrices already done (greedy, in graph order). Leaves {@code weights} as it
   * found them.
   */
  private static double bestClip(SurrogateModel model, INDArray weights, float[] original,
      INDArray windows, INDArray reference) {
    double best = 1.0;
    double bestError = Double.POSITIVE_INFINITY;
    for (double clip : CLIPS) {
      QuantizedSurrogate.assign(weights,
          Int8Tensor.quantize(original, weights.shape(), clip).dequantize());
      double error = meanSquared(model.predict(windows), reference);
      if (error < bestError) {
        best = clip;
        bestError = error;
      }
    }
    QuantizedSurrogate.assign(weights, original);
    return best;
  }

  private static double meanSquared(INDArray forecasts, INDArray reference) {
    INDArray difference = forecasts.castTo(DataType.DOUBLE)
        .sub(reference.castTo(DataType.DOUBLE));
    return difference.mul(difference).meanNumber().doubleValue();
  }

  private static Map<String, Object> details(QuantizedSurrogate quantized,
      Map<String, Object> clips, INDArray windows, INDArray reference) {
    int zeroChannels = 0;
    long weights = 0;
    for (Int8Tensor tensor : quantized.tensors().values()) {
      zeroChannels += tensor.zeroChannels();
      weights += tensor.values().length;
    }

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("bits", 8);
    details.put("scheme", "symmetric, per output channel");
    details.put("int8_matrices", quantized.tensors().size());
    details.put("int8_weights", weights);
    details.put("zero_channels", zeroChannels);
    details.put("clip_per_layer", clips);
    if (windows != null) {
      double rmse = Math.sqrt(meanSquared(quantized.predict(windows), reference));
      details.put("calibration_windows", windows.size(0));
      details.put("calibration_rmse_vs_float", rmse);
    }
    LOG.info("{}: {} weights in {} matrices quantized to int8 ({} all-zero channels)", ID,
        weights, quantized.tensors().size(), zeroChannels);
    return details;
  }
}
