package org.doppel.domains.medical.glucose;

/**
 * A way of dosing insulin for one patient, asked once per control period. Not thread-safe:
 * a policy holds one patient's history; make one per simulated patient.
 */
interface InsulinPolicy {

  /** The dose for the coming control period. */
  Dose decide(Observation observation);

  /**
   * What a policy sees at a control step.
   *
   * @param minute minutes since the start of the run
   * @param cgm the CGM reading, mg/dL
   * @param announcedCarbs carbohydrate announced since the last step, g (0 when none)
   * @param remainingMeal carbohydrate announced and not yet eaten, g
   * @param twinState the twin's model state; the twin runs the patient's own model on the
   *     delivered insulin and eaten carbohydrate, so it equals the simulated plant's state
   * @param deliveredLastPeriod insulin the pump delivered over the last period, U
   * @param periodMinutes minutes until the next step
   */
  record Observation(long minute, double cgm, double announcedCarbs, double remainingMeal,
      double[] twinState, double deliveredLastPeriod, int periodMinutes) {
  }

  /**
   * A requested dose; the pump rounds and clips it.
   *
   * @param basalRate U/min over the whole period
   * @param bolus U, delivered evenly over the period
   */
  record Dose(double basalRate, double bolus) {
  }
}
