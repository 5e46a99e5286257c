package org.doppel.domains.traffic.motorway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.testkit.RecordingStudyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of docs/notes/traffic-motorway.md: a full (not quick) run of the part with the
 * default scenario settings, the framework's forecasting on plain ND4J. Off by default; run
 * with {@code -Ddoppel.figures=motorway}.
 */
@EnabledIfSystemProperty(named = "doppel.figures", matches = "motorway")
class MotorwayFiguresTest {

  private static final Logger LOG = LoggerFactory.getLogger(MotorwayFiguresTest.class);

  @Test
  void fullRunFigures() throws IOException {
    RecordingStudyContext context = RecordingStudyContext.builder()
        .plugin(Controller.class, "mpc", new MpcController())
        .forecasting(StandaloneForecasting.create(List.of(new MultiHeadAttention())))
        .build();
    long start = System.nanoTime();

    new MotorwayPart().run(context, Parameters.of("motorway", Map.of()));

    LOG.info("Motorway full run took [{}] s", (System.nanoTime() - start) / 1e9);
    context.report().metrics().forEach((name, value) -> LOG.info("FIGURE {} = {}", name, value));
    context.report().tables().get("motorway/kpis").forEach(row -> LOG.info("KPI {}", row));
    assertTrue(context.report().metrics().values().stream().filter(Double::isFinite).count() > 30);
  }
}
