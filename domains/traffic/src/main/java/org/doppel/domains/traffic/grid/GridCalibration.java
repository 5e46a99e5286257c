package org.doppel.domains.traffic.grid;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Estimates the store-and-forward model from the loop counts. Stateless.
 *
 * <ul>
 *   <li><b>Turning rates</b>, by the proportional split: vehicles leaving a junction choose
 *   an outgoing link in proportion to its flow, whichever approach they came from (no
 *   U-turns). t_wz = β_z for every approach w that can turn into z, with β_z the flow
 *   counted on z over the whole period divided by the flow counted on the approaches that
 *   can feed it. A row of t whose sum exceeds one is scaled down to one; what a row leaves is
 *   the share that exits. A per-pair regression on binned flows was tried first and
 *   rejected: every loop follows the same morning profile, so the regressors are nearly
 *   collinear and the fit was not identifiable (see docs/notes/traffic.md).
 *   <li><b>Saturation flow.</b> A lane discharges at most during one whole green per minute
 *   (a 60-s minute holds at most one green of an equal split shorter than 60 s), so the
 *   per-lane saturation flow is the {@code quantile} of all lane-minute counts × 3600 / the
 *   equal-split green. One network-wide value: every lane of this grid has the same
 *   geometry and speed limit.
 *   <li><b>Storage.</b> lanes × length / {@value #SPACING_M} m (a car of 4.5 m with 2.5 m
 *   gap, trucks a little longer).
 *   <li><b>Arrivals.</b> A fringe approach's loops count what enters the network there. Trips
 *   that SUMO starts on inner links are not modelled as arrivals; their vehicles show up as
 *   extra flow on those links and so in β.
 * </ul>
 */
public final class GridCalibration {

  /** Road space per queued vehicle, m. */
  public static final double SPACING_M = 7.5;

  private GridCalibration() {
  }

  /**
   * Calibrates the model.
   *
   * @param quantile the quantile of lane-minute counts that sets the saturation flow
   */
  public static GridModel calibrate(GridNetwork network, LoopData loops, SignalTiming timing,
      double quantile) {
    int n = network.approaches().size();
    double[][] approachFlow = approachFlows(network, loops);
    double[][] turning = proportionalTurning(network, approachFlow);

    double lane = laneSaturationFlow(loops, timing, quantile);
    double[] saturation = new double[n];
    double[] storage = new double[n];
    double[] freeFlow = new double[n];
    for (Approach a : network.approaches()) {
      saturation[a.index()] = a.lanes() * lane;
      storage[a.index()] = a.lanes() * a.lengthM() / SPACING_M;
      freeFlow[a.index()] = network.freeFlowSeconds(a);
    }

    double[][] arrivals = new double[loops.minutes()][n];
    for (int m = 0; m < loops.minutes(); m++) {
      for (Approach a : network.approaches()) {
        arrivals[m][a.index()] = a.fromFringe() ? approachFlow[m][a.index()] : 0;
      }
    }
    return new GridModel(network, timing, saturation, storage, turning, arrivals, freeFlow,
        lane, loops.startSeconds());
  }

  /** Flow over each approach's loops, {@code [minute][approach]}, veh/h. */
  static double[][] approachFlows(GridNetwork network, LoopData loops) {
    double[][] flow = new double[loops.minutes()][network.approaches().size()];
    for (int m = 0; m < loops.minutes(); m++) {
      for (int d = 0; d < network.detectors().size(); d++) {
        flow[m][network.approachOf(network.detectors().get(d))] += 60.0 * loops.count(m, d);
      }
    }
    return flow;
  }

  private static double[][] proportionalTurning(GridNetwork network, double[][] flow) {
    int n = network.approaches().size();
    double[] total = new double[n];
    for (double[] minute : flow) {
      for (int z = 0; z < n; z++) {
        total[z] += minute[z];
      }
    }
    double[] feeding = new double[n];
    for (Approach w : network.approaches()) {
      for (int z : network.turns(w).values()) {
        if (z >= 0) {
          feeding[z] += total[w.index()];
        }
      }
    }
    double[][] turning = new double[n][n];
    for (Approach w : network.approaches()) {
      for (int z : network.turns(w).values()) {
        if (z >= 0 && feeding[z] > 0) {
          turning[w.index()][z] = total[z] / feeding[z];
        }
      }
    }
    normaliseRows(turning);
    return turning;
  }

  private static void normaliseRows(double[][] turning) {
    for (double[] row : turning) {
      double sum = Arrays.stream(row).sum();
      if (sum > 1) {
        for (int i = 0; i < row.length; i++) {
          row[i] /= sum;
        }
      }
    }
  }

  /** The per-lane saturation flow, veh/h (see the class comment). */
  static double laneSaturationFlow(LoopData loops, SignalTiming timing, double quantile) {
    if (!(quantile > 0 && quantile <= 1)) {
      throw new IllegalArgumentException("the saturation quantile must be in (0, 1], got "
          + quantile);
    }
    double[] counts = new double[loops.minutes() * loops.loops()];
    int i = 0;
    for (int m = 0; m < loops.minutes(); m++) {
      for (int d = 0; d < loops.loops(); d++) {
        counts[i++] = loops.count(m, d);
      }
    }
    double high = new Percentile().evaluate(counts, quantile * 100);
    return high * 3600 / Math.min(60, timing.equalGreen());
  }

  /**
   * Mean autocorrelation of the lane counts at lags 1 … {@code lags} minutes over
   * {@code [from, to)}: peaks at the lags that are whole multiples of the signal cycle.
   */
  public static double[] countAutocorrelation(LoopData loops, int from, int to, int lags) {
    double[] mean = new double[lags + 1];
    int used = 0;
    for (int d = 0; d < loops.loops(); d++) {
      double[] x = new double[to - from];
      for (int m = from; m < to; m++) {
        x[m - from] = loops.count(m, d);
      }
      double average = Arrays.stream(x).average().orElse(0);
      double variance = Arrays.stream(x).map(v -> (v - average) * (v - average)).sum();
      if (variance == 0) {
        continue;
      }
      used++;
      for (int lag = 1; lag <= lags; lag++) {
        double c = 0;
        for (int m = 0; m + lag < x.length; m++) {
          c += (x[m] - average) * (x[m + lag] - average);
        }
        mean[lag] += c / variance;
      }
    }
    for (int lag = 1; lag <= lags; lag++) {
      mean[lag] /= Math.max(1, used);
    }
    return Arrays.copyOfRange(mean, 1, lags + 1);
  }
}
