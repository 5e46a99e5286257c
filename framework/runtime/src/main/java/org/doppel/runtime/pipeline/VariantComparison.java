package org.doppel.runtime.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.doppel.runtime.evaluation.Baselines;
import org.doppel.runtime.evaluation.ForecastAccuracy;
import org.doppel.runtime.io.AtomicFiles;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.runtime.scenario.ScenarioSection;
import org.doppel.runtime.surrogate.SurrogateSettings;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code doppel compare}: trains the scenario's surrogate once per attention variant, on the
 * same data, split, settings and seed, and writes one table and one page of charts: error,
 * parameters, training time and inference latency. Variants are listed as in a scenario,
 * with or without parameters ({@code dot-product,top-k{k: 8},top-k{k: 4}}); a listed
 * variant's parameters replace the scenario's, a plain id gets the scenario's parameters
 * when it is the scenario's own variant and its defaults otherwise. Every listed variant,
 * and the scenario's own attention section, is checked as {@code run} checks it, before any
 * folder is made. Each row names its parameters. Not thread-safe.
 */
public final class VariantComparison {

  private static final Logger LOG = LoggerFactory.getLogger(VariantComparison.class);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private final PluginLookup plugins;
  private final TimeSeriesIngest ingest;
  private final ComputeAccess compute;
  private final Progress progress;

  VariantComparison(PluginLookup plugins, TimeSeriesIngest ingest, ComputeAccess compute,
      Progress progress) {
    this.plugins = plugins;
    this.ingest = ingest;
    this.compute = compute;
    this.progress = progress;
  }

  /** A comparison through the framework's shared compute service. */
  public static VariantComparison inFramework(PluginLookup plugins, TimeSeriesIngest ingest,
      ComputeService compute, Progress progress) {
    return new VariantComparison(plugins, ingest, ComputeAccess.through(compute, "compare"),
        progress);
  }

  /** One variant's figures, or the reason it failed. */
  public record Row(String variant, Map<String, Object> settings, ForecastAccuracy accuracy,
      long parameters, int epochs, double trainingSeconds, double batch1Ms, double batch64Ms,
      String error) {

    public Row {
      settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The variant as a scenario would write it: {@code top-k{k: 8}}, or just the id. */
    public String label() {
      return ForecastStage.label(variant, settings);
    }
  }

  /** A variant to train, with the parameters it trains with. */
  private record Candidate(AttentionVariant variant, Parameters parameters) {
  }

  /** The comparison's folder, its rows and the printed table. */
  public record Outcome(Path folder, List<Row> rows, String table) {
  }

  /** What every row was measured against: the run's settings and the naive baselines. */
  private record Context(String source, long seed, boolean quick, SurrogateSettings settings,
      Map<String, ForecastAccuracy> baselines) {

    String describe() {
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
          "scenario %s, seed %d%s%nsurrogate %s%nbaselines on the same origins:", source, seed,
          quick ? ", --quick" : "", settings.toMap()));
      baselines.forEach((name, accuracy) -> text.append(String.format(Locale.ROOT,
          " %s %.3f %%", name, accuracy.mape())));
      return text.append(String.format("%n")).toString();
    }
  }

  /**
   * Trains every variant {@code listed} (every installed variant, with the scenario's
   * parameters for its own, when the list is empty) and writes the comparison.
   *
   * @throws ScenarioException before any folder, for a listed variant or the scenario's
   *     attention section that {@code run} would refuse, or a variant listed twice alike
   */
  public Outcome compare(ScenarioDocument scenario, List<ScenarioSection> listed,
      RunOptions options) throws IOException {
    ScenarioSection root = scenario.root().requireOnly(TwinRun.SCENARIO_KEYS);
    DomainModule domain = TwinRun.resolve(plugins, root, "domain", PluginType.DOMAIN,
        root.getString("domain"), DomainModule.class);
    SurrogateSettings written = SurrogateSettings.from(scenario.section("surrogate"));
    SurrogateSettings settings = options.quick() ? written.quick() : written;
    long seed = root.getInt("seed", 42, 0, Integer.MAX_VALUE);
    List<Candidate> candidates = candidates(scenario.section("attention"), listed, settings);

    DataStage.LoadedData data = DataStage.load(scenario, domain, ingest);
    Split split = Split.from(scenario.section("split"), data.series().size(),
        2 * (settings.inputWindow() + settings.horizon()));
    Map<String, ForecastAccuracy> baselines = new LinkedHashMap<>();
    ForecastStage.baselines(data, split, settings.horizon())
        .forEach((name, evaluation) -> baselines.put(name, evaluation.pooled()));
    Context context = new Context(scenario.source(), seed, options.quick(), settings,
        baselines);

    RunFolder folder = RunFolder.create(options.runs(), "compare-" + root.getString("name",
        "run"), options.startedAt());
    try (RunFolder.Guard interrupted = folder.guardInterruption()) {
      AtomicFiles.writeString(folder.file("scenario.yaml"), scenario.toYaml());
      warmUp(candidates.get(0), data, split, settings, seed);
      List<Trained> trained = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (Candidate candidate : candidates) {
        String id = candidate.variant().id();
        int occurrence = seen.merge(id, 1, Integer::sum);
        String models = occurrence == 1 ? id : id + "-" + occurrence;
        trained.add(train(candidate, data, split, settings, seed,
            folder.file("models/" + models)));
        if (folder.interrupted()) {
          throw new IllegalStateException("interrupted after " + candidate.variant().id());
        }
      }
      List<Row> rows = rows(trained, data, baselines.get(Baselines.PERSISTENCE));
      write(folder, rows, context);
      String table = context.describe() + table(rows);
      return new Outcome(folder.complete(), rows, table);
    } catch (IOException | RuntimeException | LinkageError e) {
      // A LinkageError is what a run meets when Ctrl-C stops the framework under it.
      throw new TwinRun.RunFailedException(folder.fail(e), folder.reported(e));
    }
  }

  /** The variants to train, each checked as {@code run} checks its attention section. */
  private List<Candidate> candidates(ScenarioSection attention, List<ScenarioSection> listed,
      SurrogateSettings settings) {
    // Refused as run refuses it, even when its variant is not compared: the scenario's own
    // attention parameters (say --set attention.k=8 on multi-head) would be dropped silently.
    TwinRun.CheckedAttention own = TwinRun.checkAttention(plugins, compute, attention,
        settings);
    List<Candidate> candidates = new ArrayList<>();
    if (listed.isEmpty()) {
      for (String id : plugins.ids(PluginType.ATTENTION)) {
        candidates.add(id.equals(own.variant().id())
            ? new Candidate(own.variant(), own.parameters())
            : new Candidate(plugins.require(PluginType.ATTENTION, id, AttentionVariant.class),
                Parameters.of("attention/" + id, Map.of())));
      }
      return candidates;
    }
    Map<String, ScenarioSection> alike = new HashMap<>();
    for (ScenarioSection item : listed) {
      TwinRun.CheckedAttention checked = TwinRun.checkAttention(plugins, compute, item,
          settings);
      boolean plain = item.toMap().keySet().equals(Set.of("id"));
      Candidate candidate = plain && checked.variant().id().equals(own.variant().id())
          ? new Candidate(own.variant(), own.parameters())
          : new Candidate(checked.variant(), checked.parameters());
      ScenarioSection earlier = alike.putIfAbsent(candidate.variant().id()
          + new TreeMap<>(candidate.parameters().asMap()), item);
      if (earlier != null) {
        throw item.error("id", "listed twice with the same parameters (as "
            + earlier.path() + "); the same seed would train the same model again");
      }
      candidates.add(candidate);
    }
    return candidates;
  }

  /** A variant after training: its outcome, or why it failed. */
  private record Trained(Candidate candidate, ForecastStage.Outcome outcome, String error) {

    Row row(LatencyMeter.Latency latency) {
      Map<String, Object> settings = candidate.parameters().asMap();
      if (error != null) {
        return new Row(candidate.variant().id(), settings, null, 0, 0, 0, 0, 0, error);
      }
      return new Row(candidate.variant().id(), settings, outcome.twin().pooled(),
          outcome.surrogate().model().parameterCount(), outcome.surrogate().history().size(),
          outcome.trainingSeconds(), latency.batch1Ms(), latency.batch64Ms(), null);
    }
  }

  /**
   * One unmeasured epoch of the first variant, so that the first row's training time is
   * not also the JVM's and ND4J's warm-up (it was up to twice the next row's for the same
   * model).
   */
  private void warmUp(Candidate first, DataStage.LoadedData data, Split split,
      SurrogateSettings settings, long seed) throws IOException {
    LOG.info("Warming up: one unmeasured epoch of [{}]", first.variant().id());
    SurrogateSettings once = new SurrogateSettings(settings.inputWindow(), settings.horizon(),
        settings.patch(), settings.width(), 1, settings.batchSize(), settings.learningRate(),
        settings.l2(), settings.dropout(), settings.validationFraction(), settings.patience());
    Path scratch = Files.createTempDirectory("doppel-compare-warm-up");
    try {
      new ForecastStage(Progress.off(), compute).run(data, split, once, first.variant(),
          first.parameters(), seed, scratch.resolve("model"), Map.of());
    } catch (RuntimeException e) {
      LOG.debug("Warm-up of [{}] failed; its own row will say why", first.variant().id(), e);
    } finally {
      AtomicFiles.deleteTree(scratch);
    }
  }

  private Trained train(Candidate candidate, DataStage.LoadedData data, Split split,
      SurrogateSettings settings, long seed, Path modelFolder) {
    AttentionVariant variant = candidate.variant();
    try {
      ForecastStage.Outcome outcome = new ForecastStage(progress, compute).run(data, split,
          settings, variant, candidate.parameters(), seed, modelFolder, Map.of());
      return new Trained(candidate, outcome, null);
    } catch (IOException | RuntimeException e) {
      String label = ForecastStage.label(variant.id(), candidate.parameters().asMap());
      LOG.error("Variant [{}] failed: {}", label, CompressionStage.describe(e), e);
      return new Trained(candidate, null, CompressionStage.describe(e));
    }
  }

  /**
   * The rows, with every trained model's latency timed in interleaved rounds (as the
   * compression stage times its models), so a slow spell or a warming JIT weighs on all
   * alike rather than on whichever variant came first.
   */
  private List<Row> rows(List<Trained> trained, DataStage.LoadedData data,
      ForecastAccuracy persistence) {
    List<Trained> ok = trained.stream().filter(t -> t.error() == null).toList();
    List<LatencyMeter.Latency> latencies = List.of();
    if (!ok.isEmpty()) {
      ForecastStage.Outcome first = ok.get(0).outcome();
      INDArray windows = first.surrogate().windows(data.series().timestamps(),
          data.targetValues(), first.twin().origins());
      List<SurrogateModel> models = ok.stream().map(t -> t.outcome().surrogate().model())
          .toList();
      latencies = compute.run("latency", () -> LatencyMeter.measureAll(models, windows,
          CompressionStage.LATENCY_REPEATS));
    }
    List<Row> rows = new ArrayList<>();
    int next = 0;
    for (Trained t : trained) {
      Row row = t.row(t.error() == null ? latencies.get(next++) : null);
      if (row.error() == null) {
        LOG.info("Compared [{}]: {}", row.label(), row);
        if (persistence != null) {
          ForecastStage.warnIfWorse(row.label(), row.accuracy().mape(),
              Baselines.PERSISTENCE, persistence.mape());
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private void write(RunFolder folder, List<Row> rows, Context context) throws IOException {
    List<Map<String, Object>> json = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("variant", row.variant());
      entry.put("settings", row.settings());
      if (row.error() != null) {
        entry.put("error", row.error());
      } else {
        entry.putAll(Metrics.accuracy(row.accuracy()));
        entry.put("parameters", row.parameters());
        entry.put("epochs", row.epochs());
        entry.put("training_seconds", row.trainingSeconds());
        entry.put("latency_ms", row.batch1Ms());
        entry.put("latency_ms_batch_64", row.batch64Ms());
      }
      json.add(entry);
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> baselines = new LinkedHashMap<>();
    context.baselines().forEach((name, accuracy) -> baselines.put(Metrics.key(name),
        Metrics.accuracy(accuracy)));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("scenario", context.source());
    document.put("seed", context.seed());
    document.put("quick", context.quick());
    document.put("settings", context.settings().toMap());
    document.put("baselines", baselines);
    document.put("variants", json);
    AtomicFiles.write(folder.file("comparison.json"), out -> mapper.writeValue(out,
        document));
    AtomicFiles.write(folder.file("comparison.csv"), out -> {
      CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(
          "variant", "settings", "mape", "rmse", "mae", "parameters", "epochs",
          "training_seconds", "latency_ms", "latency_ms_batch_64", "error").build();
      try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out,
          StandardCharsets.UTF_8), format)) {
        for (Row row : rows) {
          String settings = COMPACT.writeValueAsString(row.settings());
          if (row.error() != null) {
            csv.printRecord(row.variant(), settings, "", "", "", "", "", "", "", "",
                row.error());
          } else {
            csv.printRecord(row.variant(), settings, row.accuracy().mape(),
                row.accuracy().rmse(),
                row.accuracy().mae(), row.parameters(), row.epochs(), row.trainingSeconds(),
                row.batch1Ms(), row.batch64Ms(), "");
          }
        }
      }
    });
    AtomicFiles.writeString(folder.file("comparison.html"), page(rows, context));
  }

  private static String page(List<Row> rows, Context context) {
    List<Row> ok = rows.stream().filter(r -> r.error() == null).toList();
    String[] names = ok.stream().map(Row::label).toArray(String[]::new);
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>Doppel: attention variants compared</title><style>"
        + "body{font-family:sans-serif;max-width:1000px;margin:2em auto}"
        + "pre{background:#f6f6f6;padding:1em}img{max-width:100%}</style></head><body>"
        + "<h1>Attention variants compared</h1><pre>");
    html.append(ReportPage.esc(context.describe() + table(rows))).append("</pre>\n");
    if (!ok.isEmpty()) {
      html.append(img(Charts.bars("Day-ahead MAPE by variant", "MAPE %", names,
          ok.stream().mapToDouble(r -> r.accuracy().mape()).toArray())));
      html.append(img(Charts.bars("Training time by variant", "seconds", names,
          ok.stream().mapToDouble(Row::trainingSeconds).toArray())));
      html.append(img(Charts.bars("Inference latency at batch 64", "ms", names,
          ok.stream().mapToDouble(Row::batch64Ms).toArray())));
    }
    return html.append("</body></html>\n").toString();
  }

  private static String img(String dataUri) {
    return "<img alt=\"chart\" src=\"" + dataUri + "\">\n";
  }

  static String table(List<Row> rows) {
    int width = Math.max(14, rows.stream().mapToInt(row -> row.label().length()).max()
        .orElse(0));
    String name = "%-" + width + "s";
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        name + " %8s %9s %9s %10s %6s %9s %8s %9s%n", "variant", "MAPE %", "RMSE", "MAE",
        "params", "epochs", "train s", "ms (1)", "ms (64)"));
    for (Row row : rows) {
      if (row.error() != null) {
        text.append(String.format(Locale.ROOT, name + " FAILED: %s%n", row.label(),
            row.error()));
        continue;
      }
      text.append(String.format(Locale.ROOT, name + " %8.3f %9.1f %9.1f %10d %6d %9.1f "
          + "%8.3f %9.3f%n", row.label(), row.accuracy().mape(), row.accuracy().rmse(),
          row.accuracy().mae(), row.parameters(), row.epochs(), row.trainingSeconds(),
          row.batch1Ms(), row.batch64Ms()));
    }
    return text.toString();
  }
}
