package org.doppel.domains.medical.glucose;

import java.util.Arrays;

/**
 * What one simulated patient went through, minute by minute: blood (plasma) glucose, the CGM
 * reading, the insulin the pump delivered and the carbohydrate eaten. Simulator output. Not
 * thread-safe while it grows; read it after the run.
 */
public final class GlucoseTrace {

  private double[] glucose;
  private double[] cgm;
  private double[] basal;
  private double[] bolus;
  private double[] carbs;
  private int size;

  GlucoseTrace(int capacity) {
    glucose = new double[Math.max(1, capacity)];
    cgm = new double[glucose.length];
    basal = new double[glucose.length];
    bolus = new double[glucose.length];
    carbs = new double[glucose.length];
  }

  void add(double bloodGlucose, double reading, double basalRate, double bolusRate,
      double carbRate) {
    if (size == glucose.length) {
      int capacity = glucose.length * 2;
      glucose = Arrays.copyOf(glucose, capacity);
      cgm = Arrays.copyOf(cgm, capacity);
      basal = Arrays.copyOf(basal, capacity);
      bolus = Arrays.copyOf(bolus, capacity);
      carbs = Arrays.copyOf(carbs, capacity);
    }
    glucose[size] = bloodGlucose;
    cgm[size] = reading;
    basal[size] = basalRate;
    bolus[size] = bolusRate;
    carbs[size] = carbRate;
    size++;
  }

  /** Minutes recorded. */
  public int minutes() {
    return size;
  }

  /** Plasma glucose at the start of each minute, mg/dL. */
  public double[] bloodGlucose() {
    return Arrays.copyOf(glucose, size);
  }

  /** The CGM reading at the start of each minute (held between samples), mg/dL. */
  public double[] cgm() {
    return Arrays.copyOf(cgm, size);
  }

  /** The insulin rate delivered over each minute (basal plus bolus), U/min. */
  public double[] insulin() {
    double[] insulin = new double[size];
    for (int i = 0; i < size; i++) {
      insulin[i] = basal[i] + bolus[i];
    }
    return insulin;
  }

  /** The basal rate the pump delivered over each minute, U/min. */
  public double[] basal() {
    return Arrays.copyOf(basal, size);
  }

  /** The bolus rate the pump delivered over each minute, U/min. */
  public double[] bolus() {
    return Arrays.copyOf(bolus, size);
  }

  /** The carbohydrate eaten over each minute, g/min. */
  public double[] carbs() {
    return Arrays.copyOf(carbs, size);
  }
}
