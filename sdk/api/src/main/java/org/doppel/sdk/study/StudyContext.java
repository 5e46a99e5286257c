package org.doppel.sdk.study;

import java.nio.file.Path;
import java.util.List;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the framework gives a study for one run. Not thread-safe: one run, one context.
 */
@ProviderType
public interface StudyContext {

  /** The run's id, which names its folder. */
  String runId();

  /** The scenario's seed. */
  long seed();

  /** Whether the user asked for a quick run ({@code --quick}): fewer epochs, fewer cases. */
  boolean quick();

  /**
   * A top-level section of the scenario (after {@code --set} overrides); empty when absent.
   * A section that is a bare id ({@code attention: top-k}) comes back as {@code {id: top-k}}.
   */
  Parameters section(String name);

  /**
   * A path the scenario gives (a data file, say), resolved as the framework resolves its own:
   * a relative path against the folder of the scenario file, or against the working
   * directory for a scenario that was not read from a file (a shipped one). The default
   * resolves against the working directory only, as a context outside the framework (a
   * test's) has no scenario file.
   *
   * @throws java.nio.file.InvalidPathException when {@code path} is not a valid path
   */
  default Path resolve(String path) {
    return Path.of(path);
  }

  /** The framework's CSV ingest service. */
  TimeSeriesIngest ingest();

  /** The framework's attention forecaster service. */
  SequenceForecasting forecasting();

  /**
   * An installed plugin, for example {@code plugin(Controller.class, "mpc")}.
   *
   * @throws org.doppel.sdk.PluginException naming the id and listing the installed ids
   */
  <T extends Plugin> T plugin(Class<T> type, String id);

  /** The ids installed for a plugin type, sorted. */
  <T extends Plugin> List<String> installed(Class<T> type);

  /** Where the study reports what the run keeps. */
  StudyReport report();

  /**
   * A progress bar on the user's terminal for a long step; close it when the step ends.
   *
   * @param total the number of steps, {@code -1} when unknown
   */
  Progress progress(String task, long total, String unit);

  /** One progress bar. */
  interface Progress extends AutoCloseable {
    void step(String message);

    @Override
    void close();
  }
}
