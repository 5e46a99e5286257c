package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.forecast.WindowSet;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.testkit.BaselineForecasting;
import org.doppel.sdk.testkit.RecordingReport;
import org.doppel.sdk.testkit.RecordingStudyContext;
import org.junit.jupiter.api.Test;

class GlucosePartTest {

  private final GlucosePart part = new GlucosePart();

  @Test
  void aQuickRunReportsEveryPolicysKpisAndTheForecastOnHeldOutDays() throws IOException {
    BaselineForecasting forecasting = new BaselineForecasting();
    RecordingStudyContext context = context(true).forecasting(forecasting).build();
    Parameters section = section(Map.of("patients", List.of("adult#001", "child#002",
        "adolescent#003", "adult#009"), "quick_patients", 2));

    part.validate(context, section);
    part.run(context, section);

    RecordingReport report = context.report();
    for (String policy : List.of("basal-bolus", "pid", "mpc")) {
      for (String kpi : GlycemicKpis.NAMES) {
        Double value = report.metrics().get("glucose/" + policy + "/" + kpi);
        assertTrue(value != null && Double.isFinite(value), policy + " " + kpi + ": " + value);
      }
    }
    assertEquals(3, report.tables().get("glucose/kpis").size());
    assertEquals(6, report.csvs().get("glucose/kpis_per_patient.csv").size(),
        "two patients (quick) x three policies");
    Chart.Lines glucose = (Chart.Lines) report.charts().get("glucose/glucose_adult_001");
    assertEquals(3, glucose.series().size());
    assertEquals(288, glucose.x().length, "one quick day in 5-min samples");

    // The surrogate trains on one day per patient and is scored on the next (quick).
    WindowSet training = forecasting.trained().get(0);
    assertEquals(List.of("cgm_plus_30_min", "cgm_plus_60_min"), training.targetNames());
    assertEquals(12, training.tokens());
    assertEquals(2 * (288 - 11 - 12), training.size());
    assertEquals(3, forecasting.settings().get(0).epochs(), "quick runs train three epochs");
    double persistence = report.metrics().get("glucose/forecast/persistence/rmse_30_min_mg_dl");
    assertEquals(persistence, report.metrics().get(
        "glucose/forecast/surrogate/rmse_30_min_mg_dl"), 1e-12,
        "the fake forecaster returns its baseline");
    assertTrue(persistence > 1 && persistence < 60, "30-min persistence RMSE " + persistence);
    assertTrue(report.charts().get("glucose/attention") instanceof Chart.Heatmap);
    assertTrue(report.charts().containsKey("glucose/forecast_adult_001"));
  }

  @Test
  void aFailedIntegrationFailsTheRunAndKeepsTheMinutesBeforeIt() {
    RecordingStudyContext context = context(true).forecasting(new BaselineForecasting())
        .build();
    // Whole-minute steps hold while fasting; the first meal (about 07:00) needs shorter ones.
    Parameters section = section(Map.of("patients", List.of("adult#001"),
        "policies", List.of("basal-bolus"), "integrator", Map.of("min_step_min", 0.5)));

    part.validate(context, section);
    SimulationException error = assertThrows(SimulationException.class,
        () -> part.run(context, section));

    List<List<Object>> kept = context.report().csvs().get("glucose/failed_trace.csv");
    assertEquals(error.partialTrace().minutes(), kept.size());
    assertTrue(kept.size() > 6 * 60 && kept.size() < 8 * 60, "kept " + kept.size());
  }

  @Test
  void validationNamesTheKeyAndTheReason() {
    RecordingStudyContext context = context(false).build();

    assertTrue(error(context, Map.of("patients", List.of("adult#011"))).startsWith(
        "glucose: 'patients' names unknown 'adult#011'; known: [adolescent#001, "));
    assertEquals("glucose: unknown policy 'lqr' in 'policies'; known: [basal-bolus, pid,"
        + " mpc]", error(context, Map.of("policies", List.of("pid", "lqr"))));
    assertEquals("glucose: 'meals' entry 2: meal hour must be in [0, 24), got 25.0",
        error(context, Map.of("meals", List.of(List.of(7, 40), List.of(25, 60)))));
    assertEquals("glucose.attention: no attention variant 'top-k' is installed; installed:"
        + " [multi-head, none]", error(context, Map.of("attention", "top-k")));
    assertEquals("glucose.integrator: integrator 'min_step_min' must be positive, got -1.0",
        error(context, Map.of("integrator", Map.of("min_step_min", -1))));
    assertTrue(error(context, Map.of("dayz", 3)).startsWith("glucose: unknown parameter(s)"
        + " [dayz]"));
    assertTrue(error(context, Map.of("surrogate", Map.of("epochz", 3))).startsWith(
        "glucose.surrogate: unknown parameter(s) [epochz]"));
    assertEquals("glucose.forecast: 'horizons_min' must be multiples of the control period"
        + " (5 min) up to 240, got 32.0", error(context, Map.of("forecast",
        Map.of("horizons_min", List.of(30, 32)))));
  }

  @Test
  void theStudysSharedAttentionSectionIsUsedWhenTheGlucoseSectionHasNone() {
    RecordingStudyContext context = context(false).section("attention", "top-k").build();

    assertEquals("attention: no attention variant 'top-k' is installed; installed:"
        + " [multi-head, none]", error(context, Map.of()));
    part.validate(context, section(Map.of("attention", Map.of("id", "none"))));
  }

  @Test
  void mpcWithoutTheMpcPluginIsRefusedBeforeRunning() {
    RecordingStudyContext context = RecordingStudyContext.builder()
        .forecasting(new BaselineForecasting())
        .installed(AttentionVariant.class, "multi-head", "none").build();
    assertEquals("unknown controller plugin 'mpc'; installed controller plugins: none",
        error(context, Map.of()));
    part.validate(context, section(Map.of("policies", List.of("basal-bolus", "pid"))));
  }

  private String error(RecordingStudyContext context, Map<String, Object> values) {
    return assertThrows(PluginException.class, () -> part.validate(context, section(values)))
        .getMessage();
  }

  /**
   * A context with a proportional stand-in for the mpc controller, the multi-head and none
   * attention variants installed, and a stand-in forecasting service.
   */
  private static RecordingStudyContext.Builder context(boolean quick) {
    return RecordingStudyContext.builder()
        .quick(quick)
        .forecasting(new BaselineForecasting())
        .plugin(Controller.class, "mpc", TestControllers.proportional(0.5))
        .installed(AttentionVariant.class, "multi-head", "none");
  }

  private static Parameters section(Map<String, Object> values) {
    return Parameters.of("glucose", new LinkedHashMap<>(values));
  }
}
