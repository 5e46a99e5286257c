package org.doppel.domains.medical.pk;

import java.util.Arrays;
import java.util.Objects;

/**
 * One subject of a single-dose pharmacokinetic study: the dose given at time 0 and the
 * concentrations measured after it.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param id the subject's label in the data
 * @param route how the dose was given
 * @param weightKg body weight, kg; {@code NaN} when the study does not record it
 * @param doseMg the dose, mg
 * @param timesH sample times, hours since the dose, ascending
 * @param concentrations measured concentrations, mg/L, one per sample time
 */
public record PkSubject(String id, Route route, double weightKg, double doseMg,
    double[] timesH, double[] concentrations) {

  /** How a dose enters the body. */
  public enum Route {
    /** By mouth: first-order absorption from the gut. */
    ORAL,
    /** An intravenous bolus straight into the central compartment. */
    IV
  }

  public PkSubject {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(route, "route");
    timesH = timesH.clone();
    concentrations = concentrations.clone();
    if (timesH.length != concentrations.length) {
      throw new IllegalArgumentException("subject " + id + ": " + timesH.length
          + " sample times for " + concentrations.length + " concentrations");
    }
  }

  @Override
  public double[] timesH() {
    return timesH.clone();
  }

  @Override
  public double[] concentrations() {
    return concentrations.clone();
  }

  /** The number of samples. */
  public int samples() {
    return timesH.length;
  }

  /** The first {@code count} samples only, as a subject of their own. */
  public PkSubject firstSamples(int count) {
    return new PkSubject(id, route, weightKg, doseMg, Arrays.copyOf(timesH, count),
        Arrays.copyOf(concentrations, count));
  }

  @Override
  public String toString() {
    return "subject " + id + " (" + route.name().toLowerCase(java.util.Locale.ROOT) + ", "
        + doseMg + " mg, " + samples() + " samples)";
  }
}
