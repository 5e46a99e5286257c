package org.doppel.domains.traffic.grid;

import java.util.ArrayList;
import java.util.List;
import org.doppel.domains.traffic.WindowSets;
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
 * where it is relative to the forecast loop (dx, dy, km), which way its link runs (unit
 * vector) and its historical change (veh/h): its mean flow over the target minutes in the
 * other simulated mornings less its persistence forecast, i.e. how the time of day usually
 * moves it (0 without other mornings). The clock itself is left out: with one morning the
 * held-out hour lies outside the training hours and a network fed the clock extrapolates
 * it; the historical change carries the time of day in the data's own units.
 *
 * <p><b>Origins.</b> A window at minute t sees minutes [t − lookback, t) and its target is
 * the mean over [t, t + horizon). Training windows have their whole target before the
 * held-out last {@code test} minutes; test windows have their whole target inside them
 * (their inputs may reach back before it, as a forecast issued at that time would). Windows
 * are ordered by origin, then loop, so the validation split is the latest training time.
 *
 * <p><b>Mornings.</b> Besides the morning whose last {@code test} minutes are held out, the
 * windows may be cut from extra simulated mornings of the same grid (other seeds and demand
 * levels, same network, signal plans and loops; the data README says which). Every origin of
 * an extra morning trains, since none of its minutes is the held-out hour. Training windows
 * are the main morning's first, then each extra morning's in order, so the forecaster's
 * validation split (the last windows) lies in the last extra mornings, never in the held-out
 * hour. The historical change of the main morning's windows (training and test) averages
 * every extra morning; an extra morning's averages the other extra mornings, so no window
 * sees its own target through it.
 *
 * <p><b>Baselines.</b> Persistence: the loop's mean flow over the last {@code horizon}
 * minutes (the lookback when shorter), which is also the baseline the network's forecast is
 * built on. Historical average: with extra mornings, the loop's mean flow over the same
 * {@code horizon} minutes of the day averaged over the extra mornings; with none, the loop's
 * mean flow over the main morning's training minutes (no same-time-of-day history exists).
 */
public final class GridForecast {

  private static final int PATCH_MINUTES = 5;

  /**
   * The features of every token (a loop) for a lookback of {@code lookbackMinutes}: what a
   * window's shape is checked against before training.
   */
  static List<String> featureNames(int lookbackMinutes) {
    List<String> features = new ArrayList<>();
    for (int p = lookbackMinutes / PATCH_MINUTES; p >= 1; p--) {
      features.add("flow t-" + p * PATCH_MINUTES + " min [veh/h]");
    }
    features.addAll(List.of("occupancy [%]", "dx [km]", "dy [km]", "direction x",
        "direction y", "historical change [veh/h]"));
    return List.copyOf(features);
  }

  private final GridNetwork network;
  private final LoopData loops;
  private final List<LoopData> mornings;
  private final int lookback;
  private final int horizon;
  private final int trainEnd;
  private final int[][] neighbours;
  private final List<String> featureNames;
  private final double[] historical;
  private final double[][] mainHistory;
  private final double[][][] morningHistory;

  /**
   * @param neighbours the loops each window holds, the forecast loop included
   */
  public GridForecast(GridNetwork network, LoopData loops, int lookbackMinutes,
      int horizonMinutes, int testMinutes, int neighbours) {
    this(network, loops, List.of(), lookbackMinutes, horizonMinutes, testMinutes, neighbours);
  }

  /**
   * @param mornings extra mornings of the same loops and minutes, all of whose windows train
   * @param neighbours the loops each window holds, the forecast loop included
   * @throws IllegalArgumentException when a morning has other loops or minutes than
   *     {@code loops}
   */
  public GridForecast(GridNetwork network, LoopData loops, List<LoopData> mornings,
      int lookbackMinutes, int horizonMinutes, int testMinutes, int neighbours) {
    for (int k = 0; k < mornings.size(); k++) {
      LoopData morning = mornings.get(k);
      if (morning.loops() != loops.loops() || morning.minutes() != loops.minutes()
          || morning.startSeconds() != loops.startSeconds()) {
        throw new IllegalArgumentException("extra morning " + (k + 1) + " has "
            + morning.loops() + " loops and " + morning.minutes() + " minutes from "
            + morning.startSeconds() + " s; the main morning " + loops.loops() + ", "
            + loops.minutes() + " from " + loops.startSeconds() + " s");
      }
    }
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
    this.mornings = List.copyOf(mornings);
    this.lookback = lookbackMinutes;
    this.horizon = horizonMinutes;
    this.trainEnd = loops.minutes() - testMinutes;
    this.neighbours = nearest(network, neighbours);
    this.featureNames = featureNames(lookbackMinutes);
    // The main morning's history is every extra morning; an extra morning's is the others,
    // so no window sees its own future through the history feature.
    this.mainHistory = history(this.mornings, -1);
    this.morningHistory = new double[mornings.size()][][];
    for (int k = 0; k < mornings.size(); k++) {
      morningHistory[k] = history(this.mornings, k);
    }
    this.historical = new double[loops.loops()];
    for (int m = 0; m < trainEnd; m++) {
      for (int d = 0; d < historical.length; d++) {
        historical[d] += 60.0 * loops.count(m, d) / trainEnd;
      }
    }
  }

  /**
   * Each loop's flow per minute averaged over {@code mornings} other than {@code except},
   * veh/h, {@code [minute][loop]}; {@code null} when there are none.
   */
  private static double[][] history(List<LoopData> mornings, int except) {
    int others = mornings.size() - (except >= 0 ? 1 : 0);
    if (others == 0) {
      return null;
    }
    LoopData first = mornings.get(0);
    double[][] mean = new double[first.minutes()][first.loops()];
    for (int k = 0; k < mornings.size(); k++) {
      if (k == except) {
        continue;
      }
      for (int m = 0; m < mean.length; m++) {
        for (int d = 0; d < mean[m].length; d++) {
          mean[m][d] += 60.0 * mornings.get(k).count(m, d) / others;
        }
      }
    }
    return mean;
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

  /**
   * Training windows, one origin every {@code stride} minutes: the main morning's, ordered by
   * origin then loop, then each extra morning's in the same order.
   */
  public WindowSet training(int stride) {
    List<WindowSet> parts = new ArrayList<>(List.of(windows(loops, mainHistory,
        strided(trainingOrigins(), stride))));
    int[] all = strided(range(lookback, loops.minutes() - horizon), stride);
    for (int k = 0; k < mornings.size(); k++) {
      parts.add(windows(mornings.get(k), morningHistory[k], all));
    }
    return WindowSets.concat(parts);
  }

  private static int[] strided(int[] all, int stride) {
    return java.util.stream.IntStream.range(0, all.length).filter(i -> i % stride == 0)
        .map(i -> all[i]).toArray();
  }

  /** How many simulated mornings the training windows come from. */
  public int mornings() {
    return 1 + mornings.size();
  }

  /** Held-out windows, ordered by origin then loop, with their targets. */
  public WindowSet test() {
    return windows(loops, mainHistory, testOrigins());
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

  private WindowSet windows(LoopData data, double[][] history, int[] origins) {
    int n = loops.loops();
    int size = neighbours[0].length;
    double[][][] inputs = new double[origins.length * n][size][];
    double[][] baseline = new double[origins.length * n][1];
    double[][] targets = new double[origins.length * n][1];
    for (int o = 0; o < origins.length; o++) {
      int t = origins[o];
      double[] persistence = persistence(data, t);
      double[] actual = meanFlow(data, t, t + horizon);
      for (int d = 0; d < n; d++) {
        int w = o * n + d;
        for (int k = 0; k < size; k++) {
          inputs[w][k] = token(data, history, t, d, neighbours[d][k]);
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

  private double[] token(LoopData data, double[][] history, int t, int target, int d) {
    int patches = lookback / PATCH_MINUTES;
    double[] features = new double[featureNames.size()];
    double occupancy = 0;
    for (int p = 0; p < patches; p++) {
      int from = t - lookback + p * PATCH_MINUTES;
      double flow = 0;
      for (int m = from; m < from + PATCH_MINUTES; m++) {
        flow += 60.0 * data.count(m, d) / PATCH_MINUTES;
        occupancy += data.occupancy(m, d) / lookback;
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
    if (history != null) {
      int span = Math.min(horizon, lookback);
      double expected = 0;
      double recent = 0;
      for (int m = t; m < t + horizon; m++) {
        expected += history[m][d] / horizon;
      }
      for (int m = t - span; m < t; m++) {
        recent += 60.0 * data.count(m, d) / span;
      }
      features[patches + 5] = expected - recent;
    }
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
    return persistence(loops, t);
  }

  private double[] persistence(LoopData data, int t) {
    int span = Math.min(horizon, lookback);
    return meanFlow(data, t - span, t);
  }

  /** Each loop's actual mean flow over [t, t + horizon), veh/h. */
  public double[] actual(int t) {
    return meanFlow(loops, t, t + horizon);
  }

  /**
   * The historical-average forecast issued at minute {@code t}, veh/h: each loop's mean flow
   * over [t, t + horizon) averaged over the extra mornings, or with none its mean flow over
   * the main morning's training minutes.
   */
  public double[] historicalAverage(int t) {
    if (mornings.isEmpty()) {
      return historical.clone();
    }
    double[] mean = new double[loops.loops()];
    for (LoopData morning : mornings) {
      double[] flow = meanFlow(morning, t, t + horizon);
      for (int d = 0; d < mean.length; d++) {
        mean[d] += flow[d] / mornings.size();
      }
    }
    return mean;
  }

  private static double[] meanFlow(LoopData data, int from, int to) {
    double[] mean = new double[data.loops()];
    for (int m = from; m < to; m++) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += 60.0 * data.count(m, d) / (to - from);
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
