package org.doppel.plugins.compression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.model.SurrogateModel;
import org.doppel.sdk.testkit.CompressionFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures every strategy on the test model the same way: parameters, non-zeros, bytes of
 * the saved file, median forecast latency at batch 1 and 64 (300 calls per model in five
 * interleaved rounds, each after 20 warm-up calls), and the validation error. Runs only
 * with {@code -Ddoppel.bench=true} (see {@code docs/notes/compression.md}); writes a
 * Markdown table to {@code target/compression-bench-<width>.md}.
 */
@EnabledIfSystemProperty(named = "doppel.bench", matches = "true")
class CompressionBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(CompressionBenchmark.class);
  private static final int WARM_UP = 20;
  private static final int RUNS = 60;
  private static final int ROUNDS = 5;

  @Test
  void measureEveryStrategy() throws IOException {
    int width = Integer.getInteger("doppel.bench.width", CompressionFixture.WIDTH);
    CompressionFixture fixture = new CompressionFixture(width,
        Integer.getInteger("doppel.bench.epochs", 60));
    Path dir = Files.createDirectories(Path.of("target", "bench-" + width));

    Map<String, List<Step>> runs = new LinkedHashMap<>();
    runs.put("float (uncompressed)", List.of());
    runs.put("prune-magnitude 0.5", List.of(prune(0.5, 0)));
    runs.put("prune-magnitude 0.5, 5 epochs fine-tuning", List.of(prune(0.5, 5)));
    runs.put("prune-magnitude 0.8, 5 epochs fine-tuning", List.of(prune(0.8, 5)));
    runs.put("quantize-int8", List.of(int8()));
    runs.put("low-rank energy 0.9", List.of(lowRank(Map.of("energy", 0.9))));
    runs.put("low-rank energy 0.6, 5 epochs fine-tuning",
        List.of(lowRank(Map.of("energy", 0.6, "fine_tune_epochs", 5))));
    runs.put("low-rank rank 6, 5 epochs fine-tuning",
        List.of(lowRank(Map.of("rank", 6, "fine_tune_epochs", 5))));
    runs.put("prune-structured 0.5, 5 epochs fine-tuning", List.of(structured(0.5)));
    runs.put("distill width 0.5, 5 epochs", List.of(strategy(new Distillation(),
        Map.of("width", 0.5, "epochs", 5))));
    runs.put("prune 0.5 (5 ep) → int8", List.of(prune(0.5, 5), int8()));
    runs.put("prune 0.8 (5 ep) → int8", List.of(prune(0.8, 5), int8()));
    runs.put("prune-structured 0.5 (5 ep) → int8", List.of(structured(0.5), int8()));
    runs.put("low-rank rank 6 (5 ep) → int8",
        List.of(lowRank(Map.of("rank", 6, "fine_tune_epochs", 5)), int8()));

    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "| model (width %d) | parameters | non-zero | bytes | ms batch 1 | ms batch 64 "
            + "| validation MAE |%n| --- | ---: | ---: | ---: | ---: | ---: | ---: |%n", width));
    Map<String, SurrogateModel> models = new LinkedHashMap<>();
    for (Map.Entry<String, List<Step>> run : runs.entrySet()) {
      SurrogateModel model = fixture.trained;
      for (Step step : run.getValue()) {
        model = step.apply(model, fixture).model();
      }
      models.put(run.getKey(), model);
    }
    Map<String, double[]> batch1 = medianMillis(models, fixture, 1);
    Map<String, double[]> batch64 = medianMillis(models, fixture, 64);

    int index = 0;
    for (Map.Entry<String, SurrogateModel> entry : models.entrySet()) {
      SurrogateModel model = entry.getValue();
      long bytes = model.save(dir.resolve("model-" + index++ + ".bin"));
      table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.4f |%n",
          entry.getKey(), model.parameterCount(), model.nonZeroParameterCount(), bytes,
          median(batch1.get(entry.getKey())), median(batch64.get(entry.getKey())),
          fixture.validationError(model)));
    }

    Path report = Path.of("target", "compression-bench-" + width + ".md");
    Files.writeString(report, table);
    LOG.info("Benchmark written to {}:\n{}", report.toAbsolutePath(), table);
    assertTrue(Files.size(report) > 0);
  }

  /**
   * Times every model in {@link #ROUNDS} interleaved rounds, so slow drift of a shared
   * machine's load and JIT warm-up spread over all models instead of favouring the last.
   */
  private static Map<String, double[]> medianMillis(Map<String, SurrogateModel> models,
      CompressionFixture fixture, int batch) {
    INDArray windows = fixture.validation.getFeatures(0)
        .get(NDArrayIndex.interval(0, batch), NDArrayIndex.all(), NDArrayIndex.all()).dup();
    Map<String, double[]> millis = new LinkedHashMap<>();
    models.keySet().forEach(name -> millis.put(name, new double[ROUNDS * RUNS]));
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, SurrogateModel> entry : models.entrySet()) {
        for (int i = 0; i < WARM_UP; i++) {
          entry.getValue().predict(windows);
        }
        for (int i = 0; i < RUNS; i++) {
          long start = System.nanoTime();
          entry.getValue().predict(windows);
          millis.get(entry.getKey())[round * RUNS + i] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    return millis;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private interface Step {
    CompressionOutcome apply(SurrogateModel model, CompressionFixture fixture);
  }

  private static Step prune(double sparsity, int epochs) {
    return strategy(new MagnitudePruning(), Map.of("sparsity", sparsity,
        "fine_tune_epochs", epochs));
  }

  private static Step structured(double sparsity) {
    return strategy(new StructuredPruning(), Map.of("sparsity", sparsity,
        "fine_tune_epochs", 5));
  }

  private static Step int8() {
    return strategy(new Int8Quantization(), Map.of());
  }

  private static Step lowRank(Map<String, ?> values) {
    return strategy(new LowRankFactorization(), values);
  }

  private static Step strategy(CompressionStrategy strategy, Map<String, ?> values) {
    return (model, fixture) -> strategy.compress(model,
        Parameters.of("compression/" + strategy.id(), new LinkedHashMap<>(values)), fixture);
  }

}
