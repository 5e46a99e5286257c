package org.doppel.plugins.compression;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unstructured magnitude pruning: the weights of smallest magnitude are set to zero until
 * the weight matrices reach the asked sparsity, over all matrices together
 * ({@code scope: global}, the default) or in each matrix ({@code scope: layer}).
 *
 * <p>Parameters: {@code sparsity} in [0, 1) (required), {@code scope} ({@code global} or
 * {@code layer}), {@code fine_tune_epochs} (default 0) to fine-tune on the training data
 * with the pruned weights held at zero after every update. Biases are never pruned. Ties at
 * the threshold are broken by position, so the achieved sparsity is exactly
 * {@code round(sparsity × weights)} before fine-tuning (weights that were zero already count
 * as pruned first).
 *
 * <p>The zeros stay in dense arrays: inference does exactly the same work, and the file
 * shrinks only if the model's file format compresses. Stateless and thread-safe.
 */
public final class MagnitudePruning implements CompressionStrategy {

  static final String ID = "prune-magnitude";

  private static final Logger LOG = LoggerFactory.getLogger(MagnitudePruning.class);

  private static final Set<String> KNOWN = Set.of("sparsity", "scope", "fine_tune_epochs");

  private static final String NOTE = "sparse weights run on a dense kernel: inference is "
      + "not faster, and the saving is on disk only, and only if the saved file is "
      + "compressed";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Unstructured magnitude pruning of weight matrices to a target sparsity, "
        + "global or per layer, with optional masked fine-tuning.";
  }

  @Override
  public void validate(Parameters parameters) {
    Settings.read(parameters);
  }

  @Override
  public CompressionOutcome compress(SurrogateModel model, Parameters parameters,
      CompressionContext context) {
    Settings settings = Settings.read(parameters);
    QuantizedSurrogate.refuse(ID, model);
    Outcomes.requireFiniteInput(ID, model);

    SurrogateModel pruned = model.copy();
    SameDiff graph = pruned.graph();
    List<String> names = WeightMatrices.require(graph, ID);
    Map<String, INDArray> masks = masks(graph, names, settings);
    Runnable applyMasks = () -> masks.forEach(
        (name, mask) -> WeightMatrices.array(graph, name).muli(mask));
    applyMasks.run();

    // Fine-tuning moves every weight; the mask goes back on after each update, so the
    // pruned ones are exactly zero whenever the model is used or saved.
    if (settings.fineTuneEpochs > 0) {
      context.fineTune(pruned, settings.fineTuneEpochs, applyMasks);
      applyMasks.run();
    }

    Outcomes.requireFinite(ID, pruned, context);
    return new CompressionOutcome(pruned, details(graph, names, settings), NOTE);
  }

  /** A 0/1 mask per weight matrix: 0 where the weight is pruned. */
  private static Map<String, INDArray> masks(SameDiff graph, List<String> names,
      Settings settings) {
    Map<String, float[]> magnitudes = new LinkedHashMap<>();
    for (String name : names) {
      magnitudes.put(name, flatMagnitudes(WeightMatrices.array(graph, name)));
    }

    Map<String, float[]> keep = new LinkedHashMap<>();
    magnitudes.forEach((name, values) -> keep.put(name, new float[values.length]));
    if (settings.global) {
      float[][] all = magnitudes.values().toArray(float[][]::new);
      float[][] masks = keep.values().toArray(float[][]::new);
      markKept(all, masks, settings.sparsity);
    } else {
      for (String name : names) {
        markKept(new float[][] {magnitudes.get(name)}, new float[][] {keep.get(name)},
            settings.sparsity);
      }
    }

    Map<String, INDArray> masks = new LinkedHashMap<>();
    for (String name : names) {
      INDArray weights = WeightMatrices.array(graph, name);
      masks.put(name, Nd4j.create(keep.get(name), weights.shape(), 'c')
          .castTo(weights.dataType()));
    }
    return masks;
  }

  /**
   * Sets {@code masks} to 1 for every weight kept: the {@code round(sparsity × n)} smallest
   * magnitudes over all {@code magnitudes} are pruned, ties broken by position.
   */
  static void markKept(float[][] magnitudes, float[][] masks, double sparsity) {
    int total = Arrays.stream(magnitudes).mapToInt(values -> values.length).sum();
    long[] keys = new long[total];
    int next = 0;
    for (float[] values : magnitudes) {
      for (float value : values) {
        // A non-negative float's bits order like its value, so one sort of
        // (magnitude bits, position) ranks every weight with ties broken by position.
        keys[next] = ((long) Float.floatToIntBits(value) << 32) | next;
        next++;
      }
    }
    Arrays.sort(keys);

    long pruned = Math.round(sparsity * total);
    int[] offsets = new int[magnitudes.length + 1];
    for (int m = 0; m < magnitudes.length; m++) {
      offsets[m + 1] = offsets[m] + magnitudes[m].length;
      Arrays.fill(masks[m], 1f);
    }
    for (int i = 0; i < pruned; i++) {
      int position = (int) (keys[i] & 0xFFFFFFFFL);
      int matrix = Arrays.binarySearch(offsets, position);
      matrix = matrix >= 0 ? matrix : -matrix - 2;
      masks[matrix][position - offsets[matrix]] = 0f;
    }
  }

  static float[] flatMagnitudes(INDArray weights) {
    // A fresh c-ordered copy's buffer holds exactly its elements, in row-major order.
    float[] values = weights.castTo(DataType.FLOAT).dup('c').data().asFloat();
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.abs(values[i]);
    }
    return values;
  }

  private static Map<String, Object> details(SameDiff graph, List<String> names,
      Settings settings) {
    Map<String, Object> perLayer = new LinkedHashMap<>();
    long zeros = 0;
    long total = 0;
    for (String name : names) {
      INDArray weights = WeightMatrices.array(graph, name);
      long layerZeros = weights.length() - weights.neq(0).castTo(DataType.LONG).sumNumber()
          .longValue();
      perLayer.put(name, Outcomes.fraction(layerZeros, weights.length()));
      zeros += layerZeros;
      total += weights.length();
    }
    LOG.info("{}: {} of {} weights are zero (sparsity {}, scope {}, {} fine-tuning epochs)",
        ID, zeros, total, Outcomes.fraction(zeros, total), settings.global ? "global" : "layer",
        settings.fineTuneEpochs);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("sparsity_target", settings.sparsity);
    details.put("sparsity_achieved", Outcomes.fraction(zeros, total));
    details.put("scope", settings.global ? "global" : "layer");
    details.put("weights_zero", zeros);
    details.put("weights_in_matrices", total);
    details.put("sparsity_per_layer", perLayer);
    details.put("fine_tune_epochs", settings.fineTuneEpochs);
    return details;
  }

  /** The validated parameters. */
  private record Settings(double sparsity, boolean global, int fineTuneEpochs) {

    static Settings read(Parameters parameters) {
      parameters.requireOnly(KNOWN);
      if (!parameters.has("sparsity")) {
        throw new PluginException(ID + ": parameter 'sparsity' is required, a fraction in "
            + "[0, 1) such as 0.5");
      }
      double sparsity = parameters.getDouble("sparsity", 0);
      if (!(sparsity >= 0 && sparsity < 1)) {
        throw new PluginException(ID + ": parameter 'sparsity' must be in [0, 1), got "
            + sparsity);
      }
      String scope = parameters.getString("scope", "global").trim();
      if (!scope.equals("global") && !scope.equals("layer")) {
        throw new PluginException(ID + ": parameter 'scope' must be 'global' or 'layer', "
            + "got '" + scope + "'");
      }
      int epochs = FineTuning.epochs(ID, parameters, "fine_tune_epochs", 0, 0);
      return new Settings(sparsity, scope.equals("global"), epochs);
    }
  }
}
