package org.doppel.sdk.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.study.StudyContext;

/**
 * A {@link StudyContext} for unit tests of a {@link org.doppel.sdk.study.DomainStudy} without
 * the framework: the scenario's sections as plain maps, the plugins and services the test
 * gives, and a {@link RecordingReport} that keeps what the study reports in memory and
 * refuses the names the framework refuses.
 *
 * <pre>{@code
 * RecordingStudyContext context = RecordingStudyContext.builder()
 *     .scenario(shippedScenarioAsMap)
 *     .set("surrogate", "epochs", 2)
 *     .quick(true)
 *     .plugin(Controller.class, "mpc", new MpcController())
 *     .forecasting(new BaselineForecasting())
 *     .build();
 * study.run(context);
 * assertTrue(context.report().metrics().containsKey("demand/mae"));
 * }</pre>
 *
 * <p>Unlike the framework it does not check that a study asks only for the sections its
 * {@code sections()} declares, and its report is open from the start (the framework opens
 * it when the study runs). Progress bars are recorded by task, not drawn. Not thread-safe:
 * one test, one context.
 */
public final class RecordingStudyContext implements StudyContext {

  private final String runId;
  private final long seed;
  private final boolean quick;
  private final Map<String, Object> sections;
  private final TimeSeriesIngest ingest;
  private final SequenceForecasting forecasting;
  private final Map<Class<?>, Map<String, Plugin>> plugins;
  private final Map<Class<?>, TreeMap<String, Boolean>> installed;
  private final RecordingReport report = new RecordingReport();
  private final List<String> progressTasks = new ArrayList<>();

  private RecordingStudyContext(Builder builder) {
    this.runId = builder.runId;
    this.seed = builder.seed;
    this.quick = builder.quick;
    this.sections = new LinkedHashMap<>(builder.sections);
    this.ingest = builder.ingest;
    this.forecasting = builder.forecasting;
    this.plugins = new LinkedHashMap<>();
    builder.plugins.forEach((type, byId) -> plugins.put(type, new LinkedHashMap<>(byId)));
    this.installed = new LinkedHashMap<>();
    builder.installed.forEach((type, ids) -> installed.put(type, new TreeMap<>(ids)));
  }

  /** A builder with run id {@code test-run}, seed 42, a full (not quick) run, no plugins. */
  public static Builder builder() {
    return new Builder();
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
   * <p>A section given as a map comes back as its parameters, owned by the section's name; a
   * bare value ({@code attention: top-k}) as {@code {id: top-k}}; an absent one as empty.
   */
  @Override
  @SuppressWarnings("unchecked")
  public Parameters section(String name) {
    Object value = sections.get(name);
    if (value == null) {
      return Parameters.of(name, Map.of());
    }
    if (value instanceof Map<?, ?> map) {
      return Parameters.of(name, (Map<String, ?>) map);
    }
    return Parameters.of(name, Map.of("id", value));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException when the builder was given no ingest service
   */
  @Override
  public TimeSeriesIngest ingest() {
    if (ingest == null) {
      throw new IllegalStateException("this test context has no ingest service: give one to"
          + " RecordingStudyContext.Builder.ingest(...)");
    }
    return ingest;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException when the builder was given no forecasting service
   */
  @Override
  public SequenceForecasting forecasting() {
    if (forecasting == null) {
      throw new IllegalStateException("this test context has no forecasting service: give"
          + " one to RecordingStudyContext.Builder.forecasting(...), such as"
          + " new BaselineForecasting()");
    }
    return forecasting;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The instance given to the builder, the same one on every call, as the framework hands
   * out its one service per plugin.
   *
   * @throws PluginException in the framework's words, naming the id and listing the installed
   *     ids (also for an id only listed as installed, with no instance)
   * @throws IllegalArgumentException when {@code type} is not one of the SDK's plugin types
   */
  @Override
  public <T extends Plugin> T plugin(Class<T> type, String id) {
    String label = label(type);
    Plugin plugin = plugins.getOrDefault(type, Map.of()).get(id);
    if (plugin == null) {
      List<String> ids = installed(type);
      throw new PluginException("unknown " + label + " plugin '" + id + "'; installed "
          + label + " plugins: " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
    }
    return type.cast(plugin);
  }

  /** The ids given to the builder for {@code type}, with or without an instance, sorted. */
  @Override
  public <T extends Plugin> List<String> installed(Class<T> type) {
    label(type);
    return List.copyOf(installed.getOrDefault(type, new TreeMap<>()).keySet());
  }

  @Override
  public RecordingReport report() {
    return report;
  }

  /** Records the task and hands back a bar that does nothing. */
  @Override
  public Progress progress(String task, long total, String unit) {
    progressTasks.add(Objects.requireNonNull(task, "task"));
    return new Progress() {
      @Override
      public void step(String message) {
        // a test has no terminal to draw on
      }

      @Override
      public void close() {
        // nothing was opened
      }
    };
  }

  /** The tasks the study opened progress bars for, in order. */
  public List<String> progressTasks() {
    return List.copyOf(progressTasks);
  }

  /** The plugin type's label ({@code controller}), as the framework names it in errors. */
  private static String label(Class<?> type) {
    for (PluginType candidate : PluginType.values()) {
      if (candidate.serviceInterface().equals(type.getName())) {
        return candidate.label();
      }
    }
    throw new IllegalArgumentException(type.getName() + " is not a plugin type; plugin types"
        + " are " + Arrays.stream(PluginType.values()).map(PluginType::serviceInterface)
        .toList());
  }

  /** Builds a {@link RecordingStudyContext}. */
  public static final class Builder {

    private String runId = "test-run";
    private long seed = 42;
    private boolean quick;
    private final Map<String, Object> sections = new LinkedHashMap<>();
    private TimeSeriesIngest ingest;
    private SequenceForecasting forecasting;
    private final Map<Class<?>, Map<String, Plugin>> plugins = new LinkedHashMap<>();
    private final Map<Class<?>, TreeMap<String, Boolean>> installed = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * A whole scenario document as a map, such as a domain's shipped YAML read with Jackson:
     * each top-level entry is a section; a numeric {@code seed} entry sets the seed.
     * Sections given before are replaced when the document names them too.
     */
    public Builder scenario(Map<String, ?> scenario) {
      scenario.forEach((name, value) -> {
        if (name.equals("seed") && value instanceof Number number) {
          seed = number.longValue();
        }
        sections.put(name, value instanceof Map<?, ?> map ? copyOf(map) : value);
      });
      return this;
    }

    /** A section, replacing one of that name. */
    public Builder section(String name, Map<String, ?> values) {
      sections.put(Objects.requireNonNull(name, "name"), copyOf(values));
      return this;
    }

    /** A section that is a bare id ({@code attention: top-k}), read back as {@code {id: ..}}. */
    public Builder section(String name, String id) {
      sections.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(id, "id"));
      return this;
    }

    /**
     * Sets {@code key} in section {@code section}, keeping its other keys (a bare-id section
     * becomes {@code {id: .., key: value}}); an override such as {@code --set}.
     */
    public Builder set(String section, String key, Object value) {
      Object current = sections.get(section);
      Map<String, Object> values = current instanceof Map<?, ?> map ? copyOf(map)
          : current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(Map.of("id", current));
      values.put(key, value);
      sections.put(section, values);
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder quick(boolean quick) {
      this.quick = quick;
      return this;
    }

    public Builder runId(String runId) {
      this.runId = Objects.requireNonNull(runId, "runId");
      return this;
    }

    public Builder ingest(TimeSeriesIngest ingest) {
      this.ingest = Objects.requireNonNull(ingest, "ingest");
      return this;
    }

    /** The forecasting service, such as a {@link BaselineForecasting} or a real one. */
    public Builder forecasting(SequenceForecasting forecasting) {
      this.forecasting = Objects.requireNonNull(forecasting, "forecasting");
      return this;
    }

    /** An installed plugin of {@code type} under {@code id}, replacing one of that id. */
    public <T extends Plugin> Builder plugin(Class<T> type, String id, T plugin) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(id, "id");
      plugins.computeIfAbsent(type, t -> new LinkedHashMap<>())
          .put(id, type.cast(Objects.requireNonNull(plugin, "plugin")));
      installed.computeIfAbsent(type, t -> new TreeMap<>()).put(id, true);
      return this;
    }

    /**
     * Ids {@link StudyContext#installed} lists for {@code type} without an instance, for a
     * study that only checks that a plugin is installed (an attention variant it passes on
     * to the forecasting service by id).
     */
    public Builder installed(Class<? extends Plugin> type, String... ids) {
      TreeMap<String, Boolean> known = installed.computeIfAbsent(type, t -> new TreeMap<>());
      for (String id : ids) {
        known.putIfAbsent(Objects.requireNonNull(id, "id"), false);
      }
      return this;
    }

    public RecordingStudyContext build() {
      return new RecordingStudyContext(this);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copyOf(Map<?, ?> values) {
      return new LinkedHashMap<>((Map<String, Object>) values);
    }
  }
}
