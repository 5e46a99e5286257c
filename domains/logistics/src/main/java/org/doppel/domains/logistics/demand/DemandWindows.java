package org.doppel.domains.logistics.demand;

import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.forecast.WindowSet;

/**
 * Cuts monthly demand into windows for the attention forecaster, on logarithms so that a
 * series whose level doubles over the years looks alike at every level.
 *
 * <p>A window issued at month t has one token per month t − W + 1 .. t, each with three
 * features: log demand minus the mean log demand of the window's last twelve months (the
 * level, so the network sees shape, not level), and the sine and cosine of the calendar
 * month. Its targets are log demand at t + 1 .. t + H, and its baseline the seasonal naive
 * forecast log demand at t + h − 12: the network learns the departure from last year's same
 * month, which is mostly growth. Forecasts come back as demand by {@link Math#exp}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DemandWindows {

  /** The season, months. */
  public static final int SEASON = 12;

  /** The feature names. */
  public static final List<String> FEATURES =
      List.of("log_demand_vs_12_month_level", "month_sin", "month_cos");

  private final DemandSeries demand;
  private final double[] logs;
  private final int inputMonths;
  private final int horizon;
  private final List<String> tokenNames;
  private final List<String> targetNames;

  /**
   * @param inputMonths W, the months in a window: at least 12 (the level needs a year)
   * @param horizon H, the months forecast: 1 to 12 (the seasonal naive baseline reaches 12)
   */
  public DemandWindows(DemandSeries demand, int inputMonths, int horizon) {
    if (inputMonths < SEASON) {
      throw new IllegalArgumentException("surrogate.input_months must be at least " + SEASON
          + ", got " + inputMonths);
    }
    if (horizon < 1 || horizon > SEASON) {
      throw new IllegalArgumentException("surrogate.horizon must be 1 to " + SEASON
          + " months, got " + horizon);
    }
    this.demand = demand;
    this.inputMonths = inputMonths;
    this.horizon = horizon;
    this.logs = new double[demand.size()];
    for (int t = 0; t < logs.length; t++) {
      logs[t] = Math.log(demand.values()[t]);
    }
    List<String> tokens = new ArrayList<>();
    for (int lag = inputMonths - 1; lag >= 0; lag--) {
      tokens.add(lag == 0 ? "t" : "t-" + lag);
    }
    this.tokenNames = List.copyOf(tokens);
    List<String> targets = new ArrayList<>();
    for (int h = 1; h <= horizon; h++) {
      targets.add("log_demand_t+" + h);
    }
    this.targetNames = List.copyOf(targets);
  }

  public int inputMonths() {
    return inputMonths;
  }

  public int horizon() {
    return horizon;
  }

  /** One name per token position, oldest first. */
  public List<String> tokenNames() {
    return tokenNames;
  }

  /** The first month a window can be issued at. */
  public int firstIssue() {
    return inputMonths - 1;
  }

  /** The last month whose window has every target inside the data. */
  public int lastLabelledIssue() {
    return demand.size() - 1 - horizon;
  }

  /**
   * Windows issued at {@code issues}, with targets when {@code labelled}.
   *
   * @throws IllegalArgumentException when an issue month is too early for a full window, or
   *     a labelled one too late for its targets
   */
  public WindowSet windows(int[] issues, boolean labelled) {
    double[][][] inputs = new double[issues.length][][];
    double[][] baseline = new double[issues.length][horizon];
    double[][] targets = labelled ? new double[issues.length][horizon] : null;
    for (int w = 0; w < issues.length; w++) {
      int t = issues[w];
      if (t < firstIssue() || t >= demand.size()
          || labelled && t > lastLabelledIssue()) {
        throw new IllegalArgumentException("no " + (labelled ? "labelled " : "")
            + "window can be issued at month index " + t + " of " + demand.size());
      }
      inputs[w] = tokens(t);
      for (int h = 1; h <= horizon; h++) {
        baseline[w][h - 1] = logs[t + h - SEASON];
        if (labelled) {
          targets[w][h - 1] = logs[t + h];
        }
      }
    }
    return new WindowSet(inputs, baseline, targets, FEATURES, targetNames, tokenNames);
  }

  /** The windows issued at every month from {@code from} to {@code to}, both included. */
  public WindowSet windows(int from, int to, boolean labelled) {
    int[] issues = new int[to - from + 1];
    for (int i = 0; i < issues.length; i++) {
      issues[i] = from + i;
    }
    return windows(issues, labelled);
  }

  private double[][] tokens(int t) {
    double level = 0;
    for (int lag = 0; lag < SEASON; lag++) {
      level += logs[t - lag];
    }
    level /= SEASON;

    double[][] tokens = new double[inputMonths][];
    for (int p = 0; p < inputMonths; p++) {
      int month = t - inputMonths + 1 + p;
      double angle = 2 * Math.PI * (demand.months()[month].getMonthValue() - 1) / SEASON;
      tokens[p] = new double[] {logs[month] - level, Math.sin(angle), Math.cos(angle)};
    }
    return tokens;
  }
}
