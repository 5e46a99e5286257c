package org.doppel.runtime.pipeline;

import java.util.Set;
import org.doppel.runtime.scenario.ScenarioSection;

/**
 * Where training ends and the test period starts: the scenario's {@code split} section,
 * {@code {test_points: 672}} (the last points test) or {@code {test_start: 2688,
 * test_points: 672}} (a test period that ends before the data does).
 *
 * @param testStart the index of the first test point; everything before it trains
 * @param testEnd one past the last test point
 */
record Split(int testStart, int testEnd) {

  static Split from(ScenarioSection split, int points, int minimumTraining) {
    split.requireOnly(Set.of("test_points", "test_start"));
    int testPoints = split.getInt("test_points", 1, points - 1);
    int testStart = split.has("test_start")
        ? split.getInt("test_start", minimumTraining, points - testPoints)
        : points - testPoints;
    if (testStart < minimumTraining) {
      throw split.error("test_points", "leaves " + testStart + " training points, but at least "
          + minimumTraining + " are needed (input window, horizon and validation windows)");
    }
    return new Split(testStart, testStart + testPoints);
  }
}
