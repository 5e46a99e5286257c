package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
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
 * medians after warm-up (a training step timed inside an epoch, as the twin trains), next to
 * the same blocks in PyTorch ({@code src/test/python}) when the interpreter named by
 * {@code doppel.python} (default {@code python3}) can import {@code torch}. The two take
 * turns for {@code doppel.benchmark.rounds} rounds (default 3; PyTorch in a fresh process
 * each round), since one round's figure moved by up to a third between runs on a quiet
 * machine; the table gives the median over rounds and the training step's range. Slow, so
 * it runs only when asked:
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

  /** Rounds of the whole comparison; ND4J and PyTorch take turns, one round each. */
  private static final int ROUNDS = Integer.getInteger("doppel.benchmark.rounds", 3);

  @Test
  void measureEveryVariant() throws Exception {
    List<VariantCase> variants = smartGridCases();
    Map<String, List<Timing>> timings = new LinkedHashMap<>();
    Map<String, Long> weights = new LinkedHashMap<>();
    String pytorchMissing = null;
    for (int round = 1; round <= ROUNDS; round++) {
      for (VariantCase variant : variants) {
        Timing timing = measure(variant, weights);
        timings.computeIfAbsent(key("ND4J", variant.variant().id()), k -> new ArrayList<>())
            .add(timing);
        LOG.info("round {}: ND4J {} {}", round, variant.variant().id(), timing);
      }
      PyTorchRun run = pytorch();
      if (run.missing() != null) {
        pytorchMissing = run.missing();
        break;
      }
      for (Map.Entry<String, Timing> entry : run.timings().entrySet()) {
        timings.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
        LOG.info("round {}: {} {}", round, entry.getKey(), entry.getValue());
      }
    }

    String table = table(variants, timings, weights, pytorchMissing);
    LOG.info("attention benchmark, {} rounds (ND4J with OMP_NUM_THREADS={}):\n{}", ROUNDS,
        System.getenv("OMP_NUM_THREADS"), table);
    Files.writeString(Paths.get("target", "attention-benchmark.md"), table,
        StandardCharsets.UTF_8);
    for (VariantCase variant : variants) {
      assertEquals(ROUNDS, timings.get(key("ND4J", variant.variant().id())).size(),
          variant.variant().id() + " was not measured in every round");
    }
  }

  /** One measurement: the three medians, in milliseconds. */
  private record Timing(double train, double one, double many) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "train %.1f ms, batch 1 %.2f ms, batch 64 %.2f ms",
          train, one, many);
    }
  }

  /** The PyTorch timings of one process, by key, or why there are none. */
  private record PyTorchRun(Map<String, Timing> timings, String missing) {
  }

  private static String key(String framework, String variant) {
    return framework + " " + variant;
  }

  /**
   * Per variant: the median over rounds of each round's median, and the range of the
   * training step over rounds, for ND4J and for PyTorch on 1 and 2 threads.
   */
  private static String table(List<VariantCase> variants, Map<String, List<Timing>> timings,
      Map<String, Long> weights, String pytorchMissing) {
    List<String> rows = new ArrayList<>();
    rows.add("| variant | block weights | train step, batch 64 (ms): ND4J, 1 thread "
        + "| PyTorch, 1 thread | PyTorch, 2 threads | inference, batch 1 (ms): ND4J "
        + "| PyTorch | inference, batch 64 (ms): ND4J | PyTorch, 2 threads |");
    rows.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (VariantCase variant : variants) {
      String id = variant.variant().id();
      List<Timing> nd4j = timings.get(key("ND4J", id));
      List<Timing> one = timings.getOrDefault(key("PyTorch 1", id), List.of());
      List<Timing> two = timings.getOrDefault(key("PyTorch 2", id), List.of());
      rows.add(String.format(Locale.ROOT, "| %s %s | %d | %s | %s | %s | %s | %s | %s | %s |",
          id, variant.values(), weights.get(id), spread(nd4j, Timing::train),
          spread(one, Timing::train), spread(two, Timing::train),
          median(nd4j, Timing::one, "%.2f"), median(one, Timing::one, "%.2f"),
          median(nd4j, Timing::many, "%.2f"), median(two, Timing::many, "%.2f")));
    }
    if (pytorchMissing != null) {
      rows.add("");
      rows.add("PyTorch not measured: " + pytorchMissing);
    }
    return String.join("\n", rows) + "\n";
  }

  private static String spread(List<Timing> timings, ToDoubleFunction<Timing> field) {
    if (timings.isEmpty()) {
      return "–";
    }
    double[] values = timings.stream().mapToDouble(field).sorted().toArray();
    return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", median(values), values[0],
        values[values.length - 1]);
  }

  private static String median(List<Timing> timings, ToDoubleFunction<Timing> field,
      String format) {
    if (timings.isEmpty()) {
      return "–";
    }
    return String.format(Locale.ROOT, format,
        median(timings.stream().mapToDouble(field).toArray()));
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

  private static Timing measure(VariantCase variant, Map<String, Long> weights) {
    SameDiff graph = SameDiff.create();
    build(graph, variant.variant(), variant.parameters());
    weights.put(variant.variant().id(), blockWeights(graph));
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
    return new Timing(train, one, many);
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

  /**
   * One run of the PyTorch script in a fresh process. It gets PyTorch's own defaults for
   * OpenMP: the threading this build sets for ND4J ({@code OMP_NUM_THREADS=1},
   * {@code OMP_WAIT_POLICY=PASSIVE}) slowed PyTorch's two-thread steps by up to a half.
   */
  private static PyTorchRun pytorch() throws IOException, InterruptedException {
    Path script = Paths.get("src", "test", "python", "attention_benchmark.py");
    String python = System.getProperty("doppel.python", "python3");
    ProcessBuilder builder = new ProcessBuilder(python, script.toString(),
        String.valueOf(TOKENS), String.valueOf(WIDTH), String.valueOf(TRAIN_BATCH),
        String.valueOf(WARM_UP), String.valueOf(REPEATS)).redirectErrorStream(true);
    builder.environment().remove("OMP_NUM_THREADS");
    builder.environment().remove("OMP_WAIT_POLICY");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    if (status != 0) {
      LOG.warn("PyTorch benchmark failed ({}): {}", status, out);
      return new PyTorchRun(Map.of(), out.lines().reduce((a, b) -> b).orElse("exit " + status));
    }
    Map<String, Timing> timings = new LinkedHashMap<>();
    out.lines().filter(line -> line.startsWith("row\t")).forEach(line -> {
      String[] fields = line.split("\t");
      timings.put(key("PyTorch " + fields[2], fields[1]), new Timing(
          Double.parseDouble(fields[3]), Double.parseDouble(fields[4]),
          Double.parseDouble(fields[5])));
    });
    LOG.info("PyTorch {}", out.lines().filter(line -> line.startsWith("torch")).findFirst()
        .orElse("version unknown"));
    return new PyTorchRun(timings, null);
  }
}
