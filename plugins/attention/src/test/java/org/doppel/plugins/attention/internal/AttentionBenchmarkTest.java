package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.plugins.attention.NoAttention;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.testkit.AttentionBlockFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training-step time and inference latency of each variant's block at the smart-grid size
 * (42 tokens of width 32, a linear head on the last query, mean squared error, Adam),
 * medians after warm-up (a training step timed inside an epoch, as the twin trains); then
 * the same blocks in PyTorch ({@code src/test/python}), in the same run, when the
 * interpreter named by {@code doppel.python} (default {@code python3})
 * can import {@code torch}. Slow, so it runs only when asked:
 * {@code mvn -B -o -q -pl plugins/attention -am verify -Dtest=AttentionBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddoppel.benchmark=true
 * -Ddoppel.python=/usr/bin/python3}. The table goes to the
 * log and to {@code target/attention-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "doppel.benchmark", matches = "true")
class AttentionBenchmarkTest {

  private static final Logger LOG = LoggerFactory.getLogger(AttentionBenchmarkTest.class);

  private static final int TOKENS = 42;
  private static final int WIDTH = 32;
  private static final int TRAIN_BATCH = 64;
  private static final int WARM_UP = 15;
  private static final int REPEATS = 40;

  @Test
  void measureEveryVariant() throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add("| variant | parameters | block weights | train step, batch 64 (ms) "
        + "| inference, batch 1 (ms) | inference, batch 64 (ms) |");
    rows.add("| --- | --- | --- | --- | --- | --- |");
    for (VariantCase variant : smartGridCases()) {
      rows.add(measure(variant));
      LOG.info(rows.get(rows.size() - 1));
    }
    rows.addAll(pytorch());

    String table = String.join("\n", rows) + "\n";
    LOG.info("attention benchmark (OMP_NUM_THREADS={}):\n{}", System.getenv("OMP_NUM_THREADS"),
        table);
    Files.writeString(Paths.get("target", "attention-benchmark.md"), table,
        StandardCharsets.UTF_8);
    assertTrue(rows.size() >= 7, "a variant was not measured");
  }

  private static List<VariantCase> smartGridCases() {
    return List.of(
        new VariantCase(new DotProductAttention(), Map.of()),
        new VariantCase(new LearnedQueryAttention(), Map.of("queries", 1)),
        new VariantCase(new AdditiveAttention(), Map.of()),
        new VariantCase(new TopKAttention(), Map.of("k", 8)),
        new VariantCase(new LocalAttention(), Map.of("window", 4)),
        new VariantCase(new MultiHeadAttention(), Map.of("heads", 4)),
        new VariantCase(new NoAttention(), Map.of()));
  }

  private static String measure(VariantCase variant) {
    SameDiff graph = SameDiff.create();
    AttentionBlock block = build(graph, variant.variant(), variant.parameters());
    long weights = blockWeights(graph);
    INDArray tokens = AttentionBlockFixture.gaussian(1, TRAIN_BATCH, TOKENS, WIDTH)
        .reshape(TRAIN_BATCH, TOKENS, WIDTH);
    INDArray targets = AttentionBlockFixture.gaussian(2, TRAIN_BATCH, 1);
    MultiDataSet batch = new org.nd4j.linalg.dataset.MultiDataSet(
        new INDArray[] {tokens, Nd4j.ones(DataType.FLOAT, TRAIN_BATCH, TOKENS)},
        new INDArray[] {targets});

    double train = medianStepMillis(graph, batch);
    INDArray single = slice(tokens, 1);
    double one = medianMillis(() -> forecast(graph, single));
    double many = medianMillis(() -> forecast(graph, tokens));
    return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.2f | %.2f |",
        variant.variant().id(), variant.values(), weights, train, one, many);
  }

  private static AttentionBlock build(SameDiff graph, AttentionVariant variant,
      Parameters parameters) {
    SDVariable tokens = graph.placeHolder("tokens", DataType.FLOAT, -1, TOKENS, WIDTH);
    SDVariable keyMask = graph.placeHolder("keyMask", DataType.FLOAT, -1, TOKENS);
    SDVariable target = graph.placeHolder("target", DataType.FLOAT, -1, 1);
    AttentionBlock block = variant.build(graph, tokens, keyMask,
        new AttentionSpec("attn/", TOKENS, WIDTH, parameters, 1));

    SDVariable read = LagHarness.lastQuery(graph, block, WIDTH);
    SDVariable forecast = graph.mmul(read, AttentionGraph.weight(graph, "head", 1, WIDTH, 1))
        .add(AttentionGraph.bias(graph, "head_bias", 1)).rename("forecast");
    SDVariable error = forecast.sub(target);
    graph.mean("loss", error.mul(error));
    graph.setLossVariables("loss");
    graph.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(1e-3))
        .dataSetFeatureMapping("tokens", "keyMask").dataSetLabelMapping("target").build());
    return block;
  }

  private static long blockWeights(SameDiff graph) {
    long count = 0;
    for (SDVariable variable : graph.variables()) {
      if (variable.getVariableType() == VariableType.VARIABLE
          && variable.name().startsWith("attn/")) {
        count += variable.getArr().length();
      }
    }
    return count;
  }

  private static INDArray slice(INDArray tokens, int rows) {
    return tokens.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all(), NDArrayIndex.all())
        .dup();
  }

  private static void forecast(SameDiff graph, INDArray tokens) {
    graph.output(Map.of("tokens", tokens, "keyMask",
        Nd4j.ones(DataType.FLOAT, tokens.size(0), TOKENS)), "forecast");
  }

  /**
   * The median training step inside an epoch, the way the twin trains (one {@code fit} over
   * an iterator of minibatches): each step timed from its start to its end by a listener,
   * after an epoch of warm-up steps.
   */
  private static double medianStepMillis(SameDiff graph, MultiDataSet batch) {
    graph.fit(new RepeatedBatch(batch, WARM_UP), 1);
    StepTimer timer = new StepTimer();
    graph.setListeners(timer);
    graph.fit(new RepeatedBatch(batch, REPEATS), 1);
    graph.setListeners();
    return median(timer.millis.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double medianMillis(Runnable action) {
    for (int i = 0; i < WARM_UP; i++) {
      action.run();
    }
    double[] millis = new double[REPEATS];
    for (int i = 0; i < REPEATS; i++) {
      long start = System.nanoTime();
      action.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return median(millis);
  }

  private static double median(double[] millis) {
    Arrays.sort(millis);
    int n = millis.length;
    return n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2;
  }

  /** Start-to-end time of every training step it sees. */
  private static final class StepTimer extends BaseListener {

    private final List<Double> millis = new ArrayList<>();
    private long start;

    @Override
    public boolean isActive(Operation operation) {
      return operation == Operation.TRAINING;
    }

    @Override
    public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlMillis) {
      start = System.nanoTime();
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet data, Loss loss) {
      millis.add((System.nanoTime() - start) / 1e6);
    }
  }

  /** The same minibatch {@code steps} times: one epoch of identical steps. */
  private static final class RepeatedBatch implements MultiDataSetIterator {

    private final MultiDataSet batch;
    private final int steps;
    private int given;

    RepeatedBatch(MultiDataSet batch, int steps) {
      this.batch = batch;
      this.steps = steps;
    }

    @Override
    public boolean hasNext() {
      return given < steps;
    }

    @Override
    public MultiDataSet next() {
      given++;
      return batch;
    }

    @Override
    public MultiDataSet next(int count) {
      return next();
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
      throw new UnsupportedOperationException("no pre-processing in a benchmark");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
      return null;
    }

    @Override
    public boolean resetSupported() {
      return true;
    }

    @Override
    public boolean asyncSupported() {
      return false;
    }

    @Override
    public void reset() {
      given = 0;
    }
  }

  /** The PyTorch rows, or one row saying why there are none. */
  private static List<String> pytorch() throws IOException, InterruptedException {
    Path script = Paths.get("src", "test", "python", "attention_benchmark.py");
    String python = System.getProperty("doppel.python", "python3");
    Process process = new ProcessBuilder(python, script.toString(),
        String.valueOf(TOKENS), String.valueOf(WIDTH), String.valueOf(TRAIN_BATCH),
        String.valueOf(WARM_UP), String.valueOf(REPEATS)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    if (status != 0) {
      LOG.warn("PyTorch benchmark failed ({}): {}", status, out);
      return List.of("| PyTorch | not measured: " + out.lines().reduce((a, b) -> b).orElse("")
          + " | | | | |");
    }
    return out.lines().filter(line -> line.startsWith("|")).toList();
  }
}
