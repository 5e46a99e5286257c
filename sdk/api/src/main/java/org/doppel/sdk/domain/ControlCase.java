package org.doppel.sdk.domain;

import java.util.Arrays;
import java.util.Objects;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlProblem;

/**
 * A closed-loop experiment a domain sets up for its decision twin.
 *
 * @param plantId the id of the dynamics plugin to simulate
 * @param plantParameters parameters for that plugin
 * @param problem the control problem (linearisation, weights, bounds, sample period)
 * @param disturbance the disturbance w at each control step, {@code [steps][d]}
 * @param baselineController the id of the controller to compare against
 * @param baselineParameters its parameters
 */
public record ControlCase(String plantId, Parameters plantParameters, ControlProblem problem,
    double[][] disturbance, String baselineController, Parameters baselineParameters) {

  public ControlCase {
    Objects.requireNonNull(plantId, "plantId");
    Objects.requireNonNull(problem, "problem");
    disturbance = Arrays.stream(disturbance).map(double[]::clone).toArray(double[][]::new);
  }

  @Override
  public double[][] disturbance() {
    return Arrays.stream(disturbance).map(double[]::clone).toArray(double[][]::new);
  }
}
