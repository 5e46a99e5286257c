package org.doppel.runtime.study;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.registry.UnknownPluginException;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;

/**
 * The context of one study run. It exists before the run folder does, so that
 * {@code DomainStudy.validate} sees the same scenario and plugins as {@code run}; the report
 * is attached once the folder is created. One run, one context; the report itself may be
 * used from worker threads.
 */
final class RunStudyContext implements StudyContext {

  private final String runId;
  private final long seed;
  private final boolean quick;
  private final ScenarioDocument scenario;
  private final Set<String> sections;
  private final PluginLookup plugins;
  private final TimeSeriesIngest ingest;
  private final Supplier<SequenceForecasting> forecasting;
  private final org.doppel.runtime.pipeline.Progress progress;
  private volatile RunStudyReport report;

  /**
   * @param sections the sections the study declares; {@link #section} reads no other
   * @param forecasting looked up when the study first asks, so a study that trains nothing
   *     runs without the forecasting service
   */
  RunStudyContext(String runId, long seed, boolean quick, ScenarioDocument scenario,
      Set<String> sections, PluginLookup plugins, TimeSeriesIngest ingest,
      Supplier<SequenceForecasting> forecasting,
      org.doppel.runtime.pipeline.Progress progress) {
    this.runId = runId;
    this.seed = seed;
    this.quick = quick;
    this.scenario = scenario;
    this.sections = Set.copyOf(sections);
    this.plugins = plugins;
    this.ingest = ingest;
    this.forecasting = forecasting;
    this.progress = progress;
  }

  /** The same context with its run id and report, once the run folder exists. */
  RunStudyContext running(String folderRunId, RunStudyReport runReport) {
    RunStudyContext running = new RunStudyContext(folderRunId, seed, quick, scenario,
        sections, plugins, ingest, forecasting, progress);
    running.report = runReport;
    return running;
  }

  @Override
  public Path resolve(String path) {
    try {
      Path given = Path.of(path);
      return given.isAbsolute() || scenario.baseDirectory().isEmpty() ? given
          : scenario.baseDirectory().get().resolve(given).normalize();
    } catch (InvalidPathException e) {
      throw new PluginException("'" + path + "' is not a valid path: " + e.getReason());
    }
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public boolean quick() {
    return quick;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The section's values are the scenario's plain maps, lists and values; its owner in
   * errors is the section's name. A section must be a mapping or a bare id; a list or a
   * number is a {@link org.doppel.runtime.scenario.ScenarioException} naming where it is
   * written.
   *
   * @throws IllegalArgumentException when the study did not declare {@code name} in
   *     {@code sections()} (the scenario could never hold it)
   */
  @Override
  public Parameters section(String name) {
    if (!sections.contains(name)) {
      throw new IllegalArgumentException("the study asks for section '" + name + "', which"
          + " its sections() does not declare; declared: " + new TreeSet<>(sections));
    }
    return scenario.root().optionalSection(name)
        .map(section -> section.toParameters(name, Set.of()))
        .orElse(Parameters.of(name, Map.of()));
  }

  @Override
  public TimeSeriesIngest ingest() {
    return ingest;
  }

  @Override
  public SequenceForecasting forecasting() {
    return forecasting.get();
  }

  @Override
  public <T extends Plugin> T plugin(Class<T> type, String id) {
    try {
      return plugins.require(pluginType(type), id, type);
    } catch (UnknownPluginException e) {
      throw new PluginException(e.getMessage(), e);
    }
  }

  @Override
  public <T extends Plugin> List<String> installed(Class<T> type) {
    return plugins.ids(pluginType(type));
  }

  @Override
  public StudyReport report() {
    RunStudyReport current = report;
    if (current == null) {
      throw new IllegalStateException("the report opens when the study runs: validate() "
          + "checks the scenario and reports nothing");
    }
    return current;
  }

  @Override
  public Progress progress(String task, long total, String unit) {
    org.doppel.runtime.pipeline.Progress.Bar bar = progress.start(task, total, unit);
    return new Progress() {
      @Override
      public void step(String message) {
        bar.step(message);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /** The extension point a plugin interface such as {@code Controller.class} is. */
  static PluginType pluginType(Class<?> type) {
    for (PluginType candidate : PluginType.values()) {
      if (candidate.serviceInterface().equals(type.getName())) {
        return candidate;
      }
    }
    Set<String> known = new LinkedHashSet<>();
    for (PluginType candidate : PluginType.values()) {
      known.add(candidate.serviceInterface());
    }
    throw new IllegalArgumentException(type.getName() + " is not a plugin type; plugin types"
        + " are " + known);
  }
}
