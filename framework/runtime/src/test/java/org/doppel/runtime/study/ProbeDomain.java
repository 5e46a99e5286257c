package org.doppel.runtime.study;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.data.DataIssue;
import org.doppel.sdk.data.IngestException;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.DomainStudy;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;

/**
 * A domain whose study reports one of each kind of thing, steered by its scenario's
 * {@code probe} section: {@code cases} (how many table rows), {@code fail_after} (throw after
 * reporting the first part), {@code escape} (a file name to write, to test name checks).
 */
public final class ProbeDomain implements DomainModule {

  static final String ATTRIBUTION = "Probe data, made up for tests (CC0)";

  private final DomainStudy study;

  /** The probe domain with its {@link ProbeStudy}. */
  public ProbeDomain() {
    this(new ProbeStudy());
  }

  /** The probe domain with another study. */
  ProbeDomain(DomainStudy study) {
    this.study = study;
  }

  @Override
  public String id() {
    return "probe";
  }

  @Override
  public String description() {
    return "a domain with a study that reports one of everything";
  }

  @Override
  public URL defaultScenario() {
    throw new UnsupportedOperationException("tests parse their own scenario");
  }

  @Override
  public Map<String, URL> datasets() {
    return Map.of();
  }

  @Override
  public String dataAttribution() {
    return ATTRIBUTION;
  }

  @Override
  public Optional<DomainStudy> study() {
    return Optional.of(study);
  }

  public static final class ProbeStudy implements DomainStudy {

    @Override
    public Set<String> sections() {
      return Set.of("probe", "attention");
    }

    @Override
    public void validate(StudyContext context) {
      int cases = context.section("probe").getInt("cases", 2);
      if (cases < 1 || cases > 100) {
        throw new PluginException("probe.cases: must be in [1, 100], got " + cases);
      }
      if (context.section("probe").getBoolean("broken_check", false)) {
        Object missing = null;
        missing.hashCode();
      }
      String data = context.section("probe").getString("data", null);
      if (data != null) {
        throw new IngestException(List.of(new DataIssue(data, 3, "flow_veh_h",
            "not a number: 'n/a'")));
      }
    }

    @Override
    public void run(StudyContext context) throws IOException {
      Parameters probe = context.section("probe");
      int cases = probe.getInt("cases", 2);
      StudyReport report = context.report();

      report.heading("Queues <on the motorway>");
      report.paragraph("Simulated data & <b>not</b> measured.");
      report.metric("motorway/alinea/total_time_spent_veh_h", 12.5);
      report.metric("motorway/no_control/total_time_spent_veh_h", 15.25);
      report.metric("quick", context.quick() ? 1 : 0);
      report.metric("seed", context.seed());
      report.metric("settings/cases", cases);
      report.metric("settings/not_finite", Double.NaN);
      try (StudyContext.Progress bar = context.progress("cases", cases, "case")) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int c = 0; c < cases; c++) {
          rows.add(java.util.Arrays.asList("case " + c, c * 1.5, c % 2 == 0 ? null : "odd"));
          bar.step("case " + c);
        }
        report.table("cases", "Every case", List.of("case", "delay_min", "note"), rows);
      }
      if (probe.getBoolean("fail_after", false)) {
        throw new IllegalStateException("the plant diverged on purpose in case 1");
      }
      String escape = probe.getString("escape", null);
      if (escape != null) {
        report.file(escape, "out".getBytes(StandardCharsets.UTF_8));
      }

      double[] x = {0, 1, 2, 3};
      report.chart("motorway/queue", new Chart.Lines("Queue length", "time [h]", "queue [veh]",
          x, List.of(Chart.Series.line("alinea", new double[] {1, 2, Double.NaN, 1}),
              Chart.Series.points("observed", new double[] {1.5, 2.5, 2, 0.5})),
          List.of(new Chart.Band("capacity", 0, 2))));
      report.chart("tts", new Chart.Bars("Total time spent", "veh h",
          List.of("motorway", "ring"), List.of("alinea", "no control"),
          new double[][] {{12.5, 20}, {15.25, Double.NaN}}));
      report.chart("attention/weights", new Chart.Heatmap("Attention", "token", "query",
          List.of("t-2", "t-1", "t"), List.of("q1", "q2"),
          new double[][] {{0.2, 0.3, 0.5}, {Double.NaN, 0.4, 0.6}}));
      report.csv("forecasts.csv", List.of("step", "value"),
          List.of(List.of(1, 2.5), List.of(2, 3.5)));
      report.file("notes/model.json", "{\"width\": 8}".getBytes(StandardCharsets.UTF_8));
      report.paragraph("The end.");
    }
  }
}
