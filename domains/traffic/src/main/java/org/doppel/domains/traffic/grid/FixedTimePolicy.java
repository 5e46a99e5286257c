package org.doppel.domains.traffic.grid;

import java.util.Arrays;

/**
 * The fixed-time plan: every junction splits C − L equally between its two stages, every
 * cycle. The data gives no signal plan beyond "SUMO's default fixed-time programs"; the
 * equal split is what SUMO's default program does at a plain four-arm junction, and is what
 * this policy assumes (see docs/notes/traffic.md).
 */
public final class FixedTimePolicy implements SignalPolicy {

  private final double[] greens;

  public FixedTimePolicy(SignalTiming timing, int junctions) {
    double[] ns = new double[junctions];
    Arrays.fill(ns, timing.equalGreen());
    this.greens = timing.greens(ns);
  }

  @Override
  public String name() {
    return "fixed-time";
  }

  @Override
  public double[] greens(int step, double[] queues, double[][] arrivalForecast) {
    return greens.clone();
  }
}
