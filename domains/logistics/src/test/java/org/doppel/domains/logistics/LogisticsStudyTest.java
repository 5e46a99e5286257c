package org.doppel.domains.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.data.IngestException;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.testkit.RecordingReport;
import org.doppel.sdk.testkit.RecordingStudyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole study on a forecaster that adds nothing to the seasonal naive baseline. */
class LogisticsStudyTest {

  private final LogisticsStudy study = new LogisticsStudy();

  @Test
  void aQuickRunReportsForecastsPoliciesAndTheirFigures() throws IOException {
    RecordingStudyContext context = LogisticsContexts.shipped(true).build();

    study.run(context);

    RecordingReport report = context.report();
    assertEquals(List.of("Data", "Model twin: demand 1 to 12 months ahead",
        "Decision twin: ordering policies on the serial supply chain"), report.headings());
    assertEquals(309.0, report.metrics().get("data/months"));
    // Quick: two years of origins, 24 forecasts at the first horizon, 3 methods x 12 rows.
    assertEquals(36, report.tables().get("forecast_accuracy").size());
    assertEquals(2, report.tables().get("twin_fits").size());
    assertEquals(4 * 4, report.tables().get("chain_kpis").size());
    assertTrue(report.charts().keySet().containsAll(List.of("error_by_horizon",
        "forecast_vs_actual", "attention", "cost_by_policy", "bullwhip_by_policy",
        "inventory/mpc", "orders/pass-along")), report.charts().keySet().toString());
    Chart.Bars bullwhip = (Chart.Bars) report.charts().get("bullwhip_by_policy");
    assertEquals(List.of("pass-along", "order-up-to", "order-up-to-naive", "mpc"),
        bullwhip.seriesNames());
    assertEquals(23 * 4 * 4, report.csvs().get("chain_trajectories.csv").size());

    // Pass-along copies end demand up the chain.
    assertEquals(1.0, report.metrics().get("chain/pass-along/factory/bullwhip_ratio"), 1e-12);
    // This forecaster is the seasonal naive, so both order-up-to variants order alike.
    assertEquals(report.metrics().get("chain/order-up-to-naive/total_cost_musd"),
        report.metrics().get("chain/order-up-to/total_cost_musd"), 1e-6);
  }

  @Test
  void theMpcPolicyTakesAnotherControllerPluginAndStaysWithinTheOrderBounds()
      throws IOException {
    RecordingStudyContext context = LogisticsContexts.shipped(true)
        .set("control", "policies", List.of("mpc"))
        .set("control", "controller", Map.of("id", "lqr", "mode", "discrete"))
        .set("control", "capacity_factor", 1.05).build();

    study.run(context);

    // Quick: the first origin is 2015-10; the largest demand up to it is 13,310 (2014-12).
    double capacity = Math.floor(1.05 * 13_310);
    boolean atCapacity = false;
    for (List<Object> row : context.report().csvs().get("chain_trajectories.csv")) {
      double order = ((Number) row.get(4)).doubleValue();
      assertTrue(order >= 0 && order <= capacity, row.toString());
      atCapacity |= order == capacity;
    }
    assertTrue(atCapacity, "the capacity was never reached; the test is void");
  }

  @Test
  void aMissingMonthInterpolatedOnRequestIsCountedInTheMetrics(@TempDir Path folder)
      throws IOException {
    Path file = folder.resolve("demand.csv");
    StringBuilder csv = new StringBuilder("month,sales_musd\n");
    for (int m = 0; m < 120; m++) {
      if (m != 70) {
        csv.append(String.format("%d-%02d,%d%n", 2000 + m / 12, m % 12 + 1,
            1000 + 100 * (m % 12) + 5 * m));
      }
    }
    Files.writeString(file, csv);
    RecordingStudyContext context = LogisticsContexts.shipped(true)
        .set("data", "file", file.toString()).set("data", "gaps", "interpolate").build();

    study.run(context);

    assertEquals(120.0, context.report().metrics().get("data/months"));
    assertEquals(1.0, context.report().metrics().get("data/repairs/gaps_interpolated"));
  }

  @Test
  void theShippedScenarioPassesValidation() {
    study.validate(LogisticsContexts.shipped(false).build());
    assertEquals(StudySettings.SECTIONS, study.sections());
  }

  @Test
  void aMisspeltControlKeyIsRefusedNamingIt() {
    RecordingStudyContext context = LogisticsContexts.shipped(true)
        .set("control", "safety_factr", 2).build();

    PluginException error = assertThrows(PluginException.class, () -> study.validate(context));
    assertTrue(error.getMessage().contains("safety_factr"), error.getMessage());
  }

  @Test
  void anUnknownPolicyOrControllerIsRefused() {
    RecordingStudyContext policy = LogisticsContexts.shipped(true)
        .set("control", "policies", List.of("pass-along", "kanban")).build();
    assertTrue(assertThrows(PluginException.class, () -> study.validate(policy))
        .getMessage().contains("kanban"));

    RecordingStudyContext controller = LogisticsContexts.shipped(true)
        .set("control", "controller", Map.of("id", "fuzzy")).build();
    assertTrue(assertThrows(PluginException.class, () -> study.validate(controller))
        .getMessage().contains("fuzzy"));
  }

  @Test
  void aHorizonShorterThanTheChainsLeadTimesIsRefused() {
    RecordingStudyContext context = LogisticsContexts.shipped(true)
        .set("chain", "lead_times", List.of(1, 1, 1, 3)).set("surrogate", "horizon", 5)
        .build();

    PluginException error = assertThrows(PluginException.class, () -> study.validate(context));
    assertTrue(error.getMessage().contains("lead times of the whole chain, 6 months"),
        error.getMessage());
  }

  @Test
  void aDemandFileWithNegativeDemandFailsNamingFileLineAndColumn(@TempDir Path folder)
      throws IOException {
    Path file = folder.resolve("demand.csv");
    StringBuilder csv = new StringBuilder("month,sales_musd\n");
    for (int m = 0; m < 120; m++) {
      csv.append(String.format("%d-%02d,%d%n", 2000 + m / 12, m % 12 + 1, m == 50 ? -7 : 100));
    }
    Files.writeString(file, csv);
    RecordingStudyContext context = LogisticsContexts.shipped(true)
        .set("data", "file", file.toString()).build();

    IngestException error = assertThrows(IngestException.class, () -> study.run(context));
    assertTrue(error.getMessage().contains(file + ":52 [sales_musd]: demand -7.0 is negative"),
        error.getMessage());
  }
}
