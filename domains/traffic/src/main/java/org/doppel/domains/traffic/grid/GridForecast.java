package org.doppel.domains.traffic.grid;

import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.forecast.WindowSet;

/**
 * The grid's forecasting problem: every loop's mean flow over the next {@code horizon}
 * minutes from the last {@code lookback} minutes of all loops. Immutable; thread-safe.
 *
 * <p><b>Tokens are the loops</b> (128), so attention runs over detectors: the weight a loop's
 * forecast puts on another loop says which loops (upstream ones, we expect) predict it. Each
 * token's features are its flow over the lookback in 5-minute means (oldest first, veh/h),
 * its mean occupancy (%), where it is (x, y, km) and which way its link runs (unit vector),
 * so the network can tell loops apart, and the time of day (h). Time order within the
 * lookback lives in the feature order, so no positional encoding over tokens is needed.
 *
 * <p><b>Origins.</b> A window at minute t sees minutes [t − lookback, t) and its target is
 * the mean over [t, t + horizon). Training windows have their whole target before the
 * held-out last {@code test} minutes; test windows have their whole target inside them
 * (their inputs may reach back before it, as a forecast issued at that time would).
 *
 * <p><b>Baselines.</b> Persistence: each loop's mean flow over the last {@code horizon}
 * minutes (the lookback when shorter), which is also the baseline the network's forecast is
 * built on. Historical average: each loop's mean flow over the training minutes; the data is
 * one simulated morning, so there is no same-time-of-day history to average.
 */
public final class GridForecast {

  private static final int PATCH_MINUTES = 5;

  private final GridNetwork network;
  private final LoopData loops;
  private final int lookback;
  private final int horizon;
  private final int trainEnd;
  private final List<String> featureNames;
  private final List<String> targetNames;
  private final double[] historical;

  public GridForecast(GridNetwork network, LoopData loops, int lookbackMinutes,
      int horizonMinutes, int testMinutes) {
    if (lookbackMinutes % PATCH_MINUTES != 0 || lookbackMinutes < PATCH_MINUTES) {
      throw new IllegalArgumentException("the lookback must be a multiple of "
          + PATCH_MINUTES + " minutes, got " + lookbackMinutes);
    }
    if (loops.minutes() - testMinutes < lookbackMinutes + horizonMinutes + 10) {
      throw new IllegalArgumentException("the data's " + loops.minutes() + " minutes leave"
          + " too few for training before the last " + testMinutes);
    }
    this.network = network;
    this.loops = loops;
    this.lookback = lookbackMinutes;
    this.horizon = horizonMinutes;
    this.trainEnd = loops.minutes() - testMinutes;
    List<String> features = new ArrayList<>();
    for (int p = lookbackMinutes / PATCH_MINUTES; p >= 1; p--) {
      features.add("flow t-" + p * PATCH_MINUTES + " min [veh/h]");
    }
    features.addAll(List.of("occupancy [%]", "x [km]", "y [km]", "direction x",
        "direction y", "time of day [h]"));
    this.featureNames = List.copyOf(features);
    this.targetNames = network.detectors().stream()
        .map(d -> d + " next " + horizonMinutes + " min [veh/h]").toList();
    this.historical = new double[loops.loops()];
    for (int m = 0; m < trainEnd; m++) {
      for (int d = 0; d < historical.length; d++) {
        historical[d] += 60.0 * loops.count(m, d) / trainEnd;
      }
    }
  }

  /** Training windows, in time order. */
  public WindowSet training() {
    return windows(trainingOrigins(), true);
  }

  /** Held-out windows, with their targets. */
  public WindowSet test() {
    return windows(testOrigins(), true);
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

  private WindowSet windows(int[] origins, boolean labelled) {
    int n = loops.loops();
    double[][][] inputs = new double[origins.length][n][];
    double[][] baseline = new double[origins.length][];
    double[][] targets = new double[origins.length][];
    for (int w = 0; w < origins.length; w++) {
      int t = origins[w];
      for (int d = 0; d < n; d++) {
        inputs[w][d] = token(t, d);
      }
      baseline[w] = persistence(t);
      targets[w] = actual(t);
    }
    return new WindowSet(inputs, baseline, labelled ? targets : null, featureNames,
        targetNames, network.detectors());
  }

  private double[] token(int t, int d) {
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
    double[] direction = network.direction(network.approaches()
        .get(network.approachOf(id)).edgeId());
    features[patches] = occupancy;
    features[patches + 1] = position[0] / 1000;
    features[patches + 2] = position[1] / 1000;
    features[patches + 3] = direction[0];
    features[patches + 4] = direction[1];
    features[patches + 5] = (loops.startSeconds() + t * 60.0) / 3600;
    return features;
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
