package org.doppel.domains.medical.glucose;

/**
 * Open-loop basal-bolus therapy, as simglucose's reference controller: the patient's steady
 * basal rate ({@code u2ss·BW/6000} U/min) all day, and at each announced meal a bolus of
 * {@code carbs/CR}, plus a correction {@code (CGM − target)/CF} when the reading is above
 * 150 mg/dL (CR and CF from {@code Quest.csv}). Not thread-safe.
 */
final class BasalBolusPolicy implements InsulinPolicy {

  /** Above this reading a meal bolus carries a correction, mg/dL. */
  static final double CORRECTION_THRESHOLD = 150;

  private final VirtualPatient patient;
  private final double target;

  BasalBolusPolicy(VirtualPatient patient, double target) {
    this.patient = patient;
    this.target = target;
  }

  @Override
  public Dose decide(Observation observation) {
    return new Dose(patient.basalRate(), mealBolus(patient, observation, target));
  }

  /** The bolus for the meal announced at this step, U; 0 without a meal. */
  static double mealBolus(VirtualPatient patient, Observation observation, double target) {
    if (!(observation.announcedCarbs() > 0)) {
      return 0;
    }
    double bolus = observation.announcedCarbs() / patient.carbRatio();
    if (observation.cgm() > CORRECTION_THRESHOLD) {
      bolus += (observation.cgm() - target) / patient.correctionFactor();
    }
    return Math.max(0, bolus);
  }
}
