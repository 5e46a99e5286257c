package org.doppel.domains.medical;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.plugins.controllers.PidController;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.testkit.RecordingStudyContext;

/** The medical study's test contexts: its scenario, the real mpc and pid controllers. */
final class MedicalContexts {

  private MedicalContexts() {
  }

  /** The shipped scenario as a map that a test may change. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> shippedScenario() throws IOException {
    try (InputStream in = new MedicalDomain().defaultScenario().openStream()) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, LinkedHashMap.class);
    }
  }

  /**
   * A context for {@code scenario} with the mpc and pid controllers and the multi-head and
   * none attention variants installed.
   */
  static RecordingStudyContext context(Map<String, Object> scenario, boolean quick,
      SequenceForecasting forecasting) {
    return RecordingStudyContext.builder()
        .scenario(scenario)
        .quick(quick)
        .forecasting(forecasting)
        .plugin(Controller.class, "mpc", new MpcController())
        .plugin(Controller.class, "pid", new PidController())
        .installed(AttentionVariant.class, "multi-head", "none")
        .build();
  }
}
