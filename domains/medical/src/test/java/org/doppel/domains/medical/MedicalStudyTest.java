package org.doppel.domains.medical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.domains.medical.pk.PkSubject;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.forecast.WindowSet;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.testkit.BaselineForecasting;
import org.doppel.sdk.testkit.RecordingReport;
import org.doppel.sdk.testkit.RecordingStudyContext;
import org.junit.jupiter.api.Test;

class MedicalStudyTest {

  private final MedicalStudy study = new MedicalStudy();

  @Test
  void theStudyDeclaresThePkAndSharedAttentionSections() {
    assertTrue(study.sections().containsAll(java.util.Set.of("attention", "pk")),
        study.sections().toString());
    assertTrue(new MedicalDomain().study().isPresent());
  }

  @Test
  void aQuickRunReportsFitsForecastsAndDosingUnderPk() throws Exception {
    BaselineForecasting forecasting = new BaselineForecasting();
    RecordingStudyContext context = MedicalContexts.context(
        MedicalContexts.shippedScenario(), true, forecasting);

    study.validate(context);
    study.run(context);

    RecordingReport report = context.report();
    assertEquals(12, report.tables().get("pk/theophylline_fits").size());
    assertEquals(6, report.tables().get("pk/indomethacin_fits").size());
    assertEquals(66, report.tables().get("pk/indomethacin_residuals").size());
    assertEquals(3, report.tables().get("pk/loso").size());
    assertEquals(9, report.tables().get("pk/dosing_kpis").size());
    assertTrue(report.charts().containsKey("pk/theophylline_fit_subject_12"));
    assertTrue(report.charts().containsKey("pk/forecast_subject_1"));
    assertTrue(report.charts().get("pk/attention") instanceof Chart.Heatmap);
    Chart.Lines dosing = (Chart.Lines) report.charts().get("pk/dosing_concentration");
    assertEquals(new Chart.Band("therapeutic window", 10, 20), dosing.bands().get(0));
    assertEquals(3, dosing.series().size());

    // Quick: 3 folds of 60 virtual + 11 real windows, 3 epochs, 11 tokens of 5 features;
    // then the glucose part's forecaster.
    assertEquals(4, forecasting.trained().size());
    WindowSet first = forecasting.trained().get(0);
    assertEquals(71, first.size());
    assertEquals(11, first.tokens());
    assertEquals(6, first.outputs());
    assertEquals(3, forecasting.settings().get(0).epochs());
    assertEquals("multi-head", forecasting.settings().get(0).attentionId());

    // The stand-in forecasts the population curve, so both errors are the same.
    assertEquals(report.metrics().get("pk/loso/population_rmse_mean_mg_per_l"),
        report.metrics().get("pk/loso/surrogate_rmse_mean_mg_per_l"), 1e-12);
    assertTrue(report.metrics().get("pk/loso/fit_rmse_mean_mg_per_l")
        < report.metrics().get("pk/loso/population_rmse_mean_mg_per_l"));
    assertTrue(report.metrics().get("pk/indomethacin/two_compartment_rmse_mean_mg_per_l")
        < report.metrics().get("pk/indomethacin/one_compartment_rmse_mean_mg_per_l"));
    for (String policy : List.of("fixed", "mpc", "pid")) {
      double inWindow = report.metrics().get("pk/dosing/" + policy + "/time_in_window_pct");
      assertTrue(inWindow >= 0 && inWindow <= 100, policy + ": " + inWindow);
    }
    for (List<Object> row : report.tables().get("pk/dosing_kpis")) {
      double total = (Double) row.get(5);
      assertTrue(total >= 0 && total <= 6 * 800, row.toString());
    }
  }

  @Test
  void aMisspeltKeyIsAnErrorNamingTheSection() throws Exception {
    Map<String, Object> scenario = MedicalContexts.shippedScenario();
    @SuppressWarnings("unchecked")
    Map<String, Object> pk = new LinkedHashMap<>((Map<String, Object>) scenario.get("pk"));
    @SuppressWarnings("unchecked")
    Map<String, Object> dosing = new LinkedHashMap<>((Map<String, Object>) pk.get("dosing"));
    dosing.put("max_dose", 500);
    pk.put("dosing", dosing);
    scenario.put("pk", pk);
    RecordingStudyContext context = MedicalContexts.context(scenario, true,
        new BaselineForecasting());

    PluginException error = assertThrows(PluginException.class, () -> study.validate(context));

    assertTrue(error.getMessage().startsWith("pk.dosing: unknown parameter(s) [max_dose]"),
        error.getMessage());
  }

  @Test
  void anImpossibleIntegratorSetUpIsRefusedBeforeTheRun() throws Exception {
    Map<String, Object> scenario = MedicalContexts.shippedScenario();
    @SuppressWarnings("unchecked")
    Map<String, Object> pk = new LinkedHashMap<>((Map<String, Object>) scenario.get("pk"));
    pk.put("integrator", Map.of("min_step_s", 10, "max_step_s", 10));
    scenario.put("pk", pk);
    RecordingStudyContext context = MedicalContexts.context(scenario, true,
        new BaselineForecasting());

    PluginException error = assertThrows(PluginException.class, () -> study.validate(context));

    assertTrue(error.getMessage().startsWith("pk.integrator: integrator: min_step_s 10.0 must"
        + " be below max_step_s 10.0"), error.getMessage());
  }

  @Test
  void anAttentionVariantThatIsNotInstalledIsRefusedBeforeTheRun() throws Exception {
    Map<String, Object> scenario = MedicalContexts.shippedScenario();
    scenario.put("attention", "no-such-variant");
    RecordingStudyContext context = MedicalContexts.context(scenario, true,
        new BaselineForecasting());

    PluginException error = assertThrows(PluginException.class, () -> study.validate(context));

    assertTrue(error.getMessage().startsWith("attention: no attention variant"
        + " 'no-such-variant' is installed; installed: [multi-head, none]"),
        error.getMessage());
  }

  @Test
  void aScenarioWithoutAnyPartIsRefused() {
    RecordingStudyContext context = MedicalContexts.context(Map.of("seed", 1), true,
        new BaselineForecasting());

    PluginException error = assertThrows(PluginException.class, () -> study.validate(context));

    assertTrue(error.getMessage().contains("pk"), error.getMessage());
  }

  @Test
  void theShippedStudiesAreTheSharedFilesUnchanged() throws Exception {
    // The sha256 sums of the shared files (the PK READMEs give theirs).
    Map<String, String> expected = Map.of(
        "theophylline", "905c708fbfd08e7cde201be7f525bd7ca66c9e8241b21493b45b70832a0fd7b7",
        "indomethacin", "3fb5b7a5876cefa5bd0b88868ce53b4bc44123aa8f9c7e49fea132a9ddae31ab",
        "simglucose-patients", "662f3b684d160fdf485edd1d7196dd1cd85c14b53650b030fdb86aaa05bb2e50",
        "simglucose-therapy", "30c73a4a0e406a8d8c08b33cf3e7573b9cee40f1d56b12bbe5c3aab3c73935b5",
        "simglucose-pumps", "9b92646519f5501869626164f98e59cdc9303318958df78d7a670de1d023df6f",
        "simglucose-sensors", "a8b514dde8ccaae1e5ec07c127fcadbfce05db03d1f95a1eecb0c97035e9872c");

    for (Map.Entry<String, java.net.URL> dataset : new MedicalDomain().datasets().entrySet()) {
      byte[] content;
      try (java.io.InputStream in = dataset.getValue().openStream()) {
        content = in.readAllBytes();
      }
      String sha = java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(content));
      assertEquals(expected.get(dataset.getKey()), sha, dataset.getKey());
    }
  }

  @Test
  void theDomainShipsBothStudiesAndTheGlucoseTablesWithAttribution() throws Exception {
    MedicalDomain domain = new MedicalDomain();

    assertEquals(java.util.Set.of("theophylline", "indomethacin", "simglucose-patients",
        "simglucose-therapy", "simglucose-pumps", "simglucose-sensors"),
        domain.datasets().keySet());
    assertTrue(domain.dataAttribution().contains("simglucose"), domain.dataAttribution());
    assertTrue(domain.dataAttribution().contains("Boeckmann"));
    assertTrue(domain.dataAttribution().contains("Kwan"));
    assertEquals(PkSubject.Route.ORAL, org.doppel.domains.medical.pk.PkStudies.theophylline()
        .get(0).route());
  }
}
