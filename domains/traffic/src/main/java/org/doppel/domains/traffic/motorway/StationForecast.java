package org.doppel.domains.traffic.motorway;

import java.util.ArrayList;
import java.util.List;
import org.doppel.domains.traffic.WindowSets;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.forecast.WindowSet;

/**
 * The model twin's forecasting problem on the corridor: the flow of every station
 * {@code horizon} minutes ahead from the last minutes of every loop.
 *
 * <p>A token is a loop location (the stations upstream to downstream, then the on- and
 * off-ramp), so attention runs over detectors: which locations a station's forecast leans
 * on. A token's features are its last {@code inputMinutes} flows (one-minute values, or
 * means over blocks of minutes) less its mean of the last {@value #AVERAGE} minutes, so the
 * network sees recent changes rather than levels (levels tie it to the training period's
 * rising demand), its speed over the last {@value #AVERAGE} minutes (flow over density, m/s;
 * 0 for the ramps, which have no density), its chainage (km) and its historical change
 * (veh/h): its mean flow over the target's minutes in the other simulated mornings less its
 * persistence level, i.e. how the time of day usually moves it (0 without other mornings).
 * The target of a station is its mean flow over the {@value #AVERAGE} minutes ending
 * {@code horizon} minutes after the window's last minute; the baseline given to the network
 * is persistence, the mean flow of the last {@value #AVERAGE} minutes, so the network learns
 * the change. Training windows have their whole target before {@code testStart}; test
 * windows have their whole target at or after it.
 *
 * <p><b>Mornings.</b> Besides the morning whose last hour is held out, the windows may be cut
 * from extra simulated mornings of the same corridor (other seeds and demand levels; the data
 * README says which): every one of their windows trains, since none of their minutes is the
 * held-out hour. The training windows are the main morning's first, then each extra
 * morning's in order, so the forecaster's validation split (the last windows) falls on the
 * extra mornings and never on the held-out hour. The historical change of the main
 * morning's windows averages every extra morning; an extra morning's averages the other
 * extra mornings, so no window sees its own target through it. The second baseline, the
 * historical average, is then each station's flow at the same time of day averaged over the
 * extra mornings; without extra mornings it is the main morning's training-period mean.
 *
 * @param training windows with targets and the persistence baseline
 * @param test windows with targets and the persistence baseline
 * @param testOrigins the last observed minute of each test window
 * @param historical the historical-average forecast of each test window, {@code
 *     [window][station]}
 * @param mornings how many simulated mornings the training windows come from
 */
public record StationForecast(WindowSet training, WindowSet test, int[] testOrigins,
    double[][] historical, int mornings) {

  /** Minutes in a target and in the persistence baseline. */
  public static final int AVERAGE = 5;

  /** The tokens of a window: every station, then the on-ramp and the off-ramp. */
  static int tokens(MotorwayLoops loops) {
    return loops.stations().size() + 2;
  }

  /** The features of every token: one flow change per block, speed, chainage, history. */
  static int features(int inputMinutes, int block) {
    return inputMinutes / block + 3;
  }

  /**
   * Builds the windows from one morning.
   *
   * @throws PluginException when the data leave fewer than 10 training or 5 test windows
   */
  public static StationForecast of(MotorwayLoops loops, int inputMinutes, int horizon,
      int testStart) {
    return of(loops, List.of(), inputMinutes, 1, horizon, testStart);
  }

  /**
   * Builds the windows from one morning with the input flows as means over blocks of
   * {@code block} minutes.
   *
   * @throws PluginException when {@code inputMinutes} is not a multiple of {@code block}
   */
  public static StationForecast of(MotorwayLoops loops, int inputMinutes, int block,
      int horizon, int testStart) {
    return of(loops, List.of(), inputMinutes, block, horizon, testStart);
  }

  /**
   * Builds the windows: the test from the last minutes of {@code loops}, training from its
   * minutes before and from every minute of the extra {@code mornings}.
   *
   * @throws PluginException when {@code inputMinutes} is not a multiple of {@code block}, a
   *     morning has other stations or minutes than {@code loops}, or the data leave fewer
   *     than 10 training or 5 test windows
   */
  public static StationForecast of(MotorwayLoops loops, List<MotorwayLoops> mornings,
      int inputMinutes, int block, int horizon, int testStart) {
    if (block < 1 || inputMinutes % block != 0) {
      throw new PluginException("motorway forecast: input_minutes " + inputMinutes
          + " must be a whole number of blocks of " + block + " minutes");
    }
    if (inputMinutes < AVERAGE || horizon < AVERAGE) {
      throw new PluginException("motorway forecast: input_minutes and the horizon must be at"
          + " least " + AVERAGE + " minutes, got " + inputMinutes + " and " + horizon);
    }
    for (int k = 0; k < mornings.size(); k++) {
      MotorwayLoops morning = mornings.get(k);
      if (!morning.stations().equals(loops.stations())
          || morning.startSecond() != loops.startSecond()
          || morning.minutes() != loops.minutes()) {
        throw new PluginException("motorway forecast: extra morning " + (k + 1) + " has other"
            + " stations or minutes than the main morning");
      }
    }
    int stations = loops.stations().size();
    int minutes = loops.minutes();
    List<Integer> trainOrigins = new ArrayList<>();
    List<Integer> testOrigins = new ArrayList<>();
    List<Integer> allOrigins = new ArrayList<>();
    for (int t = inputMinutes - 1; t + horizon < minutes; t++) {
      allOrigins.add(t);
      if (t + horizon < testStart) {
        trainOrigins.add(t);
      } else if (t + horizon - AVERAGE + 1 >= testStart) {
        testOrigins.add(t);
      }
    }
    if (trainOrigins.size() < 10 || testOrigins.size() < 5) {
      throw new PluginException("motorway forecast: " + trainOrigins.size() + " training and "
          + testOrigins.size() + " test windows with input_minutes " + inputMinutes
          + ", horizon " + horizon + " and the test from minute " + testStart
          + "; at least 10 and 5 are needed");
    }

    List<Shape> shapes = new ArrayList<>();
    for (MotorwayLoops morning : mornings) {
      shapes.add(Shape.of(morning, inputMinutes, block, horizon));
    }
    // The main morning's history is every extra morning; an extra morning's is the others,
    // so no window sees its own future through the history feature.
    Shape main = Shape.of(loops, inputMinutes, block, horizon).withHistory(history(shapes,
        -1));
    List<WindowSet> training = new ArrayList<>(List.of(main.windows(trainOrigins)));
    for (int k = 0; k < shapes.size(); k++) {
      training.add(shapes.get(k).withHistory(history(shapes, k)).windows(allOrigins));
    }
    double[][] historical = new double[testOrigins.size()][stations];
    if (mornings.isEmpty()) {
      double[][] flow = loops.flow();
      for (double[] row : historical) {
        for (int s = 0; s < stations; s++) {
          for (int m = 0; m < testStart; m++) {
            row[s] += flow[s][m] / testStart;
          }
        }
      }
    } else {
      for (MotorwayLoops morning : mornings) {
        double[][] flow = morning.flow();
        for (int w = 0; w < historical.length; w++) {
          int end = testOrigins.get(w) + horizon;
          for (int s = 0; s < stations; s++) {
            historical[w][s] += mean(flow[s], end - AVERAGE + 1, end) / mornings.size();
          }
        }
      }
    }
    return new StationForecast(WindowSets.concat(training), main.windows(testOrigins),
        testOrigins.stream().mapToInt(Integer::intValue).toArray(), historical,
        1 + mornings.size());
  }

  /**
   * Each token's flow per minute averaged over the mornings of {@code shapes} other than
   * {@code except}, {@code [token][minute]}; {@code null} when there are none.
   */
  private static double[][] history(List<Shape> shapes, int except) {
    int others = shapes.size() - (except >= 0 ? 1 : 0);
    if (others == 0) {
      return null;
    }
    double[][] first = shapes.get(0).series();
    double[][] mean = new double[first.length][first[0].length];
    for (int k = 0; k < shapes.size(); k++) {
      if (k == except) {
        continue;
      }
      double[][] series = shapes.get(k).series();
      for (int i = 0; i < mean.length; i++) {
        for (int m = 0; m < mean[i].length; m++) {
          mean[i][m] += series[i][m] / others;
        }
      }
    }
    return mean;
  }

  /**
   * What every window is cut from.
   *
   * @param history each token's flow per minute in the other mornings, {@code null} for none
   */
  private record Shape(double[][] series, double[][] speed, double[] position,
      List<String> tokens, int inputMinutes, int block, int horizon, int stations,
      List<String> targets, double[][] history) {

    Shape withHistory(double[][] other) {
      return new Shape(series, speed, position, tokens, inputMinutes, block, horizon,
          stations, targets, other);
    }

    static Shape of(MotorwayLoops loops, int inputMinutes, int block, int horizon) {
      double[][] flow = loops.flow();
      int stations = flow.length;
      List<String> tokens = new ArrayList<>();
      loops.stations().forEach(s -> tokens.add(s.name()));
      tokens.add("onRamp");
      tokens.add("offRamp");
      double[][] series = new double[stations + 2][];
      System.arraycopy(flow, 0, series, 0, stations);
      series[stations] = loops.onRampFlow();
      series[stations + 1] = loops.offRampFlow();
      double[] position = new double[stations + 2];
      for (int s = 0; s < stations; s++) {
        position[s] = loops.stations().get(s).x() / 1000;
      }
      position[stations] = loops.onRampX() / 1000;
      position[stations + 1] = loops.offRampX() / 1000;
      return new Shape(series, trailingSpeed(loops), position, tokens,
          inputMinutes, block, horizon, stations,
          loops.stations().stream().map(st -> st.name() + " flow [veh/h]").toList(), null);
    }

    WindowSet windows(List<Integer> origins) {
      int n = origins.size();
      int blocks = inputMinutes / block;
      double[][][] inputs = new double[n][tokens.size()][features(inputMinutes, block)];
      double[][] baseline = new double[n][stations];
      double[][] target = new double[n][stations];
      for (int w = 0; w < n; w++) {
        int t = origins.get(w);
        for (int k = 0; k < tokens.size(); k++) {
          double level = mean(series[k], t - AVERAGE + 1, t);
          for (int j = 0; j < blocks; j++) {
            int first = t - inputMinutes + 1 + j * block;
            inputs[w][k][j] = mean(series[k], first, first + block - 1) - level;
          }
          double v = k < stations ? speed[k][t] : 0;
          inputs[w][k][blocks] = Double.isFinite(v) ? v : 0;
          inputs[w][k][blocks + 1] = position[k];
          inputs[w][k][blocks + 2] = history == null ? 0
              : mean(history[k], t + horizon - AVERAGE + 1, t + horizon) - level;
        }
        for (int s = 0; s < stations; s++) {
          baseline[w][s] = mean(series[s], t - AVERAGE + 1, t);
          target[w][s] = mean(series[s], t + horizon - AVERAGE + 1, t + horizon);
        }
      }
      List<String> features = new ArrayList<>();
      for (int j = 0; j < inputMinutes / block; j++) {
        int last = inputMinutes - 1 - (j + 1) * block + 1;
        features.add(block == 1 ? "flow change t-" + last + " min [veh/h]"
            : "flow change t-" + (last + block - 1) + "..t-" + last + " min [veh/h]");
      }
      features.add("speed [m/s]");
      features.add("chainage [km]");
      features.add("historical change [veh/h]");
      return new WindowSet(inputs, baseline, target, features, targets, tokens);
    }
  }

  /**
   * Station speed as the flow over the density of the last {@value #AVERAGE} minutes up to
   * and including each minute, m/s; NaN where the density is 0. Trailing, not centred as the
   * calibration's, so a window's speed uses no minute after its origin.
   */
  static double[][] trailingSpeed(MotorwayLoops loops) {
    double[][] flow = loops.flow();
    double[][] density = loops.density();
    double[][] speed = new double[flow.length][flow[0].length];
    for (int s = 0; s < flow.length; s++) {
      for (int m = 0; m < flow[s].length; m++) {
        int from = Math.max(0, m - AVERAGE + 1);
        double q = mean(flow[s], from, m);
        double k = mean(density[s], from, m);
        speed[s][m] = k > 0 ? q / k / 3.6 : Double.NaN;
      }
    }
    return speed;
  }

  private static double mean(double[] x, int from, int to) {
    double total = 0;
    for (int i = from; i <= to; i++) {
      total += x[i];
    }
    return total / (to - from + 1);
  }

  /** Mean absolute error per station, veh/h; the last entry is the corridor-wide mean. */
  public static double[] meanAbsoluteError(double[][] forecast, double[][] actual) {
    int stations = actual[0].length;
    double[] mae = new double[stations + 1];
    for (int w = 0; w < actual.length; w++) {
      for (int s = 0; s < stations; s++) {
        double e = Math.abs(forecast[w][s] - actual[w][s]) / actual.length;
        mae[s] += e;
        mae[stations] += e / stations;
      }
    }
    return mae;
  }

  /** The historical-average baseline as a forecast for every test window. */
  public double[][] historicalForecast() {
    double[][] f = new double[historical.length][];
    for (int w = 0; w < f.length; w++) {
      f[w] = historical[w].clone();
    }
    return f;
  }
}
