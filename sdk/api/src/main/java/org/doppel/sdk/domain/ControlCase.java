package org.doppel.sdk.domain;

import java.util.List;
import java.util.Objects;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlProblem;

/**
 * A closed-loop experiment a domain sets up for its decision twin.
 *
 * @param plantId the id of the dynamics plugin to simulate
 * @param plantParameters parameters for that plugin
 * @param problem the control problem (linearisation, weights, bounds, sample period)
 * @param outputNames names of the outputs y = C x of {@code problem} (one per row of its
 *     output matrix), for the statistics the domain's KPIs read
 * @param disturbance the disturbance w at each control step; its length sets the number of
 *     steps simulated
 * @param baselineController the id of the controller to compare against
 * @param baselineParameters its parameters
 */
public record ControlCase(String plantId, Parameters plantParameters, ControlProblem problem,
    List<String> outputNames, Disturbance disturbance, String baselineController,
    Parameters baselineParameters) {

  public ControlCase {
    Objects.requireNonNull(plantId, "plantId");
    Objects.requireNonNull(problem, "problem");
    outputNames = List.copyOf(outputNames);
    if (outputNames.size() != problem.outputMatrix().length) {
      throw new IllegalArgumentException(outputNames.size() + " output names for "
          + problem.outputMatrix().length + " rows of the output matrix");
    }
    Objects.requireNonNull(disturbance, "disturbance");
  }
}
