package org.doppel.domains.traffic.ridership;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.forecast.WindowSet;

/**
 * Day-ahead ridership: the entries of day t from the {@code lookback} days before it and the
 * calendar and weather of day t. Immutable; thread-safe.
 *
 * <p><b>Tokens are days</b>: the lookback days, oldest first, then day t itself, whose
 * ridership feature is 0 and whose {@code forecast day} flag is 1. Each token: ridership
 * (thousands), the flag, the weekday one-hot (7), and the weather (temperature °F,
 * precipitation in, rain and snow shares). Attention over the tokens shows which past days
 * the forecast leans on (last week's same weekday, we expect). Weather on day t is the
 * observed weather: the twin is given a perfect weather forecast, as the data has no
 * forecasts.
 *
 * <p><b>Baselines</b>: seasonal naive (day t − 7), which is also the network's baseline, and
 * persistence (day t − 1). The held-out period is the last {@code testDays} days; training
 * uses the {@code trainDays} before it.
 */
public final class RidershipForecast {

  /** The features of every token (a day). */
  static final List<String> FEATURES = features();

  private final RidershipData data;
  private final int lookback;
  private final int testStart;
  private final int trainStart;

  public RidershipForecast(RidershipData data, int lookbackDays, int trainDays,
      int testDays) {
    if (lookbackDays < 7) {
      throw new IllegalArgumentException("the lookback must hold a week, got "
          + lookbackDays + " days");
    }
    this.data = data;
    this.lookback = lookbackDays;
    this.testStart = data.days() - testDays;
    this.trainStart = Math.max(lookbackDays, testStart - trainDays);
    if (testStart - trainStart < 30 || testDays < 7) {
      throw new IllegalArgumentException("the data's " + data.days() + " days leave too few"
          + " for " + trainDays + " training and " + testDays + " held-out days");
    }
  }

  /** The tokens of a window: the lookback days and the forecast day. */
  static int tokens(int lookbackDays) {
    return lookbackDays + 1;
  }

  private static List<String> features() {
    List<String> names = new ArrayList<>(List.of("ridership [thousands]", "forecast day"));
    for (DayOfWeek day : DayOfWeek.values()) {
      names.add(day.name().toLowerCase(java.util.Locale.ROOT));
    }
    names.addAll(List.of("temperature [F]", "precipitation [in]", "rain share",
        "snow share"));
    return List.copyOf(names);
  }

  public WindowSet training() {
    return windows(trainStart, testStart);
  }

  public WindowSet test() {
    return windows(testStart, data.days());
  }

  /** The first held-out day. */
  public int testStart() {
    return testStart;
  }

  private WindowSet windows(int from, int to) {
    int n = to - from;
    double[][][] inputs = new double[n][tokens(lookback)][];
    double[][] baseline = new double[n][1];
    double[][] targets = new double[n][1];
    for (int i = 0; i < n; i++) {
      int t = from + i;
      for (int k = 0; k < lookback; k++) {
        inputs[i][k] = token(t - lookback + k, false);
      }
      inputs[i][lookback] = token(t, true);
      baseline[i][0] = data.ridership(t - 7);
      targets[i][0] = data.ridership(t);
    }
    List<String> tokens = new ArrayList<>();
    for (int k = lookback; k >= 1; k--) {
      tokens.add("t-" + k + " d");
    }
    tokens.add("forecast day");
    return new WindowSet(inputs, baseline, targets, FEATURES,
        List.of("ridership [thousands]"), tokens);
  }

  private double[] token(int day, boolean forecastDay) {
    double[] f = new double[FEATURES.size()];
    f[0] = forecastDay ? 0 : data.ridership(day);
    f[1] = forecastDay ? 1 : 0;
    f[2 + data.date(day).getDayOfWeek().ordinal()] = 1;
    double[] weather = data.weather(day);
    System.arraycopy(weather, 0, f, 9, weather.length);
    return f;
  }

  /** Persistence forecasts of the held-out days. */
  public double[] persistence() {
    double[] p = new double[data.days() - testStart];
    for (int i = 0; i < p.length; i++) {
      p[i] = data.ridership(testStart + i - 1);
    }
    return p;
  }
}
