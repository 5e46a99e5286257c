package org.doppel.domains.traffic.motorway;

import java.util.Arrays;
import java.util.List;
import org.doppel.sdk.PluginException;

/**
 * The corridor's cells, upstream to downstream: one cell per loop station, reaching halfway
 * to the neighbouring stations, with the station's number of lanes; the off-ramp leaves at
 * the downstream end of {@code offRampCell}, the on-ramp joins at the upstream end of
 * {@code onRampCell}.
 *
 * @param lengthsKm cell lengths, km
 * @param lanes lanes per cell
 * @param offRampCell the cell the off-ramp leaves from
 * @param onRampCell the cell the on-ramp joins
 * @param rampLengthKm the on-ramp's length (its queue storage), km
 * @param names one name per cell (the station's)
 */
public record Corridor(double[] lengthsKm, int[] lanes, int offRampCell, int onRampCell,
    double rampLengthKm, List<String> names) {

  /** The shipped corridor: 18 cells of 500 m; 3 lanes, 4 at the merge, 2 after the drop. */
  public static final Corridor SHIPPED = new Corridor(filled(18, 0.5),
      new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 2, 2, 2, 2}, 5, 10, 0.50485,
      java.util.stream.IntStream.rangeClosed(1, 18).mapToObj(i -> String.format("S%02d", i))
          .toList());

  public Corridor {
    lengthsKm = lengthsKm.clone();
    lanes = lanes.clone();
    names = List.copyOf(names);
    int n = lengthsKm.length;
    if (n < 3 || lanes.length != n || names.size() != n) {
      throw new PluginException("corridor: needs at least 3 cells with one length, lane count"
          + " and name each, got " + n + ", " + lanes.length + " and " + names.size());
    }
    if (offRampCell < 0 || offRampCell >= n - 1 || onRampCell < 1 || onRampCell >= n) {
      throw new PluginException("corridor: ramp cells " + offRampCell + " (off) and "
          + onRampCell + " (on) must lie inside the " + n + " cells");
    }
    for (int i = 0; i < n; i++) {
      if (!(lengthsKm[i] > 0) || lanes[i] < 1) {
        throw new PluginException("corridor: cell " + names.get(i) + " needs a positive length"
            + " and at least one lane");
      }
    }
  }

  /** The corridor of a loop data set: cells centred on its stations. */
  public static Corridor of(MotorwayLoops loops) {
    List<MotorwayLoops.Station> stations = loops.stations();
    int n = stations.size();
    if (n < 3) {
      throw new PluginException("motorway data: needs at least 3 stations, got " + n);
    }
    double[] bounds = new double[n + 1];
    for (int i = 1; i < n; i++) {
      bounds[i] = (stations.get(i - 1).x() + stations.get(i).x()) / 2;
    }
    bounds[0] = Math.max(0, stations.get(0).x() - (bounds[1] - stations.get(0).x()));
    bounds[n] = stations.get(n - 1).x() + (stations.get(n - 1).x() - bounds[n - 1]);
    double[] lengths = new double[n];
    int[] lanes = new int[n];
    int off = -1;
    int on = -1;
    for (int i = 0; i < n; i++) {
      lengths[i] = (bounds[i + 1] - bounds[i]) / 1000;
      lanes[i] = stations.get(i).lanes();
      if (loops.offRampX() > bounds[i] && loops.offRampX() <= bounds[i + 1]) {
        off = i;
      }
      if (loops.onRampX() >= bounds[i] && loops.onRampX() < bounds[i + 1]) {
        on = i;
      }
    }
    if (off < 0 || on < 0) {
      throw new PluginException("motorway data: the ramps (off at " + loops.offRampX()
          + " m, on at " + loops.onRampX() + " m) lie outside the stations' cells");
    }
    return new Corridor(lengths, lanes, off, on, loops.onRampLength() / 1000,
        stations.stream().map(MotorwayLoops.Station::name).toList());
  }

  public int cells() {
    return lengthsKm.length;
  }

  @Override
  public double[] lengthsKm() {
    return lengthsKm.clone();
  }

  @Override
  public int[] lanes() {
    return lanes.clone();
  }

  double length(int cell) {
    return lengthsKm[cell];
  }

  int lanes(int cell) {
    return lanes[cell];
  }

  /**
   * The bottleneck: the most upstream boundary below which the corridor has the fewest lanes
   * downstream of the on-ramp; returns the first cell past it.
   */
  public int bottleneckCell() {
    int best = onRampCell;
    for (int i = onRampCell; i < cells(); i++) {
      if (lanes[i] < lanes[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }
}
