package org.doppel.plugins.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.testkit.CompressionFixture;
import org.doppel.sdk.testkit.TinySurrogate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Int8QuantizationTest {

  private final CompressionFixture fixture = CompressionFixture.shared();
  private final Int8Quantization quantization = new Int8Quantization();

  private CompressionOutcome quantize(org.doppel.sdk.model.SurrogateModel model,
      Map<String, ?> values) {
    return quantization.compress(model, Parameters.of("compression/quantize-int8", values),
        fixture);
  }

  /** Case C10: an all-zero (pruned) channel must not divide 0 by 0. */
  @Nested
  class ZeroChannel {

    private static final int OUTPUTS = 32;
    private static final int INPUTS = 64;

    /** The case's 32×64 (output × input) matrix as the graph holds it: [input, output]. */
    private float[] matrix(double row1Magnitude) {
      Random random = new Random(10);
      float[][] rows = new float[OUTPUTS][INPUTS];
      for (int o = 0; o < OUTPUTS; o++) {
        for (int i = 0; i < INPUTS; i++) {
          rows[o][i] = (float) random.nextGaussian();
        }
      }
      rows[0] = new float[INPUTS];
      float largest = 0;
      for (float value : rows[1]) {
        largest = Math.max(largest, Math.abs(value));
      }
      for (int i = 0; i < INPUTS; i++) {
        rows[1][i] = (float) (rows[1][i] / largest * row1Magnitude);
      }

      float[] transposed = new float[OUTPUTS * INPUTS];
      for (int o = 0; o < OUTPUTS; o++) {
        for (int i = 0; i < INPUTS; i++) {
          transposed[i * OUTPUTS + o] = rows[o][i];
        }
      }
      return transposed;
    }

    @Test
    void zeroRowQuantizesToZerosWithASafeScaleAndOtherRowsWithinHalfAStep() {
      float[] weights = matrix(1.0);

      Int8Tensor tensor = Int8Tensor.quantize(weights, new long[] {INPUTS, OUTPUTS}, 1.0);
      float[] restored = tensor.dequantize();

      assertEquals(1f, tensor.scales()[0]);
      assertEquals(1, tensor.zeroChannels());
      for (float scale : tensor.scales()) {
        assertTrue(scale > 0 && Float.isFinite(scale), "scale " + scale);
      }
      for (int k = 0; k < weights.length; k++) {
        int channel = k % OUTPUTS;
        assertTrue(Float.isFinite(restored[k]));
        if (channel == 0) {
          assertEquals(0, tensor.values()[k]);
          assertEquals(0f, restored[k]);
        } else {
          float halfStep = tensor.scales()[channel] / 2;
          assertEquals(weights[k], restored[k], halfStep * 1.0001f, "weight " + k);
        }
      }
    }

    @Test
    void tinyRowKeepsANonzeroScaleAlsoWhenTheWeightsAreFloat16() {
      INDArray half = Nd4j.create(matrix(1e-6), new long[] {INPUTS, OUTPUTS}, 'c')
          .castTo(DataType.HALF);
      float[] weights = half.castTo(DataType.FLOAT).dup('c').data().asFloat();

      Int8Tensor tensor = Int8Tensor.quantize(weights, half.shape(), 1.0);
      INDArray restored = half.dup();
      QuantizedSurrogate.assign(restored, tensor.dequantize());

      assertTrue(tensor.scales()[1] > 0, "scale " + tensor.scales()[1]);
      assertTrue(Outcomes.isFinite(restored));
      float[] restored32 = tensor.dequantize();
      for (int i = 0; i < INPUTS; i++) {
        int k = i * OUTPUTS + 1;
        assertEquals(weights[k], restored32[k], tensor.scales()[1] / 2 * 1.0001f);
      }
    }

    @Test
    void pruningThenQuantizingAModelGivesZeroChannelsAndFiniteForecasts() {
      org.doppel.sdk.model.SurrogateModel pruned = fixture.trained.copy();
      pruned.graph().getArrForVarName("hidden/W").getColumn(3).assign(0);

      CompressionOutcome outcome = quantize(pruned, Map.of());

      assertEquals(1, outcome.details().get("zero_channels"));
      INDArray column = outcome.model().graph().getArrForVarName("hidden/W").getColumn(3);
      assertEquals(0.0, column.norm1Number().doubleValue());
      assertTrue(Outcomes.isFinite(outcome.model().predict(fixture.validation.getFeatures(0))));
    }
  }

  @Test
  void quantizedModelForecastsCloseToTheFloatModel() {
    CompressionOutcome outcome = quantize(fixture.trained, Map.of());

    INDArray windows = fixture.validation.getFeatures(0);
    double drift = CompressionFixture.meanAbsolute(outcome.model().predict(windows)
        .sub(fixture.trained.predict(windows)));
    double before = fixture.validationError(fixture.trained);
    double after = fixture.validationError(outcome.model());
    assertTrue(drift < 0.01, "mean forecast drift " + drift);
    assertTrue(after < before * 1.05 + 0.002, "error " + before + " -> " + after);
    assertInstanceOf(QuantizedSurrogate.class, outcome.model());
    assertEquals(4, outcome.details().get("int8_matrices"));
  }

  @Test
  void withoutCalibrationEveryWeightIsWithinHalfAStep() {
    CompressionOutcome outcome = quantize(fixture.trained, Map.of("calibrate", false));

    QuantizedSurrogate quantized = (QuantizedSurrogate) outcome.model();
    quantized.tensors().forEach((name, tensor) -> {
      float[] original = fixture.trained.graph().getArrForVarName(name).dup('c').data()
          .asFloat();
      float[] restored = outcome.model().graph().getArrForVarName(name).dup('c').data()
          .asFloat();
      for (int k = 0; k < original.length; k++) {
        float halfStep = tensor.scales()[k % tensor.channels()] / 2;
        assertEquals(original[k], restored[k], halfStep * 1.0001f, name + " " + k);
      }
    });
  }

  @Test
  void savedFileIsAtLeastThreeAndAHalfTimesSmallerAndLoadsBack(@TempDir Path dir)
      throws IOException {
    QuantizedSurrogate quantized = (QuantizedSurrogate) quantize(fixture.trained, Map.of())
        .model();

    long floatBytes = fixture.trained.save(dir.resolve("float.zip"));
    long int8Bytes = quantized.save(dir.resolve("int8.bin"));
    QuantizedSurrogate loaded = QuantizedSurrogate.load(dir.resolve("int8.bin"),
        TinySurrogate.create(CompressionFixture.WINDOW, CompressionFixture.FEATURES,
            CompressionFixture.WIDTH, CompressionFixture.HORIZON, 7));

    assertTrue(floatBytes >= 3.5 * int8Bytes, floatBytes + " vs " + int8Bytes);
    assertEquals(quantized.tensors(), loaded.tensors());
    INDArray windows = fixture.validation.getFeatures(0);
    assertEquals(quantized.predict(windows), loaded.predict(windows));
    assertEquals(int8Bytes, Files.size(dir.resolve("int8.bin")));
  }

  @Test
  void loadRefusesAnotherArchitectureOrAForeignFile(@TempDir Path dir) throws IOException {
    QuantizedSurrogate quantized = (QuantizedSurrogate) quantize(fixture.trained, Map.of())
        .model();
    Path file = dir.resolve("int8.bin");
    quantized.save(file);
    TinySurrogate wider = TinySurrogate.create(CompressionFixture.WINDOW,
        CompressionFixture.FEATURES, CompressionFixture.WIDTH + 8, CompressionFixture.HORIZON, 7);

    IOException mismatch = assertThrows(IOException.class,
        () -> QuantizedSurrogate.load(file, wider));
    assertTrue(mismatch.getMessage().contains("shape"), mismatch.getMessage());

    Path foreign = dir.resolve("float.zip");
    fixture.trained.save(foreign);
    assertThrows(IOException.class, () -> QuantizedSurrogate.load(foreign, fixture.trained));
  }

  @Test
  void copyIsIndependentAndKeepsTheInt8Weights() {
    QuantizedSurrogate quantized = (QuantizedSurrogate) quantize(fixture.trained, Map.of())
        .model();
    INDArray windows = fixture.validation.getFeatures(0);
    INDArray before = quantized.predict(windows);

    QuantizedSurrogate copy = quantized.copy();
    copy.graph().getArrForVarName("head/W").assign(0);

    assertEquals(before, quantized.predict(windows));
    assertEquals(quantized.tensors(), copy.tensors());
  }

  @Test
  void chainPruneThenQuantizeKeepsTheZerosAndRefusesTheOtherOrder() {
    CompressionOutcome pruned = new MagnitudePruning().compress(fixture.trained,
        Parameters.of("compression/prune-magnitude", Map.of("sparsity", 0.5)), fixture);

    CompressionOutcome quantized = quantize(pruned.model(), Map.of());

    assertEquals(pruned.model().nonZeroParameterCount(),
        quantized.model().nonZeroParameterCount());
    PluginException reversed = assertThrows(PluginException.class,
        () -> new MagnitudePruning().compress(quantized.model(),
            Parameters.of("compression/prune-magnitude", Map.of("sparsity", 0.5)), fixture));
    assertTrue(reversed.getMessage().contains("prune-magnitude"), reversed.getMessage());
    assertTrue(reversed.getMessage().contains("already int8"), reversed.getMessage());
    PluginException twice = assertThrows(PluginException.class,
        () -> quantize(quantized.model(), Map.of()));
    assertTrue(twice.getMessage().startsWith("quantize-int8"), twice.getMessage());
  }

  @Test
  void refusesUnknownParameters() {
    PluginException error = assertThrows(PluginException.class,
        () -> quantize(fixture.trained, Map.of("bits", 4)));

    assertTrue(error.getMessage().contains("bits"), error.getMessage());
    assertArrayEquals(new double[] {1.0, 0.995, 0.99, 0.98, 0.95, 0.9},
        Int8Quantization.CLIPS);
  }
}
