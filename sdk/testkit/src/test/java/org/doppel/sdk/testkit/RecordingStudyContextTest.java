package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.study.Chart;
import org.junit.jupiter.api.Test;

class RecordingStudyContextTest {

  private static final Controller GAIN = ControllerContractTest.clippedGain(true);

  @Test
  void readsSectionsSeedAndOverridesFromAScenario() {
    RecordingStudyContext context = RecordingStudyContext.builder()
        .scenario(Map.of("seed", 7, "attention", "top-k", "surrogate", Map.of("epochs", 4)))
        .set("surrogate", "width", 8)
        .set("attention", "k", 3)
        .quick(true)
        .build();

    assertEquals(7, context.seed());
    assertTrue(context.quick());
    assertEquals("test-run", context.runId());
    assertEquals(4, context.section("surrogate").getInt("epochs", 0));
    assertEquals(8, context.section("surrogate").getInt("width", 0));
    assertEquals("top-k", context.section("attention").getString("id", ""));
    assertEquals(3, context.section("attention").getInt("k", 0));
    assertTrue(context.section("absent").asMap().isEmpty());
  }

  @Test
  void handsOutTheGivenPluginAndNamesTheInstalledOnesOtherwise() {
    RecordingStudyContext context = RecordingStudyContext.builder()
        .plugin(Controller.class, "gain", GAIN)
        .installed(Controller.class, "mpc")
        .installed(AttentionVariant.class, "none", "multi-head")
        .build();

    assertSame(GAIN, context.plugin(Controller.class, "gain"));
    assertEquals(List.of("gain", "mpc"), context.installed(Controller.class));
    assertEquals(List.of("multi-head", "none"), context.installed(AttentionVariant.class));
    PluginException unknown = assertThrows(PluginException.class,
        () -> context.plugin(Controller.class, "lqr"));
    assertEquals("unknown controller plugin 'lqr'; installed controller plugins: gain, mpc",
        unknown.getMessage());
    assertThrows(PluginException.class, () -> context.plugin(Controller.class, "mpc"));
    assertTrue(assertThrows(PluginException.class, () -> RecordingStudyContext.builder()
        .build().plugin(Controller.class, "mpc")).getMessage().endsWith("plugins: none"));
  }

  @Test
  void saysWhichServiceATestLeftOut() {
    RecordingStudyContext context = RecordingStudyContext.builder().build();

    assertTrue(assertThrows(IllegalStateException.class, context::forecasting).getMessage()
        .contains("forecasting"));
    assertTrue(assertThrows(IllegalStateException.class, context::ingest).getMessage()
        .contains("ingest"));
  }

  @Test
  void recordsEverythingReportedInOrder() {
    RecordingStudyContext context = RecordingStudyContext.builder().build();
    RecordingReport report = context.report();
    Chart chart = new Chart.Bars("b", "y", List.of("a"), List.of("s"), new double[][] {{1}});

    report.heading("Demand");
    report.paragraph("Simulated, not field data.");
    report.metric("demand/mae", 1.5);
    report.metric("demand/rmse", Double.NaN);
    report.table("demand/kpis", "KPIs", List.of("policy", "cost"),
        List.of(Arrays.asList("mpc", 2.0), Arrays.asList("lqr", null)));
    report.chart("demand/bars", chart);
    report.csv("forecasts.csv", List.of("t"), List.of(List.of(1)));
    report.file("model/settings.json", new byte[] {1, 2});
    context.progress("training", 3, "epochs").close();

    assertEquals(List.of("Demand"), report.headings());
    assertEquals(List.of("Simulated, not field data."), report.paragraphs());
    assertEquals(List.of("Demand", "Simulated, not field data."), report.text());
    assertEquals(List.of("demand/mae", "demand/rmse"), List.copyOf(report.metrics().keySet()));
    assertTrue(report.metrics().get("demand/rmse").isNaN());
    assertEquals(2, report.tables().get("demand/kpis").size());
    assertEquals(List.of("policy", "cost"), report.columns("demand/kpis"));
    assertEquals("KPIs", report.title("demand/kpis"));
    assertSame(chart, report.charts().get("demand/bars"));
    assertEquals(List.of(List.of(1)), report.csvs().get("forecasts.csv"));
    assertEquals(List.of("t"), report.csvColumns("forecasts.csv"));
    assertArrayEquals(new byte[] {1, 2}, report.files().get("model/settings.json"));
    assertEquals(List.of("training"), context.progressTasks());
    assertThrows(IllegalArgumentException.class, () -> report.columns("absent"));
  }

  @Test
  void refusesWhatTheFrameworkRefuses() {
    RecordingReport report = RecordingStudyContext.builder().build().report();
    report.metric("a/b", 1);
    report.table("t", "T", List.of("x"), List.of(List.of(1)));
    report.csv("out.csv", List.of("x"), List.of());

    for (String name : List.of("Upper", "a b", "../up", "/abs", "a__b", "a/", "")) {
      assertThrows(IllegalArgumentException.class, () -> report.metric(name, 1), name);
      assertThrows(IllegalArgumentException.class,
          () -> report.table(name, "T", List.of(), List.of()), name);
    }
    assertThrows(IllegalArgumentException.class, () -> report.metric("a/b", 2), "twice");
    assertThrows(IllegalArgumentException.class, () -> report.metric("a", 2), "a group");
    assertThrows(IllegalArgumentException.class, () -> report.metric("a/b/c", 2),
        "under a metric");
    assertThrows(IllegalArgumentException.class,
        () -> report.table("t", "T", List.of("x"), List.of()), "table twice");
    assertThrows(IllegalArgumentException.class,
        () -> report.table("u", "U", List.of("x", "y"), List.of(List.of(1))), "short row");
    assertThrows(IllegalArgumentException.class,
        () -> report.table("v", "V", List.of("x"), List.of(List.of(new Object()))),
        "an object cell");
    assertThrows(IllegalArgumentException.class,
        () -> report.csv("out.csv", List.of("x"), List.of()), "csv twice");
    for (String reserved : List.of("metrics.json", "report.html", "tables/t.csv",
        "charts/c.png")) {
      assertThrows(IllegalArgumentException.class, () -> report.file(reserved, new byte[0]),
          reserved);
    }
    Chart chart = new Chart.Bars("b", "y", List.of(), List.of(), new double[0][]);
    report.chart("c", chart);
    assertThrows(IllegalArgumentException.class, () -> report.chart("c", chart));
    assertFalse(report.metrics().containsKey("a"));
  }
}
