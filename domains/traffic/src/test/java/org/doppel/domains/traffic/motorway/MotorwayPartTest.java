package org.doppel.domains.traffic.motorway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.testkit.BaselineForecasting;
import org.doppel.sdk.testkit.RecordingReport;
import org.doppel.sdk.testkit.RecordingStudyContext;
import org.junit.jupiter.api.Test;

class MotorwayPartTest {

  private final MotorwayPart part = new MotorwayPart();

  @Test
  void quickRunReportsCalibrationPoliciesAndForecastUnderMotorway() throws IOException {
    RecordingStudyContext context = quickContext();

    part.run(context, Parameters.of("motorway", Map.of("substep_s", 10)));

    RecordingReport report = context.report();
    for (String policy : List.of("no-metering", "alinea", "mpc")) {
      assertTrue(report.metrics().get("motorway/" + policy + "/total_time_spent_veh_h") > 0);
      assertTrue(report.metrics().containsKey("motorway/" + policy + "/ramp_queue_max_veh"));
    }
    assertEquals(3, report.tables().get("motorway/kpis").size());
    assertTrue(report.charts().keySet().containsAll(List.of("motorway/speed_data",
        "motorway/speed_model", "motorway/ramp_queue", "motorway/metering_rate",
        "motorway/forecast/h15/station", "motorway/forecast/h15/attention")));
    // Quick runs forecast the first horizon only; the stand-in twin is persistence itself.
    assertTrue(!report.metrics().containsKey("motorway/forecast/h30/twin_mae_veh_h"));
    assertEquals(report.metrics().get("motorway/forecast/h15/persistence_mae_veh_h"),
        report.metrics().get("motorway/forecast/h15/twin_mae_veh_h"), 1e-9);
    assertEquals(19, report.tables().get("motorway/forecast/h15/mae").size());
    assertEquals(3 * 240, report.csvs().get("motorway_policies.csv").size());
    assertTrue(report.text().stream().anyMatch(t -> t.contains("not field data")));
  }

  @Test
  void sectionForTrafficYamlParsesAndValidates() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, Object> scenario;
    try (InputStream in = getClass().getResourceAsStream("motorway-section.yaml")) {
      scenario = yaml.readValue(in, new TypeReference<Map<String, Object>>() { });
    }
    @SuppressWarnings("unchecked")
    Parameters section = Parameters.of("motorway",
        (Map<String, Object>) scenario.get("motorway"));
    RecordingStudyContext context = quickContext();

    part.validate(context, section);

    MotorwaySettings settings = MotorwaySettings.of(section);
    assertEquals("07:30", settings.throughputFrom());
    assertEquals("09:00", settings.testFrom());
    assertEquals(List.of(15, 30), java.util.Arrays.stream(settings.horizons()).boxed()
        .toList());
    assertEquals(15, settings.controllerParameters().getInt("horizon", 0));
  }

  @Test
  void unknownKeyIsNamed() {
    RecordingStudyContext context = quickContext();

    PluginException e = assertThrows(PluginException.class, () -> part.validate(context,
        Parameters.of("motorway", Map.of("alinea", Map.of("gian", 70)))));

    assertTrue(e.getMessage().startsWith("motorway/alinea: unknown parameter(s) [gian]"),
        e.getMessage());
  }

  @Test
  void controllerThatIsNotInstalledIsNamed() {
    RecordingStudyContext context = quickContext();

    PluginException e = assertThrows(PluginException.class, () -> part.validate(context,
        Parameters.of("motorway", Map.of("mpc", Map.of("controller", "lqr")))));

    assertTrue(e.getMessage().contains("controller 'lqr' is not installed"), e.getMessage());
  }

  @Test
  void meteringBoundsOutOfOrderAreRefused() {
    RecordingStudyContext context = quickContext();

    PluginException e = assertThrows(PluginException.class, () -> part.validate(context,
        Parameters.of("motorway", Map.of("metering", Map.of("min_rate_veh_h", 2000)))));

    assertTrue(e.getMessage().contains("min_rate_veh_h"), e.getMessage());
  }

  /** A quick run with the mpc controller and a twin that forecasts persistence. */
  private static RecordingStudyContext quickContext() {
    return RecordingStudyContext.builder()
        .quick(true)
        .plugin(Controller.class, "mpc", new MpcController())
        .forecasting(new BaselineForecasting())
        .build();
  }
}
