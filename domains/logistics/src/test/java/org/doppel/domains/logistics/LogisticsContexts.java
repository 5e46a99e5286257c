package org.doppel.domains.logistics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.testkit.BaselineForecasting;
import org.doppel.sdk.testkit.RecordingStudyContext;

/**
 * The logistics study's test contexts: the shipped scenario, the real ingest service and the
 * real lqr and mpc controllers, and a forecaster that adds nothing to the seasonal naive
 * baseline.
 */
final class LogisticsContexts {

  private LogisticsContexts() {
  }

  /** The shipped scenario as a map that a test may change. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> shippedScenario() {
    try (InputStream in = new LogisticsDomain().defaultScenario().openStream()) {
      return new LinkedHashMap<>(new ObjectMapper(new YAMLFactory()).readValue(in, Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A context on the shipped scenario; a test adds its overrides with {@code set}. */
  static RecordingStudyContext.Builder shipped(boolean quick) {
    return RecordingStudyContext.builder()
        .scenario(shippedScenario())
        .quick(quick)
        .ingest(new CsvTimeSeriesIngest())
        .forecasting(new BaselineForecasting())
        .plugin(Controller.class, "lqr", new LqrController())
        .plugin(Controller.class, "mpc", new MpcController());
  }
}
