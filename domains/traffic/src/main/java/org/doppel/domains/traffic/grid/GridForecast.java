package org.doppel.domains.traffic.grid;

import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.forecast.WindowSet;

/**
 * The grid's forecasting problem: every loop's mean flow over the next {@code horizon}
 * minutes from the last {@code lookback} minutes of the loops around it. Immutable;
 * thread-safe.
 *
 * <p><b>One window per loop and origin; its tokens are detectors.</b> The window of loop d at
 * minute t holds d itself and its {@code neighbours − 1} nearest loops (by distance, nearest
 * first), so attention runs over detectors and its weights say which loops the forecast of d
 * leans on. One network serves every loop: 128 loops × the origins give thousands of
 * windows from one simulated morning, where a network with one output per loop (tried
 * first: 128 tokens of all loops, 128 targets, 265 k parameters on 151 windows) overfitted
 * and forecast worse than persistence (MAE 50 against 29 veh/h). Each token's features: its
 * flow over the lookback in 5-minute means (oldest first, veh/h), its mean occupancy (%),
 * where it is relative to the forecast loop (dx, dy, km) and which way its link runs (unit
 * vector). The time of day is left out: the held-out hour lies outside the training
 * hours, and a network fed the clock extrapolates it.
 *
 * <p><b>Origins.</b> A window at minute t sees minutes [t − lookback, t) and its target is
 * the mean over [t, t + horizon). Training windows have their whole target before the
 * held-out last {@code test} minutes; test windows have their whole target inside them
 * (their inputs may reach back before it, as a forecast issued at that time would). Windows
 * are ordered by origin, then loop, so the validation split is the latest training time.
 *
 * <p><b>Baselines.</b> Persistence: the loop's mean flow over the last {@code horizon}
 * minutes (the lookback when shorter), which is also the baseline the network's forecast is
 * built on. Historical average: the loop's mean flow over the training minutes; the data is
 * one simulated morning, so there is no same-time-of-day history to average.
 */
public final class GridForecast {

  private static final int PATCH_MINUTES = 5;

  private final GridNetwork network;
  private final LoopData loops;
  private final int lookback;
  private final int horizon;
  private final int trainEnd;
  private final int[][] neighbours;
  private final List<String> featureNames;
  private final double[] historical;

  /**
   * @param neighbours the loops each window holds, the forecast loop included
   */
  public GridForecast(GridNetwork network, LoopData loops, int lookbackMinutes,
      int horizonMinutes, int testMinutes, int neighbours) {
    if (lookbackMinutes % PATCH_MINUTES != 0 || lookbackMinutes < PATCH_MINUTES) {
      throw new IllegalArgumentException("the lookback must be a multiple of "
          + PATCH_MINUTES + " minutes, got " + lookbackMinutes);
    }
    if (loops.minutes() - testMinutes < lookbackMinutes + horizonMinutes + 10) {
      throw new IllegalArgumentException("the data's " + loops.minutes() + " minutes leave"
          + " too few for training before the last " + testMinutes);
    }
    if (neighbours < 1 || neighbours > loops.loops()) {
      throw new IllegalArgumentException("a window holds 1 to " + loops.loops() + " loops,"
          + " got " + neighbours);
    }
    this.network = network;
    this.loops = loops;
    this.lookback = lookbackMinutes;
    this.horizon = horizonMinutes;
    this.trainEnd = loops.minutes() - testMinutes;
    this.neighbours = nearest(network, neighbours);
    List<String> features = new ArrayList<>();
    for (int p = lookbackMinutes / PATCH_MINUTES; p >= 1; p--) {
      features.add("flow t-" + p * PATCH_MINUTES + " min [veh/h]");
    }
    features.addAll(List.of("occupancy [%]", "dx [km]", "dy [km]", "direction x",
        "direction y"));
    this.featureNames = List.copyOf(features);
    this.historical = new double[loops.loops()];
    for (int m = 0; m < trainEnd; m++) {
      for (int d = 0; d < historical.length; d++) {
        historical[d] += 60.0 * loops.count(m, d) / trainEnd;
      }
    }
  }

  private static int[][] nearest(GridNetwork network, int count) {
    List<String> ids = network.detectors();
    int[][] nearest = new int[ids.size()][];
    for (int d = 0; d < ids.size(); d++) {
      double[] here = network.position(ids.get(d));
      int self = d;
      nearest[d] = java.util.stream.IntStream.range(0, ids.size()).boxed()
          .sorted(java.util.Comparator.comparingDouble((Integer o) -> o == self ? -1
              : distance(here, network.position(ids.get(o))))
              .thenComparing(o -> o))
          .limit(count).mapToInt(Integer::intValue).toArray();
    }
    return nearest;
  }

  private static double distance(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }

  /** The loops (indices) the window of loop {@code d} holds, nearest first. */
  public int[] neighbours(int d) {
    return neighbours[d].clone();
  }

  /** Training windows, ordered by origin then loop, one origin every {@code stride} minutes. */
  public WindowSet training(int stride) {
    int[] all = trainingOrigins();
    return windows(java.util.stream.IntStream.range(0, all.length).filter(i -> i % stride == 0)
        .map(i -> all[i]).toArray());
  }

  /** Held-out windows, ordered by origin then loop, with their targets. */
  public WindowSet test() {
    return windows(testOrigins());
  }

  /** The minutes (from the data's start) at which training forecasts are issued. */
  public int[] trainingOrigins() {
    return range(lookback, trainEnd - horizon);
  }

  /** The minutes at which held-out forecasts are issued. */
  public int[] testOrigins() {
    return range(trainEnd, loops.minutes() - horizon);
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).toArray();
  }

  private WindowSet windows(int[] origins) {
    int n = loops.loops();
    int size = neighbours[0].length;
    double[][][] inputs = new double[origins.length * n][size][];
    double[][] baseline = new double[origins.length * n][1];
    double[][] targets = new double[origins.length * n][1];
    for (int o = 0; o < origins.length; o++) {
      int t = origins[o];
      double[] persistence = persistence(t);
      double[] actual = actual(t);
      for (int d = 0; d < n; d++) {
        int w = o * n + d;
        for (int k = 0; k < size; k++) {
          inputs[w][k] = token(t, d, neighbours[d][k]);
        }
        baseline[w][0] = persistence[d];
        targets[w][0] = actual[d];
      }
    }
    List<String> tokens = new ArrayList<>(List.of("forecast loop"));
    for (int k = 1; k < size; k++) {
      tokens.add("neighbour " + k);
    }
    return new WindowSet(inputs, baseline, targets, featureNames,
        List.of("flow next " + horizon + " min [veh/h]"), tokens);
  }

  private double[] token(int t, int target, int d) {
    int patches = lookback / PATCH_MINUTES;
    double[] features = new double[featureNames.size()];
    double occupancy = 0;
    for (int p = 0; p < patches; p++) {
      int from = t - lookback + p * PATCH_MINUTES;
      double flow = 0;
      for (int m = from; m < from + PATCH_MINUTES; m++) {
        flow += 60.0 * loops.count(m, d) / PATCH_MINUTES;
        occupancy += loops.occupancy(m, d) / lookback;
      }
      features[p] = flow;
    }
    String id = network.detectors().get(d);
    double[] position = network.position(id);
    double[] origin = network.position(network.detectors().get(target));
    double[] direction = network.direction(network.approaches()
        .get(network.approachOf(id)).edgeId());
    features[patches] = occupancy;
    features[patches + 1] = (position[0] - origin[0]) / 1000;
    features[patches + 2] = (position[1] - origin[1]) / 1000;
    features[patches + 3] = direction[0];
    features[patches + 4] = direction[1];
    return features;
  }

  /** {@code [window][0]} flows of a window set, as {@code [origin][loop]}. */
  public double[][] byLoop(double[][] perWindow) {
    int n = loops.loops();
    double[][] rows = new double[perWindow.length / n][n];
    for (int w = 0; w < perWindow.length; w++) {
      rows[w / n][w % n] = perWindow[w][0];
    }
    return rows;
  }

  /** Each loop's mean flow over the {@code horizon} minutes before {@code t}, veh/h. */
  public double[] persistence(int t) {
    int span = Math.min(horizon, lookback);
    return meanFlow(t - span, t);
  }

  /** Each loop's actual mean flow over [t, t + horizon), veh/h. */
  public double[] actual(int t) {
    return meanFlow(t, t + horizon);
  }

  /** Each loop's mean flow over the training minutes, veh/h. */
  public double[] historicalAverage() {
    return historical.clone();
  }

  private double[] meanFlow(int from, int to) {
    double[] mean = new double[loops.loops()];
    for (int m = from; m < to; m++) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += 60.0 * loops.count(m, d) / (to - from);
      }
    }
    return mean;
  }

  /** The simulated clock, h, of minute {@code t}. */
  public double hourOf(int t) {
    return (loops.startSeconds() + t * 60.0) / 3600;
  }

  public int horizonMinutes() {
    return horizon;
  }

  /**
   * Mean absolute error per loop and overall, and root mean squared error overall, of
   * {@code forecast} against {@code actual}, both {@code [window][loop]}.
   */
  public static Errors errors(double[][] forecast, double[][] actual) {
    int loops = actual[0].length;
    double[] perLoop = new double[loops];
    double absolute = 0;
    double squared = 0;
    for (int w = 0; w < actual.length; w++) {
      for (int d = 0; d < loops; d++) {
        double e = forecast[w][d] - actual[w][d];
        perLoop[d] += Math.abs(e) / actual.length;
        absolute += Math.abs(e);
        squared += e * e;
      }
    }
    int count = actual.length * loops;
    return new Errors(perLoop, absolute / count, Math.sqrt(squared / count));
  }

  /**
   * Forecast errors.
   *
   * @param maePerLoop mean absolute error of each loop, veh/h
   * @param mae over every loop and window, veh/h
   * @param rmse over every loop and window, veh/h
   */
  public record Errors(double[] maePerLoop, double mae, double rmse) {
  }
}
