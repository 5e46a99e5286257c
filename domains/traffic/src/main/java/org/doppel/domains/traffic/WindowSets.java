package org.doppel.domains.traffic;

import java.util.List;
import java.util.stream.Stream;
import org.doppel.sdk.forecast.WindowSet;

/** Joins window sets cut the same way (from several simulated mornings). Stateless. */
public final class WindowSets {

  private WindowSets() {
  }

  /**
   * The windows of {@code parts} in order, one set.
   *
   * @throws IllegalArgumentException when the parts' features, targets or tokens differ
   */
  public static WindowSet concat(List<WindowSet> parts) {
    WindowSet first = parts.get(0);
    for (WindowSet part : parts) {
      if (!part.featureNames().equals(first.featureNames())
          || !part.targetNames().equals(first.targetNames())
          || !part.tokenNames().equals(first.tokenNames())) {
        throw new IllegalArgumentException("window sets with different features, targets or"
            + " tokens cannot be joined");
      }
    }
    double[][][] inputs = parts.stream().flatMap(p -> Stream.of(p.inputs()))
        .toArray(double[][][]::new);
    double[][] baseline = parts.stream().allMatch(p -> p.baseline() != null)
        ? parts.stream().flatMap(p -> Stream.of(p.baseline())).toArray(double[][]::new)
        : null;
    double[][] targets = parts.stream().allMatch(p -> p.targets() != null)
        ? parts.stream().flatMap(p -> Stream.of(p.targets())).toArray(double[][]::new)
        : null;
    return new WindowSet(inputs, baseline, targets, first.featureNames(),
        first.targetNames(), first.tokenNames());
  }
}
