package org.doppel.domains.traffic.ridership;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.doppel.domains.traffic.SurrogateSections;
import org.doppel.domains.traffic.TrafficPart;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.WindowSet;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;

/**
 * Daily rail ridership at Clark/Lake (real data, with weather), section {@code ridership}:
 * day-ahead forecasting with attention over days ({@link RidershipForecast}) against
 * persistence and the weekly seasonal naive forecast, on the held-out last days.
 *
 * <p>Keys: {@code data} (a CSV file; default the shipped one), {@code lookback_days} (14),
 * {@code train_days} (1460; a quick run uses at most 365), {@code test_days} (365).
 * Stateless.
 */
public final class RidershipPart implements TrafficPart {

  private static final Set<String> KEYS = Set.of("data", "lookback_days", "train_days",
      "test_days");
  private static final String SHIPPED =
      "/org/doppel/domains/traffic/data/ridership/chicago_clark_lake_daily.csv";

  @Override
  public String section() {
    return "ridership";
  }

  @Override
  public void validate(StudyContext context, Parameters section) {
    section.requireOnly(KEYS);
    if (section.getInt("lookback_days", 14) < 7 || section.getInt("test_days", 365) < 7
        || section.getInt("train_days", 1460) < 30) {
      throw new PluginException("ridership: 'lookback_days' and 'test_days' must be at least"
          + " 7 and 'train_days' at least 30");
    }

    // The untrained network is built once, so a faulty surrogate or attention setting is
    // refused before the data is read or anything trains.
    context.forecasting().check(SurrogateSections.settings(context),
        RidershipForecast.tokens(section.getInt("lookback_days", 14)),
        RidershipForecast.FEATURES.size());
  }

  @Override
  public void run(StudyContext context, Parameters section) throws IOException {
    validate(context, section);
    StudyReport report = context.report();
    report.heading("Rail ridership at Clark/Lake (real data)");
    report.paragraph("Daily entries at the Clark/Lake station of the Chicago 'L', 2001-2016,"
        + " with the day's weather (dataset 'Chicago' of the R package modeldata, from the"
        + " City of Chicago's open data). Real counts, not simulated.");
    URL source = section.has("data") ? Path.of(section.getString("data", "")).toUri().toURL()
        : RidershipPart.class.getResource(SHIPPED);
    RidershipData data = RidershipData.read(source, section.getString("data",
        "chicago_clark_lake_daily.csv"));
    int train = section.getInt("train_days", 1460);
    RidershipForecast problem = new RidershipForecast(data, section.getInt("lookback_days",
        14), context.quick() ? Math.min(365, train) : train, section.getInt("test_days", 365));

    ForecasterSettings settings = SurrogateSections.settings(context);
    WindowSet test = problem.test();
    SequenceForecaster forecaster;
    try (StudyContext.Progress progress = context.progress("ridership: training",
        settings.epochs(), "epochs")) {
      forecaster = context.forecasting().train(problem.training(), settings,
          (epoch, epochs, loss, validation) -> progress.step(String.format(Locale.ROOT,
              "loss %.4f", loss)));
    }
    double[] twin = column(forecaster.predict(test));
    double[] actual = column(test.targets());
    double[] weekly = column(test.baseline());
    double[] persistence = problem.persistence();
    double twinMae = mae(twin, actual);
    double persistenceMae = mae(persistence, actual);
    double weeklyMae = mae(weekly, actual);
    report.metric("ridership/twin/mae_thousands", twinMae);
    report.metric("ridership/persistence/mae_thousands", persistenceMae);
    report.metric("ridership/seasonal_naive/mae_thousands", weeklyMae);
    report.metric("ridership/twin/skill_vs_persistence_mae", 1 - twinMae / persistenceMae);
    report.paragraph(String.format(Locale.ROOT, "Day-ahead MAE over the last %d days"
        + " (thousands of entries): twin %.3f, persistence %.3f, seasonal naive (a week"
        + " before) %.3f. The twin is given the day's observed weather (no weather forecasts"
        + " in the data).", actual.length, twinMae, persistenceMae, weeklyMae));
    charts(report, forecaster, test, twin, actual, weekly);
  }

  private static void charts(StudyReport report, SequenceForecaster forecaster,
      WindowSet test, double[] twin, double[] actual, double[] weekly) {
    int shown = Math.min(56, actual.length);
    int from = actual.length - shown;
    double[] x = new double[shown];
    Arrays.setAll(x, i -> from + i + 1);
    report.chart("ridership_forecast", new Chart.Lines("Clark/Lake daily entries, last "
        + shown + " held-out days", "held-out day", "thousands of entries", x, List.of(
            Chart.Series.points("data", Arrays.copyOfRange(actual, from, actual.length)),
            Chart.Series.line("twin", Arrays.copyOfRange(twin, from, twin.length)),
            Chart.Series.line("seasonal naive", Arrays.copyOfRange(weekly, from,
                weekly.length))), List.of()));
    double[][][] weights = forecaster.attentionWeights(test);
    if (weights.length == 0) {
      return;
    }
    double[][] mean = new double[weights[0].length][weights[0][0].length];
    for (double[][] window : weights) {
      for (int q = 0; q < mean.length; q++) {
        for (int t = 0; t < mean[q].length; t++) {
          mean[q][t] += window[q][t] / weights.length;
        }
      }
    }
    List<String> rows = new ArrayList<>();
    for (int q = 0; q < mean.length; q++) {
      rows.add(mean.length == test.tokens() ? test.tokenNames().get(q) : "query " + q);
    }
    report.chart("ridership_attention", new Chart.Heatmap("Attention over days, mean over"
        + " the held-out forecasts", "attended day", "query", test.tokenNames(), rows, mean));
  }

  private static double[] column(double[][] rows) {
    return Arrays.stream(rows).mapToDouble(r -> r[0]).toArray();
  }

  private static double mae(double[] forecast, double[] actual) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(forecast[i] - actual[i]);
    }
    return sum / actual.length;
  }
}
