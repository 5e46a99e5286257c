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
  private double[] insulin;
  private double[] carbs;
  private int size;

  GlucoseTrace(int capacity) {
    glucose = new double[Math.max(1, capacity)];
    cgm = new double[glucose.length];
    insulin = new double[glucose.length];
    carbs = new double[glucose.length];
  }

  void add(double bloodGlucose, double reading, double insulinRate, double carbRate) {
    if (size == glucose.length) {
      int capacity = glucose.length * 2;
      glucose = Arrays.copyOf(glucose, capacity);
      cgm = Arrays.copyOf(cgm, capacity);
      insulin = Arrays.copyOf(insulin, capacity);
      carbs = Arrays.copyOf(carbs, capacity);
    }
    glucose[size] = bloodGlucose;
    cgm[size] = reading;
    insulin[size] = insulinRate;
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
    return Arrays.copyOf(insulin, size);
  }

  /** The carbohydrate eaten over each minute, g/min. */
  public double[] carbs() {
    return Arrays.copyOf(carbs, size);
  }
}
