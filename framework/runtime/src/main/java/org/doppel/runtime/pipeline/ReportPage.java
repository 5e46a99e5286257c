package org.doppel.runtime.pipeline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.evaluation.ForecastAccuracy;
import org.doppel.runtime.surrogate.EpochRecord;
import org.doppel.sdk.domain.ClosedLoopTrajectory;

/**
 * The run's report as one self-contained HTML page: tables of the figures an engineer
 * compares and the charts they would rather look at, embedded as PNG. Not thread-safe.
 */
final class ReportPage {

  private final RunResults r;
  private final StringBuilder html = new StringBuilder(1 << 20);

  ReportPage(RunResults results) {
    this.r = results;
  }

  String html() {
    head();
    overview();
    forecastSection();
    trainingSection();
    attentionSection();
    compressionSection();
    controlSection();
    dataSection();
    html.append("</body></html>\n");
    return html.toString();
  }

  private void head() {
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Doppel run ").append(esc(r.runId())).append("</title><style>")
        .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}")
        .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}")
        .append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
        .append("img{max-width:100%;border:1px solid #eee;margin:0.5em 0}")
        .append(".note{color:#555;font-size:0.9em}.error{color:#b00}")
        .append("</style></head><body>\n");
    html.append("<h1>Doppel: ").append(esc(r.scenarioName())).append("</h1>\n");
    html.append("<p class=\"note\">Run <code>").append(esc(r.runId()))
        .append("</code> of domain <b>").append(esc(r.domainId())).append("</b> from ")
        .append(esc(r.scenarioSource())).append(r.quick() ? " (quick training)" : "")
        .append(", seed ").append(r.seed()).append(", ").append(fmt("%.0f", r.seconds()))
        .append(" s, backend ").append(esc(r.compute() == null ? "unknown"
            : r.compute().backend())).append(".</p>\n");
  }

  private void overview() {
    html.append("<h2>Summary</h2>\n<table><tr><th>forecaster</th><th>MAPE %</th>")
        .append("<th>RMSE</th><th>MAE</th></tr>\n");
    String unit = r.data().unit();
    for (Map.Entry<String, DayAheadEvaluation> e : r.forecast().evaluations().entrySet()) {
      ForecastAccuracy a = e.getValue().pooled();
      row(e.getKey().equals(ForecastStage.TWIN) ? "<b>twin (" + esc(r.attentionId())
          + ")</b>" : esc(e.getKey()), fmt("%.3f", a.mape()), fmt("%.1f", a.rmse()) + " "
          + unit, fmt("%.1f", a.mae()) + " " + unit);
    }
    html.append("</table>\n<p class=\"note\">Day-ahead: one forecast of ")
        .append(r.settings().horizon()).append(" steps issued at each of the ")
        .append(r.twin().origins().length).append(" midnights of the test period (")
        .append(r.data().series().timestamp(r.split().testStart())).append(" on, ")
        .append(r.split().testEnd() - r.split().testStart())
        .append(" points), errors pooled over every step.</p>\n");
  }

  private void forecastSection() {
    DayAheadEvaluation twin = r.twin();
    DayAheadEvaluation weekly = r.forecast().evaluations().get("seasonal-naive-week");
    double[] times = flattenTimes(twin);
    List<Charts.Line> lines = new ArrayList<>();
    lines.add(new Charts.Line("actual", times, flatten(twin.actuals())));
    lines.add(new Charts.Line("twin", times, flatten(twin.forecasts())));
    if (weekly != null) {
      lines.add(new Charts.Line("seasonal naive (week)", times, flatten(weekly.forecasts())));
    }
    html.append("<h2>Forecast against what happened</h2>\n");
    image(Charts.timeLines("Day-ahead forecasts over the test period",
        r.data().target() + " [" + r.data().unit() + "]", lines));

    List<Charts.Line> byStep = new ArrayList<>();
    for (Map.Entry<String, DayAheadEvaluation> e : r.forecast().evaluations().entrySet()) {
      ForecastAccuracy[] steps = e.getValue().byStep();
      double[] x = new double[steps.length];
      double[] y = new double[steps.length];
      for (int h = 0; h < steps.length; h++) {
        x[h] = h + 1;
        y[h] = steps[h].mape();
      }
      byStep.add(new Charts.Line(e.getKey(), x, y));
    }
    image(Charts.lines("Error by horizon step (MAPE over the test origins)",
        "steps ahead", "MAPE %", byStep, false));

    html.append("<h3>Error by forecast origin (MAPE %)</h3>\n<table><tr><th>origin</th>");
    r.forecast().evaluations().keySet().forEach(n -> html.append("<th>").append(esc(n))
        .append("</th>"));
    html.append("</tr>\n");
    LocalDateTime[] originTimes = twin.originTimes();
    List<ForecastAccuracy[]> byOrigin = r.forecast().evaluations().values().stream()
        .map(DayAheadEvaluation::byOrigin).toList();
    for (int o = 0; o < originTimes.length; o++) {
      List<String> cells = new ArrayList<>();
      cells.add(originTimes[o].toLocalDate() + " " + originTimes[o].getDayOfWeek()
          .toString().substring(0, 3).toLowerCase(Locale.ROOT));
      for (ForecastAccuracy[] accuracies : byOrigin) {
        cells.add(fmt("%.2f", accuracies[o].mape()));
      }
      row(cells.toArray(String[]::new));
    }
    html.append("</table>\n");
  }

  private void trainingSection() {
    List<EpochRecord> history = r.forecast().surrogate().history();
    double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
    html.append("<h2>Training</h2>\n");
    image(Charts.lines("Training curves", "epoch", "loss (normalised units)", List.of(
        new Charts.Line("training loss", epochs,
            history.stream().mapToDouble(EpochRecord::trainLoss).toArray()),
        new Charts.Line("validation loss", epochs,
            history.stream().mapToDouble(EpochRecord::validationLoss).toArray())), true));
    html.append("<p class=\"note\">").append(history.size()).append(" epochs in ")
        .append(fmt("%.1f", r.forecast().trainingSeconds())).append(" s; the weights of epoch ")
        .append(r.forecast().surrogate().bestEpoch())
        .append(" (lowest validation loss) are kept. Settings: ")
        .append(esc(r.settings().toMap().toString())).append(".</p>\n");
  }

  private void attentionSection() {
    Explanation explanation = r.explanation();
    html.append("<h2>What the attention looked at</h2>\n");
    if (explanation == null) {
      html.append("<p>The variant <b>").append(esc(r.attentionId()))
          .append("</b> has no attention weights.</p>\n");
      return;
    }
    String[] names = explanation.tokens().stream().map(Explanation.Token::label)
        .toArray(String[]::new);
    image(Charts.bars("Mean attention weight of each input token over the test forecasts",
        "mean weight", names, explanation.meanByToken()));
    image(Charts.heatmap("Attention weights of the forecast issued "
        + explanation.origin(), "query position", names, explanation.weights()));
    html.append("<h3>The stretches of history that carry most weight</h3>\n<table><tr>")
        .append("<th>input token</th><th>lags (steps before the origin)</th>")
        .append("<th>mean weight</th></tr>\n");
    for (Explanation.Token token : explanation.heaviest(5)) {
      row(esc(token.label()), token.firstLag() + "–" + token.lastLag(),
          fmt("%.3f", explanation.meanByToken()[token.index()]));
    }
    html.append("</table>\n<p class=\"note\">Weights are those the forecast used: each query's "
        + "weights over the input tokens are non-negative and sum to one (averaged over "
        + "heads). A uniform spread would give each token ")
        .append(fmt("%.3f", 1.0 / explanation.tokens().size())).append(".</p>\n");
  }

  private void compressionSection() {
    html.append("<h2>Compression</h2>\n<table><tr><th>model</th><th>parameters</th>")
        .append("<th>non-zero</th><th>bytes on disk</th><th>latency ms (batch 1)</th>")
        .append("<th>latency ms (batch 64)</th><th>MAPE %</th><th>note</th></tr>\n");
    Map<String, double[]> bySize = new LinkedHashMap<>();
    Map<String, double[]> byLatency = new LinkedHashMap<>();
    String chain = "";
    for (CompressionStage.Measured m : r.compression()) {
      chain = m.strategy().equals("none") ? "uncompressed"
          : chain.equals("uncompressed") ? m.strategy() : chain + " → " + m.strategy();
      if (!m.ok()) {
        html.append("<tr><td>").append(esc(chain)).append("</td><td colspan=\"7\" ")
            .append("class=\"error\">failed: ").append(esc(m.error()))
            .append("; the models above are kept</td></tr>\n");
        continue;
      }
      row(esc(chain) + (m.parameters().isEmpty() ? "" : " " + esc(m.parameters().toString())),
          String.valueOf(m.parameterCount()), String.valueOf(m.nonZeroParameters()),
          String.valueOf(m.bytes()), fmt("%.3f", m.latency().batch1Ms()),
          fmt("%.3f", m.latency().batch64Ms()), fmt("%.3f", m.accuracy().mape()),
          esc(m.note()));
      bySize.put(chain, new double[] {m.bytes(), m.accuracy().mape()});
      byLatency.put(chain, new double[] {m.latency().batch64Ms(), m.accuracy().mape()});
    }
    html.append("</table>\n");
    image(Charts.scatter("Accuracy against size", "bytes on disk", "MAPE %", bySize, false));
    image(Charts.scatter("Accuracy against latency", "latency at batch 64, ms", "MAPE %",
        byLatency, false));
    html.append("<p class=\"note\">Every figure is measured by the framework in the same way "
        + "for each model: the saved file's size, the median of repeated predictions after "
        + "warm-up, timed in interleaved rounds, and the day-ahead error on the same test "
        + "origins. On a shared machine latencies move by tens of percent between runs: "
        + "read differences under about 1.5 times as noise.</p>\n");
  }

  private void controlSection() {
    html.append("<h2>Decision twin: closed loop</h2>\n");
    List<ControlStage.Loop> loops = new ArrayList<>(r.loops().values());
    List<String> kpis = new ArrayList<>(loops.get(0).kpis().keySet());
    html.append("<table><tr><th>controller</th>");
    kpis.forEach(k -> html.append("<th>").append(esc(k)).append("</th>"));
    html.append("</tr>\n");
    for (ControlStage.Loop loop : loops) {
      List<String> cells = new ArrayList<>();
      cells.add(esc(loop.controller()) + (loop.controller().equals(r.controllerId())
          ? " (scenario)" : " (baseline)"));
      kpis.forEach(k -> cells.add(fmt("%.4g", loop.kpis().getOrDefault(k, Double.NaN))));
      row(cells.toArray(String[]::new));
    }
    html.append("</table>\n");

    // The first state and the first input: for the LFC plant, area 1's frequency deviation
    // and its secondary-control set-point.
    ClosedLoopTrajectory first = loops.get(0).result().trajectory();
    String state = first.stateNames().get(0);
    image(Charts.lines(state + " under each controller", "time [h]", state,
        trajectories(loops, loop -> loop.result().trajectory().state(state)), false));
    String input = first.inputNames().get(0);
    image(Charts.lines(input + " (control effort) under each controller", "time [h]", input,
        trajectories(loops, loop -> column(loop.result().trajectory().inputs(), 0)), false));
    html.append("<p class=\"note\">The load disturbance is the demand the twin did not "
        + "forecast (actual minus forecast), so a better forecast gives a calmer loop. KPIs "
        + "are computed from full-rate statistics; charts show every ")
        .append("k-th sample.</p>\n");
  }

  private void dataSection() {
    var series = r.data().series();
    html.append("<h2>Data</h2>\n<table>");
    row("source", esc(r.data().source()));
    row("rows", series.size() + " from " + series.timestamp(0) + " to "
        + series.timestamp(series.size() - 1) + " every " + series.interval());
    row("repairs", esc(r.data().ingest().repairs().toString()));
    row("training points", String.valueOf(r.split().testStart()));
    row("test points", (r.split().testEnd() - r.split().testStart()) + " from index "
        + r.split().testStart());
    html.append("</table>\n<p class=\"note\">").append(esc(r.dataAttribution()))
        .append("</p>\n");
  }

  private List<Charts.Line> trajectories(List<ControlStage.Loop> loops,
      java.util.function.Function<ControlStage.Loop, double[]> values) {
    List<Charts.Line> lines = new ArrayList<>();
    // The baseline first, so the scenario's controller is drawn on top of it.
    List<ControlStage.Loop> order = new ArrayList<>(loops);
    java.util.Collections.reverse(order);
    for (ControlStage.Loop loop : order) {
      double[] time = loop.result().trajectory().time().clone();
      for (int i = 0; i < time.length; i++) {
        time[i] /= 3600;
      }
      lines.add(new Charts.Line(loop.controller(), time, values.apply(loop)));
    }
    return lines;
  }

  private static double[] column(double[][] rows, int index) {
    double[] column = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      column[i] = rows[i][index];
    }
    return column;
  }

  private static double[] flatten(double[][] rows) {
    return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  private double[] flattenTimes(DayAheadEvaluation evaluation) {
    LocalDateTime[] timestamps = r.data().series().timestamps();
    double[] times = new double[evaluation.origins().length * evaluation.horizon()];
    int i = 0;
    for (int origin : evaluation.origins()) {
      for (int h = 0; h < evaluation.horizon(); h++) {
        times[i++] = Charts.epochMillis(timestamps[origin + h]);
      }
    }
    return times;
  }

  private void image(String dataUri) {
    html.append("<img alt=\"chart\" src=\"").append(dataUri).append("\">\n");
  }

  private void row(String... cells) {
    html.append("<tr>");
    for (String cell : cells) {
      html.append("<td>").append(cell).append("</td>");
    }
    html.append("</tr>\n");
  }

  private static String fmt(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  static String esc(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;")
        .replace(">", "&gt;").replace("\"", "&quot;");
  }
}
