package org.doppel.runtime.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.io.AtomicFiles;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.registry.UnknownPluginException;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioSection;
import org.doppel.runtime.surrogate.SurrogateSettings;
import org.doppel.runtime.surrogate.SurrogateTrainer;
import org.doppel.runtime.surrogate.TrainedSurrogate;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.model.SurrogateModel;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.domain.ControlCase;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.domain.ForecastTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a twin, end to end: ingest → train the surrogate → evaluate against the
 * baselines → compress → closed-loop control → report, written under
 * {@code runs/<run-id>/}. Every plugin the scenario names is resolved before any long work
 * starts, so a wrong id fails in a second, with the installed ids listed. Not thread-safe:
 * one instance per run.
 */
public final class TwinRun {

  private static final Logger LOG = LoggerFactory.getLogger(TwinRun.class);

  static final Set<String> SCENARIO_KEYS = Set.of("name", "description", "domain", "seed",
      "data", "split", "surrogate", "attention", "compression", "control");

  private final PluginLookup registry;
  private final TimeSeriesIngest ingest;
  private final ComputeAccess compute;
  private final ComputeInfo computeInfo;
  private final Progress progress;

  /**
   * @param computeInfo the backend the run uses, for the report; {@code null} when unknown
   */
  TwinRun(PluginLookup registry, TimeSeriesIngest ingest, ComputeAccess compute,
      ComputeInfo computeInfo, Progress progress) {
    this.registry = registry;
    this.ingest = ingest;
    this.compute = compute;
    this.computeInfo = computeInfo;
    this.progress = progress;
  }

  /** A run through the framework's shared compute service. */
  public static TwinRun inFramework(PluginLookup registry, TimeSeriesIngest ingest,
      org.doppel.sdk.compute.ComputeService compute, Progress progress) {
    return new TwinRun(registry, ingest, ComputeAccess.through(compute, "run"),
        compute.info(), progress);
  }

  /** What a finished run left: its folder and whether every stage succeeded. */
  public record Outcome(Path folder, String summary, List<String> failures) {
  }

  /**
   * Runs {@code scenario}.
   *
   * @throws org.doppel.runtime.scenario.ScenarioException for a faulty scenario, before any
   *     folder is written
   * @throws RunFailedException when a stage fails; its folder is kept as
   *     {@code runs/<run-id>.failed/} with the error
   */
  public Outcome run(ScenarioDocument scenario, RunOptions options) throws IOException {
    long started = System.nanoTime();
    Plan plan = plan(scenario, options.quick());

    // The data and the split are checked before a folder exists: reading the CSV takes
    // milliseconds, and a faulty file or split is the scenario's fault, not the run's.
    DataStage.LoadedData data = DataStage.load(scenario, plan.domain(), ingest);
    SurrogateSettings settings = plan.settings();
    Split split = Split.from(scenario.section("split"), data.series().size(),
        2 * (settings.inputWindow() + settings.horizon()));
    checkControl(plan, data, split);
    RunFolder folder = RunFolder.create(options.runs(), plan.name(), options.startedAt());
    LOG.info("Run [{}]: scenario {}, domain [{}], attention [{}], controller [{}]",
        folder.runId(), scenario.source(), plan.domain().id(), plan.variant().id(),
        plan.controllerId());
    try (RunFolder.Guard interrupted = folder.guardInterruption()) {
      AtomicFiles.writeString(folder.file("scenario.yaml"), scenario.toYaml()
          + quickNote(options.quick(), plan.settings()));
      RunResults results = execute(scenario, plan, data, split, folder, options, started);
      new RunWriter(results).write(folder);
      Path finished = folder.complete();
      List<String> failures = results.compression().stream()
          .filter(m -> !m.ok()).map(CompressionStage.Measured::error).toList();
      return new Outcome(finished, Summary.of(results), failures);
    } catch (IOException | RuntimeException | LinkageError e) {
      // A LinkageError is what a run meets when Ctrl-C stops the framework under it.
      Path failed = folder.fail(e);
      throw new RunFailedException(failed, folder.reported(e));
    }
  }

  private RunResults execute(ScenarioDocument scenario, Plan plan, DataStage.LoadedData data,
      Split split, RunFolder folder, RunOptions options, long started) throws IOException {
    SurrogateSettings settings = plan.settings();

    ForecastStage.Outcome forecast = new ForecastStage(progress, compute).run(data, split,
        settings, plan.variant(), plan.attention(), plan.seed(), folder.file("model"),
        ForecastStage.baselines(data, split, settings.horizon()));
    Explanation explanation = explain(forecast, data, split, settings);

    List<CompressionStage.Measured> compression = new CompressionStage(registry, compute,
        progress).run(plan.compression(), forecast.surrogate(), data, split,
        settings.horizon(), folder.file("models"));

    DayAheadEvaluation twin = forecast.twin();
    Map<String, ControlStage.Loop> loops = new ControlStage(registry, progress).run(
        plan.domain(), twin.trace(data.unit(), data.series().interval()),
        plan.control(), plan.controllerId(), plan.controllerParameters());

    return new RunResults(folder.runId(), plan.name(), describeSource(scenario),
        plan.domain().id(), plan.domain().dataAttribution(), options.quick(), plan.seed(),
        data, split, settings, plan.variant().id(), plan.attention().asMap(), forecast,
        explanation, compression, plan.controllerId(), loops, computeInfo,
        (System.nanoTime() - started) / 1e9);
  }

  /** The scenario's choices, every plugin resolved. */
  private record Plan(String name, long seed, DomainModule domain, SurrogateSettings settings,
      AttentionVariant variant, Parameters attention, List<ScenarioSection> compression,
      ScenarioSection controlSection, Parameters control, ScenarioSection controllerSection,
      String controllerId, Parameters controllerParameters) {
  }

  private Plan plan(ScenarioDocument scenario, boolean quick) {
    ScenarioSection root = scenario.root().requireOnly(SCENARIO_KEYS);
    String name = root.getString("name", "run");
    long seed = root.getInt("seed", 42, 0, Integer.MAX_VALUE);
    DomainModule domain = resolve(root, "domain", PluginType.DOMAIN, root.getString("domain"),
        DomainModule.class);

    SurrogateSettings settings = SurrogateSettings.from(scenario.section("surrogate"));
    if (quick) {
      settings = settings.quick();
    }

    CheckedAttention checkedAttention = checkAttention(registry, compute,
        scenario.section("attention"), settings);
    AttentionVariant variant = checkedAttention.variant();
    Parameters attention = checkedAttention.parameters();

    List<ScenarioSection> chain = root.has("compression") ? scenario.sections("compression")
        : List.of();
    for (int i = 0; i < chain.size(); i++) {
      ScenarioSection step = chain.get(i);
      org.doppel.sdk.compression.CompressionStrategy strategy = resolve(step, "id",
          PluginType.COMPRESSION, step.id(),
          org.doppel.sdk.compression.CompressionStrategy.class);
      Parameters parameters = step.toParameters("compression/" + step.id(), Set.of("id"));
      // Only the first step gets the network as it will be trained: a later one gets what
      // earlier steps made of it (low-rank factors, say, are dense blocks prune-structured
      // can narrow), which nothing can know before training.
      boolean first = i == 0;
      try {
        compute.run("check", () -> {
          if (first) {
            strategy.validate(parameters, checkedAttention.untrained());
          } else {
            strategy.validate(parameters);
          }
          return null;
        });
      } catch (PluginException e) {
        throw step.errorAtParameter(e.getMessage());
      }
      if (strategy.mustBeLast() && i + 1 < chain.size()) {
        throw step.error(step.id() + " must be the last step of the chain (nothing can "
            + "compress its model further); put '" + chain.get(i + 1).id() + "' before it");
      }
    }

    // The controller is a plugin section like attention: `controller: lqr{mode: discrete}`,
    // so `--set control.controller=mpc` swaps the controller and its parameters together.
    ScenarioSection control = scenario.section("control");
    ScenarioSection controller = control.section("controller");
    String controllerId = controller.id();
    resolve(controller, "id", PluginType.CONTROLLER, controllerId,
        org.doppel.sdk.control.Controller.class);
    Parameters controllerParameters = controller.toParameters("controller/" + controllerId,
        Set.of("id"));
    return new Plan(name, seed, domain, settings, variant, attention, chain, control,
        control.toParameters("control", Set.of()), controller, controllerId,
        controllerParameters);
  }

  private <T extends Plugin> T resolve(ScenarioSection section, String key, PluginType type,
      String id, Class<T> api) {
    return resolve(registry, section, key, type, id, api);
  }

  /** A scenario's attention variant with its parameters, checked. */
  record CheckedAttention(AttentionVariant variant, Parameters parameters,
      SurrogateModel untrained) {
  }

  /**
   * The variant the attention section names, its parameters checked by building the
   * untrained network once (milliseconds), so a mistake is a located error before training.
   */
  static CheckedAttention checkAttention(PluginLookup plugins, ComputeAccess compute,
      ScenarioSection section, SurrogateSettings settings) {
    AttentionVariant variant = resolve(plugins, section, "id", PluginType.ATTENTION,
        section.id(), AttentionVariant.class);
    Parameters parameters = section.toParameters("attention/" + variant.id(), Set.of("id"));
    try {
      SurrogateModel untrained = compute.run("check",
          () -> new SurrogateTrainer(settings, variant, parameters, 0).checkParameters());
      return new CheckedAttention(variant, parameters, untrained);
    } catch (PluginException e) {
      throw section.errorAtParameter(e.getMessage());
    }
  }

  /** The plugin a scenario names; an unknown id is an error located at {@code key}. */
  static <T extends Plugin> T resolve(PluginLookup plugins, ScenarioSection section,
      String key, PluginType type, String id, Class<T> api) {
    try {
      return plugins.require(type, id, api);
    } catch (UnknownPluginException e) {
      throw section.error(key, e.getMessage());
    }
  }

  private Explanation explain(ForecastStage.Outcome forecast, DataStage.LoadedData data,
      Split split, SurrogateSettings settings) {
    TrainedSurrogate trained = forecast.surrogate();
    int[] origins = forecast.twin().origins();
    LocalDateTime[] timestamps = data.series().timestamps();
    double[][][] byOrigin = new double[origins.length][][];
    for (int o = 0; o < origins.length; o++) {
      int origin = origins[o];
      byOrigin[o] = compute.run("attention",
          () -> trained.attentionWeights(timestamps, data.targetValues(), origin));
      if (byOrigin[o] == null) {
        return null;
      }
    }

    double[] mean = new double[byOrigin[0][0].length];
    for (double[][] weights : byOrigin) {
      for (double[] query : weights) {
        for (int t = 0; t < mean.length; t++) {
          mean[t] += query[t] / (weights.length * (double) origins.length);
        }
      }
    }
    Duration interval = data.series().interval();
    return new Explanation(timestamps[origins[0]], byOrigin[0], mean,
        Explanation.tokens(settings.inputWindow(), trained.patch(), interval,
            timestamps[origins[0]]));
  }

  /**
   * Sets up the closed loop once on a perfect forecast of the test period and designs the
   * scenario's controller and the baseline for it: the domain's control settings and the
   * controllers' parameters are checked in milliseconds, before any training.
   */
  private void checkControl(Plan plan, DataStage.LoadedData data, Split split) {
    LocalDateTime[] times = java.util.Arrays.copyOfRange(data.series().timestamps(),
        split.testStart(), split.testEnd());
    double[] actual = java.util.Arrays.copyOfRange(data.targetValues(), split.testStart(),
        split.testEnd());
    try {
      ControlCase probe = plan.domain().controlCase(new ForecastTrace(times, actual, actual,
          data.unit(), data.series().interval()), plan.control());
      try {
        registry.require(PluginType.CONTROLLER, plan.controllerId(),
            org.doppel.sdk.control.Controller.class).design(probe.problem(),
            plan.controllerParameters());
      } catch (PluginException | IllegalArgumentException e) {
        // at the parameter the controller names, so `pid{kp: -1}` points at its --set
        throw plan.controllerSection().errorAtParameter(e.getMessage());
      }
      String baseline = probe.baselineController();
      if (baseline != null && !baseline.equals(plan.controllerId())) {
        registry.require(PluginType.CONTROLLER, baseline,
            org.doppel.sdk.control.Controller.class).design(probe.problem(),
            probe.baselineParameters());
      }
    } catch (PluginException | IllegalArgumentException e) {
      throw plan.controlSection().error(e.getMessage());
    }
  }

  /** A resolved scenario of a --quick run says which settings training really used. */
  private static String quickNote(boolean quick, SurrogateSettings used) {
    return quick ? "# This run used --quick: the surrogate trained with epochs "
        + used.epochs() + " and patience " + used.patience() + " instead of the values above;"
        + "\n# run this file with --quick to reproduce it.\n" : "";
  }

  private static String describeSource(ScenarioDocument scenario) {
    List<String> sets = scenario.appliedOverrides();
    return sets.isEmpty() ? scenario.source()
        : scenario.source() + " with --set " + String.join(" --set ", sets);
  }

  /** A run that failed in one of its stages; its folder keeps what it had written. */
  public static final class RunFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    RunFailedException(Path folder, Throwable cause) {
      super(describe(cause), cause);
      this.folder = folder;
    }

    /**
     * The cause's message, or its name without one. Kept here, not borrowed from another
     * class: after a Ctrl-C the framework is stopping and classes not loaded yet cannot be.
     */
    private static String describe(Throwable cause) {
      String message = cause.getMessage();
      return message == null || message.isBlank() ? cause.toString() : message;
    }

    public Path folder() {
      return folder;
    }
  }
}
