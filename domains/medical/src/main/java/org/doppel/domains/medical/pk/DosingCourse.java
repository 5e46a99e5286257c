package org.doppel.domains.medical.pk;

import java.util.Arrays;

/**
 * One simulated multiple-dose course: the patient's concentration on a regular grid, and
 * each dose with the concentration measured before it.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param policy the policy's name
 * @param timesH the grid, hours from the first dose
 * @param concentrations the patient's true concentration on the grid, mg/L
 * @param doseTimesH the dosing times, hours
 * @param dosesMg the doses given
 * @param measured the concentration measured just before each dose, mg/L
 */
public record DosingCourse(String policy, double[] timesH, double[] concentrations,
    double[] doseTimesH, double[] dosesMg, double[] measured) {

  public DosingCourse {
    timesH = timesH.clone();
    concentrations = concentrations.clone();
    doseTimesH = doseTimesH.clone();
    dosesMg = dosesMg.clone();
    measured = measured.clone();
  }

  @Override
  public double[] timesH() {
    return timesH.clone();
  }

  @Override
  public double[] concentrations() {
    return concentrations.clone();
  }

  @Override
  public double[] doseTimesH() {
    return doseTimesH.clone();
  }

  @Override
  public double[] dosesMg() {
    return dosesMg.clone();
  }

  @Override
  public double[] measured() {
    return measured.clone();
  }

  /**
   * The course's KPIs over the grid (every grid point but the last weighs one grid step).
   */
  public DosingKpis kpis(double windowLow, double windowHigh, double toxic) {
    int points = timesH.length - 1;
    int inWindow = 0;
    int above = 0;
    int below = 0;
    double sum = 0;
    double max = 0;
    for (int i = 0; i < points; i++) {
      double c = concentrations[i];
      if (c >= windowLow && c <= windowHigh) {
        inWindow++;
      }
      if (c > toxic) {
        above++;
      }
      if (c < windowLow) {
        below++;
      }
      sum += c;
      max = Math.max(max, c);
    }
    return new DosingKpis(100.0 * inWindow / points, 100.0 * above / points,
        100.0 * below / points, Arrays.stream(dosesMg).sum(), max, sum / points);
  }
}
