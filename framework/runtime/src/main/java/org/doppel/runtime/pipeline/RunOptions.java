package org.doppel.runtime.pipeline;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * How a run is carried out, apart from the scenario.
 *
 * @param runs the folder that holds run folders ({@code runs/} by default)
 * @param quick shortened training, for a run in under a minute
 * @param startedAt the run's start, which names its folder
 */
public record RunOptions(Path runs, boolean quick, LocalDateTime startedAt) {

  public RunOptions {
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
