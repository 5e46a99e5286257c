package org.doppel.runtime.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.doppel.runtime.io.AtomicFiles;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunFolder;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.registry.UnknownPluginException;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.runtime.scenario.ScenarioSection;
import org.doppel.runtime.scenario.SourceLocation;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.data.IngestException;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.study.DomainStudy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a domain's own {@link DomainStudy}, the path {@code doppel run} takes instead of
 * the day-ahead pipeline when the scenario's domain has a study.
 *
 * <p>Before any folder is written, the scenario's top-level sections are checked against
 * {@code name, description, domain, seed} and the study's {@code sections()}, and the study
 * validates the scenario; either failing is a {@link ScenarioException} naming the file.
 * The run then writes into {@code runs/<run-id>/} (through {@link RunFolder}: a hidden
 * working folder moved into place when the study returns): {@code scenario.yaml}, what the
 * study reports as it reports it, and at the end {@code metrics.json} and
 * {@code report.html}. A study that throws, or a JVM shutdown (Ctrl-C, SIGTERM) while it
 * runs, leaves {@code runs/<run-id>.failed/} with what it had reported, both of those files
 * and {@code error.txt}. Not thread-safe: one instance per run.
 */
public final class StudyRun {

  private static final Logger LOG = LoggerFactory.getLogger(StudyRun.class);

  /** The top-level keys every study scenario may hold besides the study's sections. */
  public static final Set<String> COMMON_KEYS = Set.of("name", "description", "domain",
      "seed");

  private final PluginLookup plugins;
  private final TimeSeriesIngest ingest;
  private final Supplier<SequenceForecasting> forecasting;
  private final ComputeInfo computeInfo;
  private final Progress progress;
  private final ShutdownHooks hooks;

  /** Where the hook that keeps an interrupted run is registered; tests run it themselves. */
  interface ShutdownHooks {
    void add(Thread hook);

    void remove(Thread hook);

    ShutdownHooks JVM = new ShutdownHooks() {
      @Override
      public void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
      }

      @Override
      public void remove(Thread hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running or has run.
        }
      }
    };
  }

  /**
   * @param forecasting the attention forecasting service, looked up only when the study
   *     asks for it
   * @param computeInfo the compute backend, for the report; {@code null} when unknown
   */
  public StudyRun(PluginLookup plugins, TimeSeriesIngest ingest,
      Supplier<SequenceForecasting> forecasting, ComputeInfo computeInfo, Progress progress) {
    this(plugins, ingest, forecasting, computeInfo, progress, ShutdownHooks.JVM);
  }

  StudyRun(PluginLookup plugins, TimeSeriesIngest ingest,
      Supplier<SequenceForecasting> forecasting, ComputeInfo computeInfo, Progress progress,
      ShutdownHooks hooks) {
    this.plugins = plugins;
    this.ingest = ingest;
    this.forecasting = forecasting;
    this.computeInfo = computeInfo;
    this.progress = progress;
    this.hooks = hooks;
  }

  /**
   * The study of the scenario's domain, when the scenario names an installed domain that has
   * one; empty otherwise (the day-ahead pipeline then runs, and reports a missing or unknown
   * domain itself).
   *
   * @throws ScenarioException when {@code domain} is not text
   */
  public static Optional<DomainStudy> studyOf(ScenarioDocument scenario,
      PluginLookup plugins) {
    ScenarioSection root = scenario.root();
    if (!root.has("domain")) {
      return Optional.empty();
    }
    try {
      return plugins.require(PluginType.DOMAIN, root.getString("domain"), DomainModule.class)
          .study();
    } catch (UnknownPluginException e) {
      return Optional.empty();
    }
  }

  /**
   * What a finished study left.
   *
   * @param folder {@code runs/<run-id>/}
   * @param summary one line for the terminal: the folder and what was reported
   */
  public record Outcome(Path folder, String summary, int metrics, int tables, int charts) {
  }

  /**
   * Runs the study of the scenario's domain.
   *
   * @throws ScenarioException for an unknown section, a missing or unknown domain, or a
   *     scenario the study's {@code validate} refuses, before any folder is written
   * @throws StudyFailedException when the study throws; its folder is kept as
   *     {@code runs/<run-id>.failed/} (no folder when {@code validate} itself breaks)
   * @throws IOException when the run folder cannot be created
   */
  public Outcome run(ScenarioDocument scenario, RunOptions options) throws IOException {
    long started = System.nanoTime();
    ScenarioSection root = scenario.root();
    DomainModule domain = domain(root);
    DomainStudy study = domain.study().orElseThrow(() -> root.error("domain",
        "domain '" + domain.id() + "' has no study of its own; it runs the day-ahead"
        + " pipeline"));
    checkSections(root, domain, study);
    String name = root.getString("name", domain.id());
    long seed = root.getInt("seed", 42, 0, Integer.MAX_VALUE);

    RunStudyContext checking = new RunStudyContext("", seed, options.quick(), scenario,
        study.sections(), plugins, ingest, forecasting, progress);
    try {
      study.validate(checking);
    } catch (ScenarioException e) {
      throw e;
    } catch (PluginException | IllegalArgumentException | IngestException e) {
      // Data read while checking is the scenario's data: a faulty file is a usage error too.
      throw new ScenarioException(locate(root, describe(e)), "", "the study of domain '"
          + domain.id() + "' refuses this scenario: " + describe(e));
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      // A bug in the study, not in the scenario; no folder exists yet.
      throw new StudyFailedException(null, new IllegalStateException("the study of domain '"
          + domain.id() + "' failed while checking the scenario: " + describe(e), e));
    }

    RunFolder folder = RunFolder.create(options.runs(), name, options.startedAt());
    LOG.info("Study run [{}]: scenario {}, domain [{}]{}", folder.runId(), scenario.source(),
        domain.id(), options.quick() ? ", quick" : "");
    RunStudyReport report = new RunStudyReport(folder::file);
    RunStudyContext context = checking.running(folder.runId(), report);
    Execution execution = new Execution(folder, report, scenario, domain, name, seed,
        options, started);
    Thread hook = new Thread(execution::interrupted, "doppel-study-interrupted");
    hooks.add(hook);
    try {
      AtomicFiles.writeString(folder.file("scenario.yaml"), scenario.toYaml()
          + (options.quick() ? "# This run used --quick; run this file with --quick to "
              + "reproduce it.\n" : ""));
      try {
        study.run(context);
      } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
        throw new StudyFailure(e);
      }
      return execution.finish();
    } catch (StudyFailure | IOException | RuntimeException e) {
      throw execution.fail(e instanceof StudyFailure failure ? failure.getCause() : e);
    } finally {
      hooks.remove(hook);
    }
  }

  /** Who owns the run folder once the study has started. */
  private enum Owner { STUDY, FINISHING, INTERRUPTION }

  /**
   * The end of one run, reached once: the study returned, the study failed, or the JVM is
   * going down (Ctrl-C, SIGTERM) while it runs. Whoever comes first writes the folder; the
   * study's thread, when the interruption came first, only learns where the folder went.
   */
  private final class Execution {

    private final RunFolder folder;
    private final RunStudyReport report;
    private final ScenarioDocument scenario;
    private final DomainModule domain;
    private final String name;
    private final long seed;
    private final RunOptions options;
    private final long started;
    private final AtomicReference<Owner> owner = new AtomicReference<>(Owner.STUDY);

    Execution(RunFolder folder, RunStudyReport report, ScenarioDocument scenario,
        DomainModule domain, String name, long seed, RunOptions options, long started) {
      this.folder = folder;
      this.report = report;
      this.scenario = scenario;
      this.domain = domain;
      this.name = name;
      this.seed = seed;
      this.options = options;
      this.started = started;
    }

    Outcome finish() throws IOException {
      if (!owner.compareAndSet(Owner.STUDY, Owner.FINISHING)) {
        throw new IOException("the run was interrupted (Ctrl-C or SIGTERM) before it"
            + " finished");
      }
      report.close();
      StudyPage.Header header = header();
      writeOutputs(folder, header, report, null);
      Path finished = folder.complete();
      String summary = "Study of " + domain.id() + " finished in "
          + String.format(java.util.Locale.ROOT, "%.0f", header.seconds()) + " s: "
          + count(report.metrics().size(), "metric") + ", "
          + count(report.tableCount(), "table") + ", " + count(report.chartCount(), "chart")
          + " in " + finished;
      LOG.info("Study run [{}] finished", folder.runId());
      return new Outcome(finished, summary, report.metrics().size(), report.tableCount(),
          report.chartCount());
    }

    StudyFailedException fail(Throwable cause) throws IOException {
      Path failed = folder.finalFolder().resolveSibling(folder.runId() + ".failed");
      if (owner.getAndUpdate(o -> o == Owner.INTERRUPTION ? o : Owner.FINISHING)
          == Owner.INTERRUPTION) {
        // What the study hit after the interruption (often classes of a stopping framework)
        // is a consequence; the user is told about the interruption.
        InterruptedException interruption = new InterruptedException(INTERRUPTED);
        interruption.addSuppressed(cause);
        // The hook kept the folder; this discards what the study wrote after it did.
        folder.fail(interruption);
        return new StudyFailedException(failed, interruption);
      }
      report.close();
      try {
        writeOutputs(folder, header(), report, describe(cause));
      } catch (IOException | RuntimeException writing) {
        cause.addSuppressed(writing);
      }
      folder.fail(cause);
      LOG.info("Study run [{}] failed: {}", folder.runId(), describe(cause));
      return new StudyFailedException(failed, cause);
    }

    /** The shutdown hook: keeps what was reported, the error and a page saying so. */
    void interrupted() {
      if (!owner.compareAndSet(Owner.STUDY, Owner.INTERRUPTION)) {
        return;
      }
      InterruptedException cause = new InterruptedException(INTERRUPTED);
      report.close();
      try {
        writeOutputs(folder, header(), report, cause.getMessage());
      } catch (IOException | RuntimeException writing) {
        cause.addSuppressed(writing);
      }
      try {
        folder.fail(cause);
      } catch (IOException e) {
        // The JVM is going down; the hidden working folder stays where it is.
      }
    }

    private StudyPage.Header header() {
      return StudyRun.this.header(folder.runId(), name, scenario, domain, options, seed,
          started);
    }
  }

  /**
   * Where a study's complaint points: messages name their field first, as the framework's
   * own do ({@code control: unknown parameter(s) [safety_factr]}, {@code data.file: no such
   * file}), so the longest leading dotted path that the scenario has locates it, at its
   * {@code --set} argument when an override set it; the document's start otherwise. A
   * plugin's owner ({@code attention/multi-head: parameter 'heads' ...}) names the section
   * before its slash.
   */
  static SourceLocation locate(ScenarioSection root, String message) {
    int colon = message.indexOf(':');
    String path = colon < 0 ? "" : message.substring(0, colon);
    int slash = path.indexOf('/');
    if (slash > 0) {
      path = path.substring(0, slash);
    }
    if (!FIELD_PATH.matcher(path).matches()) {
      return root.locationOf("");
    }
    String[] keys = path.split("\\.");
    ScenarioSection section = root;
    for (int k = 0; k < keys.length - 1; k++) {
      Optional<ScenarioSection> inner;
      try {
        inner = section.optionalSection(keys[k]);
      } catch (RuntimeException notASection) {
        return section.locationOf(keys[k]);
      }
      if (inner.isEmpty() || !inner.get().has(keys[k + 1])) {
        return section.locationOf(keys[k]);
      }
      section = inner.get();
    }
    String last = keys[keys.length - 1];
    // "grid: parameter 'sumo_minutes' ..." points at grid.sumo_minutes when it is written
    Optional<ScenarioSection> named;
    try {
      named = section.optionalSection(last);
    } catch (RuntimeException notASection) {
      named = Optional.empty();
    }
    Optional<String> parameter = named.flatMap(inner -> inner.parameterNamedIn(message));
    if (parameter.isPresent()) {
      return named.get().locationOf(parameter.get());
    }
    return section.locationOf(last);
  }

  private static final java.util.regex.Pattern FIELD_PATH =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private static final String INTERRUPTED = "the run was interrupted (Ctrl-C or SIGTERM)"
      + " before it finished";

  private DomainModule domain(ScenarioSection root) {
    String id = root.getString("domain");
    try {
      return plugins.require(PluginType.DOMAIN, id, DomainModule.class);
    } catch (UnknownPluginException e) {
      throw root.error("domain", e.getMessage());
    }
  }

  /** Every top-level key is a common one or a section the study declares. */
  private static void checkSections(ScenarioSection root, DomainModule domain,
      DomainStudy study) {
    Set<String> known = new TreeSet<>(COMMON_KEYS);
    known.addAll(study.sections());
    try {
      root.requireOnly(known);
    } catch (ScenarioException e) {
      // Keep the location of the key, but name every known section: a study's sections are
      // the domain's own words, which a user cannot guess from a suggestion alone.
      String key = e.path();
      throw new ScenarioException(e.location(), key, "unknown section '" + key
          + "' for the study of domain '" + domain.id() + "'; known sections: "
          + String.join(", ", known));
    }
  }

  private StudyPage.Header header(String runId, String name, ScenarioDocument scenario,
      DomainModule domain, RunOptions options, long seed, long started) {
    List<String> sets = scenario.appliedOverrides();
    String source = sets.isEmpty() ? scenario.source()
        : scenario.source() + " with --set " + String.join(" --set ", sets);
    return new StudyPage.Header(runId, name, source, domain.id(), domain.dataAttribution(),
        options.quick(), seed, (System.nanoTime() - started) / 1e9,
        computeInfo == null ? "unknown" : computeInfo.backend());
  }

  private void writeOutputs(RunFolder folder, StudyPage.Header header, RunStudyReport report,
      String error) throws IOException {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("id", header.runId());
    run.put("scenario", header.scenarioName());
    run.put("source", header.scenarioSource());
    run.put("domain", header.domainId());
    run.put("quick", header.quick());
    run.put("seed", header.seed());
    run.put("seconds", header.seconds());
    run.put("status", error == null ? "finished" : "failed");
    if (error != null) {
      run.put("error", error);
    }
    Map<String, Object> environment = new LinkedHashMap<>();
    environment.put("backend", header.backend());
    if (computeInfo != null) {
      environment.put("devices", computeInfo.devices());
      environment.put("blas", computeInfo.blasVendor());
      environment.put("blas_threads", computeInfo.blasThreads());
    }
    environment.put("java", System.getProperty("java.version"));
    environment.put("cores", Runtime.getRuntime().availableProcessors());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("run", run);
    document.put("environment", environment);
    document.put("metrics", report.metricTree());
    RunStudyReport.writeMetrics(folder.file("metrics.json"), document);
    AtomicFiles.writeString(folder.file("report.html"), StudyPage.html(header,
        report.fragments(), report.metrics(), error));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** An error as the user reads it: the message, with the type when it is a bug's. */
  static String describe(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.toString();
    }
    boolean told = error instanceof PluginException || error instanceof IOException
        || error instanceof IllegalArgumentException || error instanceof IllegalStateException
        || error instanceof UncheckedIOException || error instanceof IngestException;
    return told ? message : error.getClass().getSimpleName() + ": " + message;
  }

  /** Carries an error of the study through the folder's guard to the failure path. */
  private static final class StudyFailure extends Exception {

    private static final long serialVersionUID = 1L;

    StudyFailure(Throwable cause) {
      super(cause);
    }
  }

  /** A study that failed; its folder keeps what it had reported, with the error. */
  public static final class StudyFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    StudyFailedException(Path folder, Throwable cause) {
      super(describe(cause), cause);
      this.folder = folder;
    }

    /**
     * {@code runs/<run-id>.failed/}; {@code null} when the study broke in {@code validate},
     * before a folder was made.
     */
    public Path folder() {
      return folder;
    }
  }
}
