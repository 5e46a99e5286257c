package org.doppel.domains.medical.glucose;

/**
 * A continuous glucose monitor's parameters from {@code sensor_params.csv}: the noise is a
 * 15-minute autoregressive process {@code e ← PACF·(e + N(0,1))} mapped through the Johnson
 * SU transform {@code xi + lambda·sinh((e − gamma)/delta)}, and readings are clipped to
 * [{@code min}, {@code max}].
 *
 * @param samplePeriod minutes between readings
 */
public record SensorModel(String name, double pacf, double gamma, double lambda, double delta,
    double xi, double samplePeriod, double min, double max) {

  public SensorModel {
    if (!(samplePeriod > 0 && delta > 0 && max > min)) {
      throw new IllegalArgumentException("sensor " + name + ": sample_time and delta must be"
          + " positive and max above min");
    }
  }

  /** The Johnson SU transform of a standard-normal-driven value: the noise in mg/dL. */
  double johnson(double e) {
    return xi + lambda * Math.sinh((e - gamma) / delta);
  }
}
