package org.doppel.domains.logistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.domains.logistics.chain.ChainKpis;
import org.doppel.domains.logistics.chain.ChainRun;
import org.doppel.domains.logistics.chain.SerialSupplyChain;
import org.doppel.domains.logistics.demand.DemandSeries;
import org.doppel.domains.logistics.demand.ForecastEvaluation;
import org.doppel.domains.logistics.demand.NaiveForecasts;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyReport;

/** What the logistics study reports, part by part. Not thread-safe: one per run. */
final class StudyReports {

  private static final List<String> ECHELONS = SerialSupplyChain.ECHELONS;

  private final StudyReport report;

  StudyReports(StudyReport report) {
    this.report = report;
  }

  void data(DemandSeries demand, String attribution) {
    report.heading("Data");
    report.paragraph(attribution);
    report.paragraph("Read " + demand.size() + " months, " + demand.months()[0] + " to "
        + demand.months()[demand.size() - 1] + ", from " + demand.source() + " (SHA-256 "
        + demand.sha256() + "); repairs: " + (demand.repairs().isEmpty() ? "none"
        : demand.repairs()) + ".");
    report.metric("data/months", demand.size());
    demand.repairs().forEach((kind, count) -> report.metric("data/repairs/" + kind, count));
  }

  void forecasts(ForecastEvaluation evaluation, StudySettings settings) {
    report.heading("Model twin: demand 1 to " + evaluation.horizon() + " months ahead");
    DemandSeries demand = evaluation.demand();
    report.paragraph("Rolling origins: the attention twin (" + settings.forecaster()
        .attentionId() + ") is refit every 12 months from " + demand.months()[evaluation
        .firstIssue()] + " on all the demand seen so far and issues a forecast every month;"
        + " persistence and seasonal naive forecasts are issued at the same months. The twin"
        + " learns log demand as a departure from the seasonal naive forecast. Each horizon"
        + " is scored on every forecast whose target month is in the data.");

    List<List<Object>> rows = new ArrayList<>();
    double[][] mape = new double[ForecastEvaluation.METHODS.size()][evaluation.horizon()];
    for (int m = 0; m < ForecastEvaluation.METHODS.size(); m++) {
      String method = ForecastEvaluation.METHODS.get(m);
      double meanMape = 0;
      for (ForecastEvaluation.Accuracy accuracy : evaluation.errors().get(method)) {
        rows.add(List.of(method, accuracy.horizon(), accuracy.count(), accuracy.mapePct(),
            accuracy.rmse()));
        mape[m][accuracy.horizon() - 1] = accuracy.mapePct();
        meanMape += accuracy.mapePct() / evaluation.horizon();
      }
      List<ForecastEvaluation.Accuracy> errors = evaluation.errors().get(method);
      report.metric("forecast/" + method + "/mape_h1_pct", errors.get(0).mapePct());
      report.metric("forecast/" + method + "/rmse_h1_musd", errors.get(0).rmse());
      report.metric("forecast/" + method + "/mape_h" + evaluation.horizon() + "_pct",
          errors.get(errors.size() - 1).mapePct());
      report.metric("forecast/" + method + "/mape_mean_pct", meanMape);
    }
    report.paragraph(verdict(evaluation));
    report.table("forecast_accuracy", "Forecast accuracy by horizon",
        List.of("method", "horizon_months", "forecasts", "mape_pct", "rmse_musd"), rows);

    double[] horizons = new double[evaluation.horizon()];
    Arrays.setAll(horizons, h -> h + 1);
    List<Chart.Series> lines = new ArrayList<>();
    for (int m = 0; m < mape.length; m++) {
      lines.add(Chart.Series.line(ForecastEvaluation.METHODS.get(m), mape[m]));
    }
    report.chart("error_by_horizon", new Chart.Lines("Forecast error by horizon",
        "months ahead", "MAPE (%)", horizons, lines, List.of()));
    report.chart("forecast_vs_actual", forecastVsActual(evaluation));
    fits(evaluation);
    attention(evaluation);
    forecastCsv(evaluation);
  }

  private static String verdict(ForecastEvaluation evaluation) {
    StringBuilder text = new StringBuilder("Mean MAPE over horizons 1-" + evaluation.horizon()
        + ":");
    String best = null;
    double bestMape = Double.POSITIVE_INFINITY;
    for (String method : ForecastEvaluation.METHODS) {
      double mean = evaluation.errors().get(method).stream()
          .mapToDouble(ForecastEvaluation.Accuracy::mapePct).average().orElse(Double.NaN);
      text.append(String.format(" %s %.2f %%;", method, mean));
      if (mean < bestMape) {
        bestMape = mean;
        best = method;
      }
    }
    return text.append(" the most accurate on these origins is ").append(best).append('.')
        .toString();
  }

  private static Chart.Lines forecastVsActual(ForecastEvaluation evaluation) {
    DemandSeries demand = evaluation.demand();
    int first = evaluation.firstIssue();
    int months = demand.size() - first;
    double[] x = new double[months];
    double[] actual = new double[months];
    double[] twinNext = new double[months];
    double[] naiveNext = new double[months];
    double[] twinYear = new double[months];
    int far = evaluation.horizon();
    for (int i = 0; i < months; i++) {
      int t = first + i;
      x[i] = decimalYear(demand.months()[t]);
      actual[i] = demand.values()[t];
      twinNext[i] = i >= 1 ? evaluation.forecasts().get(ForecastEvaluation.TWIN)[i - 1][0]
          : Double.NaN;
      naiveNext[i] = i >= 1
          ? evaluation.forecasts().get(NaiveForecasts.SEASONAL_NAIVE)[i - 1][0] : Double.NaN;
      twinYear[i] = i >= far
          ? evaluation.forecasts().get(ForecastEvaluation.TWIN)[i - far][far - 1] : Double.NaN;
    }
    return new Chart.Lines("Demand forecast vs actual (test period)", "year",
        "demand (M USD/month)", x, List.of(Chart.Series.points("actual", actual),
            Chart.Series.line("twin, 1 month ahead", twinNext),
            Chart.Series.line("seasonal naive, 1 month ahead", naiveNext),
            Chart.Series.line("twin, " + far + " months ahead", twinYear)), List.of());
  }

  private void fits(ForecastEvaluation evaluation) {
    List<List<Object>> rows = new ArrayList<>();
    for (ForecastEvaluation.Fit fit : evaluation.fits()) {
      rows.add(List.of(fit.origin().toString(), fit.windows(), fit.epochs(),
          fit.trainingLoss(), fit.validationLoss(), fit.seconds(), fit.parameters(),
          fit.errorPct()));
    }
    report.table("twin_fits", "Twin refits, one per origin", List.of("origin", "windows",
        "epochs", "training_loss", "validation_loss", "seconds", "parameters",
        "in_sample_error_h1_pct"), rows);
    ForecastEvaluation.Fit last = evaluation.fits().get(evaluation.fits().size() - 1);
    report.metric("forecast/twin/parameters", last.parameters());
    report.metric("forecast/twin/training_seconds_total", evaluation.fits().stream()
        .mapToDouble(ForecastEvaluation.Fit::seconds).sum());
  }

  private void attention(ForecastEvaluation evaluation) {
    if (evaluation.attention().length == 0 || evaluation.attention()[0].length == 0) {
      report.paragraph("The attention variant has no attention weights to show.");
      return;
    }
    List<String> rows = evaluation.attentionIssues().stream().map(YearMonth::toString)
        .toList();
    report.chart("attention", new Chart.Heatmap("Attention of the last origin's forecasts"
        + " over the past months (mean over queries)", "past month", "forecast issued",
        evaluation.tokenNames(), rows, evaluation.attention()));
  }

  private void forecastCsv(ForecastEvaluation evaluation) {
    DemandSeries demand = evaluation.demand();
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, double[][]> method : evaluation.forecasts().entrySet()) {
      double[][] forecasts = method.getValue();
      for (int i = 0; i < forecasts.length; i++) {
        int t = evaluation.firstIssue() + i;
        for (int h = 1; h <= evaluation.horizon(); h++) {
          YearMonth target = demand.months()[t].plusMonths(h);
          Object actual = t + h < demand.size() ? demand.values()[t + h] : null;
          rows.add(Arrays.asList(method.getKey(), demand.months()[t].toString(), h,
              target.toString(), forecasts[i][h - 1], actual));
        }
      }
    }
    report.csv("forecasts.csv", List.of("method", "issued", "horizon_months", "target_month",
        "forecast_musd", "actual_musd"), rows);
  }

  void chain(StudySettings settings, ForecastEvaluation evaluation, List<ChainRun> runs,
      List<ChainKpis> kpis) {
    report.heading("Decision twin: ordering policies on the serial supply chain");
    DemandSeries demand = evaluation.demand();
    int first = evaluation.firstIssue() + 1;
    report.paragraph("Simulated, not observed: a retailer, wholesaler, distributor and"
        + " factory with lead times " + Arrays.toString(settings.plant().leadTimes())
        + " months meet the actual demand of " + demand.months()[first] + " to "
        + demand.months()[demand.size() - 1] + ". Policies: pass-along (order what you were"
        + " asked), order-up-to on the twin's forecast, order-up-to on the seasonal naive"
        + " forecast, and the '" + settings.controllerId() + "' controller plugin on the"
        + " linear inventory-position model with orders bounded to [0, capacity]. Safety"
        + " factor " + settings.safetyFactor() + "; costs per M USD and month: holding "
        + Arrays.toString(settings.holdingCost()) + ", backorder "
        + Arrays.toString(settings.backorderCost()) + ". Bullwhip = var(orders) / var(end"
        + " demand) over the simulated months.");

    List<List<Object>> rows = new ArrayList<>();
    for (ChainKpis policy : kpis) {
      for (ChainKpis.Echelon e : policy.echelons()) {
        rows.add(List.of(policy.policy(), e.name(), e.fillRate(), e.meanOnHand(),
            e.meanBacklog(), e.holdingCost(), e.backorderCost(), e.cost(), e.bullwhip()));
        String key = "chain/" + policy.policy() + "/" + e.name() + "/";
        report.metric(key + "fill_rate", e.fillRate());
        report.metric(key + "bullwhip_ratio", e.bullwhip());
        report.metric(key + "mean_on_hand_musd", e.meanOnHand());
        report.metric(key + "mean_backlog_musd", e.meanBacklog());
      }
      report.metric("chain/" + policy.policy() + "/total_cost_musd", policy.totalCost());
    }
    report.table("chain_kpis", "Key figures by policy and echelon", List.of("policy",
        "echelon", "fill_rate", "mean_on_hand_musd", "mean_backlog_musd", "holding_cost_musd",
        "backorder_cost_musd", "cost_musd", "bullwhip_ratio"), rows);
    report.chart("cost_by_policy", costBars(kpis));
    report.chart("bullwhip_by_policy", bullwhipBars(kpis));
    for (ChainRun run : runs) {
      trajectories(settings.plant(), demand, first, run);
    }
    trajectoryCsv(settings.plant(), demand, first, runs);
  }

  private static Chart.Bars costBars(List<ChainKpis> kpis) {
    List<String> policies = kpis.stream().map(ChainKpis::policy).toList();
    double[][] values = new double[2][policies.size()];
    for (int p = 0; p < policies.size(); p++) {
      for (ChainKpis.Echelon e : kpis.get(p).echelons()) {
        values[0][p] += e.holdingCost();
        values[1][p] += e.backorderCost();
      }
    }
    return new Chart.Bars("Chain cost by policy (holding + backorder)", "cost (M USD)",
        policies, List.of("holding", "backorder"), values);
  }

  private static Chart.Bars bullwhipBars(List<ChainKpis> kpis) {
    List<String> policies = kpis.stream().map(ChainKpis::policy).toList();
    double[][] values = new double[policies.size()][ECHELONS.size()];
    for (int p = 0; p < policies.size(); p++) {
      for (int i = 0; i < ECHELONS.size(); i++) {
        values[p][i] = kpis.get(p).echelons().get(i).bullwhip();
      }
    }
    return new Chart.Bars("Bullwhip ratio by echelon and policy", "var(orders) / var(demand)",
        ECHELONS, policies, values);
  }

  private void trajectories(SerialSupplyChain plant, DemandSeries demand, int first,
      ChainRun run) {
    double[] x = new double[run.months()];
    for (int k = 0; k < x.length; k++) {
      x[k] = decimalYear(demand.months()[first + k]);
    }
    List<Chart.Series> stock = new ArrayList<>();
    List<Chart.Series> orders = new ArrayList<>();
    orders.add(Chart.Series.points("end demand", run.demand()));
    for (int i = 0; i < ECHELONS.size(); i++) {
      double[] onHand = run.endOfMonth(plant.onHandIndex(i));
      double[] backlog = run.endOfMonth(plant.backlogIndex(i));
      double[] net = new double[onHand.length];
      Arrays.setAll(net, k -> onHand[k] - backlog[k]);
      stock.add(Chart.Series.line(ECHELONS.get(i), net));
      orders.add(Chart.Series.line(ECHELONS.get(i), run.ordersOf(i)));
    }
    report.chart("inventory/" + run.policy(), new Chart.Lines("Net stock per echelon, "
        + run.policy() + " (negative = backlog; simulated)", "year", "net stock (M USD)", x,
        stock, List.of()));
    report.chart("orders/" + run.policy(), new Chart.Lines("Orders per echelon, "
        + run.policy() + " (simulated)", "year", "order (M USD/month)", x, orders, List.of()));
  }

  private void trajectoryCsv(SerialSupplyChain plant, DemandSeries demand, int first,
      List<ChainRun> runs) {
    List<List<Object>> rows = new ArrayList<>();
    for (ChainRun run : runs) {
      for (int k = 0; k < run.months(); k++) {
        double[] end = run.states()[k + 1];
        for (int i = 0; i < ECHELONS.size(); i++) {
          rows.add(List.of(run.policy(), demand.months()[first + k].toString(),
              ECHELONS.get(i), run.faced()[k][i], run.orders()[k][i], run.shipped()[k][i],
              end[plant.onHandIndex(i)], end[plant.backlogIndex(i)],
              plant.inTransit(end, i)));
        }
      }
    }
    report.csv("chain_trajectories.csv", List.of("policy", "month", "echelon", "demand_faced",
        "order", "shipped", "on_hand_end", "backlog_end", "in_transit_end"), rows);
  }

  private static double decimalYear(YearMonth month) {
    return month.getYear() + (month.getMonthValue() - 1) / 12.0;
  }
}
