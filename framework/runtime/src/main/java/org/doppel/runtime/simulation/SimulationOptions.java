package org.doppel.runtime.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How to simulate and what to keep.
 *
 * <p>Immutable and thread-safe; the {@code with*} methods return changed copies.
 *
 * @param keepEvery keep every k-th step in the trajectory (the last step is always kept);
 *     statistics always use every step
 * @param integration how the plant is advanced
 * @param outputMatrix C, p x n: outputs y = C x whose full-rate statistics are wanted
 *     (for example the area control errors); empty for none
 * @param outputNames one name per output row
 * @param progress told about progress about every 1 % of the steps; never {@code null}
 */
public record SimulationOptions(int keepEvery, Integration integration,
    double[][] outputMatrix, List<String> outputNames, Progress progress) {

  /** Receives progress; called on the simulating thread, so it must be quick. */
  @FunctionalInterface
  public interface Progress {
    void stepsDone(long done, long total);
  }

  public SimulationOptions {
    if (keepEvery < 1) {
      throw new IllegalArgumentException("keepEvery must be at least 1, got " + keepEvery);
    }
    Objects.requireNonNull(integration, "integration");
    outputMatrix = Arrays.stream(outputMatrix).map(double[]::clone).toArray(double[][]::new);
    outputNames = List.copyOf(outputNames);
    if (outputNames.size() != outputMatrix.length) {
      throw new IllegalArgumentException(outputNames.size() + " output names for "
          + outputMatrix.length + " output rows");
    }
    Objects.requireNonNull(progress, "progress");
  }

  /** Every step kept, integration chosen automatically, no outputs, no progress. */
  public static SimulationOptions defaults() {
    return new SimulationOptions(1, Integration.AUTO, new double[0][], List.of(),
        (done, total) -> { });
  }

  public SimulationOptions withKeepEvery(int k) {
    return new SimulationOptions(k, integration, outputMatrix, outputNames, progress);
  }

  public SimulationOptions withIntegration(Integration method) {
    return new SimulationOptions(keepEvery, method, outputMatrix, outputNames, progress);
  }

  public SimulationOptions withOutputs(double[][] c, List<String> names) {
    return new SimulationOptions(keepEvery, integration, c, names, progress);
  }

  public SimulationOptions withProgress(Progress listener) {
    return new SimulationOptions(keepEvery, integration, outputMatrix, outputNames, listener);
  }

  @Override
  public double[][] outputMatrix() {
    return Arrays.stream(outputMatrix).map(double[]::clone).toArray(double[][]::new);
  }
}
