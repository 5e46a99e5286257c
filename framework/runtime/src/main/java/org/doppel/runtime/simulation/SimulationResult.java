package org.doppel.runtime.simulation;

import org.doppel.sdk.domain.SignalStatistics;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.sdk.domain.ClosedLoopTrajectory;

/**
 * What a closed-loop simulation produced.
 *
 * <p>Immutable; the trajectory's arrays are shared, not copied, so callers must not change
 * them.
 *
 * @param trajectory the kept steps (every k-th, and the last), for charts and for a domain's
 *     KPIs; exact full-rate figures are in {@code statistics}
 * @param statistics full-rate statistics by signal name: every state, input, disturbance and
 *     requested output, in that order
 * @param finalState x after the last step, at t = steps · dt
 * @param steps how many steps were simulated
 * @param integration the method used
 * @param wallTime how long the simulation took
 */
public record SimulationResult(ClosedLoopTrajectory trajectory,
    Map<String, SignalStatistics> statistics, double[] finalState, long steps,
    Integration integration, Duration wallTime) {

  public SimulationResult {
    statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
    finalState = finalState.clone();
  }

  @Override
  public double[] finalState() {
    return finalState.clone();
  }

  /**
   * The statistics of signal {@code name}.
   *
   * @throws IllegalArgumentException naming the known signals when there is none by that name
   */
  public SignalStatistics statistics(String name) {
    SignalStatistics result = statistics.get(name);
    if (result == null) {
      throw new IllegalArgumentException("no signal '" + name + "'; signals: "
          + statistics.keySet());
    }
    return result;
  }
}
