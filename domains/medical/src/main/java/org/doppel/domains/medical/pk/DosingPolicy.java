package org.doppel.domains.medical.pk;

import java.util.Map;

/**
 * Chooses each dose of a multiple-dose regimen from the concentration measured just before
 * it. Not thread-safe: a policy holds the state of one patient's course.
 */
public interface DosingPolicy {

  /** The policy's name in tables and metrics, such as {@code mpc}. */
  String name();

  /**
   * The dose to give now, mg, within the experiment's dose bounds.
   *
   * @param index the dose's number, from 0
   * @param measuredConcentration the concentration measured just before this dose, mg/L
   */
  double dose(int index, double measuredConcentration);

  /** Figures worth reporting about the course (fallbacks, steady dose, ...). */
  default Map<String, Object> diagnostics() {
    return Map.of();
  }
}
