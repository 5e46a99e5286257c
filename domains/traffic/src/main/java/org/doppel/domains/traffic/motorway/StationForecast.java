package org.doppel.domains.traffic.motorway;

import java.util.ArrayList;
import java.util.List;
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
 * rising demand), its 5-minute speed (flow over density, m/s; 0 for the ramps, which have
 * no density) and its chainage (km). The target of a station is its mean flow over the
 * {@value #AVERAGE} minutes ending {@code horizon} minutes after the window's last minute;
 * the baseline given to the network is persistence, the mean flow of the last
 * {@value #AVERAGE} minutes, so the network learns the change. Training windows have their
 * whole target before {@code testStart}; test windows have their whole target at or after
 * it.
 *
 * @param training windows with targets and the persistence baseline
 * @param test windows with targets and the persistence baseline
 * @param testOrigins the last observed minute of each test window
 * @param historical the training-period mean flow of each station, the second baseline,
 *     {@code [station]}
 */
public record StationForecast(WindowSet training, WindowSet test, int[] testOrigins,
    double[] historical) {

  /** Minutes in a target and in the persistence baseline. */
  public static final int AVERAGE = 5;

  /**
   * Builds the windows.
   *
   * @throws PluginException when the data leave fewer than 10 training or 5 test windows
   */
  public static StationForecast of(MotorwayLoops loops, int inputMinutes, int horizon,
      int testStart) {
    return of(loops, inputMinutes, 1, horizon, testStart);
  }

  /**
   * Builds the windows with the input flows as means over blocks of {@code block} minutes.
   *
   * @throws PluginException when {@code inputMinutes} is not a multiple of {@code block}
   */
  public static StationForecast of(MotorwayLoops loops, int inputMinutes, int block,
      int horizon, int testStart) {
    if (block < 1 || inputMinutes % block != 0) {
      throw new PluginException("motorway forecast: input_minutes " + inputMinutes
          + " must be a whole number of blocks of " + block + " minutes");
    }
    if (inputMinutes < AVERAGE || horizon < AVERAGE) {
      throw new PluginException("motorway forecast: input_minutes and the horizon must be at"
          + " least " + AVERAGE + " minutes, got " + inputMinutes + " and " + horizon);
    }
    double[][] flow = loops.flow();
    double[][] speed = Calibration.smoothSpeed(loops);
    int stations = flow.length;
    int minutes = loops.minutes();
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

    List<Integer> trainOrigins = new ArrayList<>();
    List<Integer> testOrigins = new ArrayList<>();
    for (int t = inputMinutes - 1; t + horizon < minutes; t++) {
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

    double[] historical = new double[stations];
    for (int s = 0; s < stations; s++) {
      for (int m = 0; m < testStart; m++) {
        historical[s] += flow[s][m] / testStart;
      }
    }
    Shape shape = new Shape(series, speed, position, tokens, inputMinutes, block, horizon,
        stations, loops.stations().stream().map(st -> st.name() + " flow [veh/h]").toList());
    return new StationForecast(shape.windows(trainOrigins), shape.windows(testOrigins),
        testOrigins.stream().mapToInt(Integer::intValue).toArray(), historical);
  }

  /** What every window is cut from. */
  private record Shape(double[][] series, double[][] speed, double[] position,
      List<String> tokens, int inputMinutes, int block, int horizon, int stations,
      List<String> targets) {

    WindowSet windows(List<Integer> origins) {
      int n = origins.size();
      int blocks = inputMinutes / block;
      double[][][] inputs = new double[n][tokens.size()][blocks + 2];
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
      return new WindowSet(inputs, baseline, target, features, targets, tokens);
    }
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

  /** The historical baseline as a forecast for every test window. */
  public double[][] historicalForecast() {
    double[][] f = new double[test.size()][];
    for (int w = 0; w < f.length; w++) {
      f[w] = historical.clone();
    }
    return f;
  }
}
