package org.doppel.domains.medical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.testkit.BaselineForecasting;
import org.doppel.sdk.testkit.RecordingReport;
import org.doppel.sdk.testkit.RecordingStudyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of docs/notes/medical.md: the full (not quick) PK part on the shipped
 * scenario, its metrics and tables printed. Off by default (it takes minutes); run with
 * {@code -Ddoppel.medical.figures=true} (and {@code -Ddoppel.medical.twin=map} for MPC on
 * the MAP twin, {@code -Ddoppel.medical.forecasting=real} for the real attention surrogate
 * instead of the stand-in that forecasts its baseline).
 */
@EnabledIfSystemProperty(named = "doppel.medical.figures", matches = "true")
class PkFiguresTest {

  @Test
  void theFullPkPartReportsEveryMetric() throws Exception {
    SequenceForecasting forecasting = "real".equals(System.getProperty(
        "doppel.medical.forecasting")) ? org.doppel.runtime.forecast.StandaloneForecasting
        .create(new org.doppel.plugins.attention.internal.AttentionModule())
        : new BaselineForecasting();
    Map<String, Object> scenario = MedicalContexts.shippedScenario();
    String twin = System.getProperty("doppel.medical.twin");
    if (twin != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> pk = new java.util.LinkedHashMap<>((Map<String, Object>) scenario
          .get("pk"));
      @SuppressWarnings("unchecked")
      Map<String, Object> dosing = new java.util.LinkedHashMap<>((Map<String, Object>) pk
          .get("dosing"));
      dosing.put("twin", twin);
      pk.put("dosing", dosing);
      scenario.put("pk", pk);
    }
    RecordingStudyContext context = MedicalContexts.context(scenario, false, forecasting);

    long started = System.nanoTime();
    new MedicalStudy().run(context);
    double seconds = (System.nanoTime() - started) / 1e9;

    RecordingReport report = context.report();
    StringBuilder out = new StringBuilder("PK figures (" + seconds + " s, forecasting "
        + forecasting.getClass().getSimpleName() + ")\n");
    out.append("attention ").append(java.util.Arrays.deepToString(((org.doppel.sdk.study.Chart
        .Heatmap) report.charts().get("pk/attention")).values())).append('\n');
    report.metrics().forEach((name, value) -> out.append(name).append(" = ").append(value)
        .append('\n'));
    for (Map.Entry<String, List<List<Object>>> table : report.tables().entrySet()) {
      if (table.getKey().equals("pk/indomethacin_residuals")) {
        continue;
      }
      out.append("\n").append(table.getKey()).append(": ")
          .append(report.columns(table.getKey())).append('\n');
      table.getValue().forEach(row -> out.append(row).append('\n'));
    }
    System.out.println(out);
    assertEquals(12, report.tables().get("pk/loso").size());
  }
}
