package org.doppel.plugins.controllers.estimate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.sdk.control.ControlLaw;

/**
 * A state-feedback law driven by a fused estimate: the state it is handed is taken as the
 * true state, read through the modelled sensors, fused, and the fusion is what the inner law
 * sees. Not thread-safe: one law drives one loop.
 */
public final class FusedEstimateLaw implements ControlLaw {

  private final ControlLaw feedback;
  private final SensorChain sensors;
  private final AttentionFusion fusion;
  private final Map<String, Object> design;
  private double squaredError;
  private long steps;

  public FusedEstimateLaw(ControlLaw feedback, SensorChain sensors, AttentionFusion fusion,
      Map<String, Object> design) {
    this.feedback = feedback;
    this.sensors = sensors;
    this.fusion = fusion;
    this.design = new LinkedHashMap<>(design);
  }

  @Override
  public double[] input(long step, double[] stateEstimate, double[][] disturbanceForecast) {
    double[] fused = fusion.fuse(sensors.read(stateEstimate));
    for (int j = 0; j < fused.length; j++) {
      squaredError += (fused[j] - stateEstimate[j]) * (fused[j] - stateEstimate[j]);
    }
    steps++;
    return feedback.input(step, fused, disturbanceForecast);
  }

  /**
   * The inner law's figures and the design's (weights, calibration errors), and
   * {@code estimate_mse}: the mean squared error of the fused estimate over this run.
   */
  @Override
  public Map<String, Object> diagnostics() {
    Map<String, Object> diagnostics = new LinkedHashMap<>(feedback.diagnostics());
    diagnostics.putAll(design);
    diagnostics.put("estimate_mse", steps == 0 ? 0.0
        : squaredError / (steps * (double) fusion.weights().length));
    return diagnostics;
  }
}
