package org.doppel.plugins.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.testkit.CompressionFixture;
import org.junit.jupiter.api.Test;

class DistillationTest {

  private final CompressionFixture fixture = CompressionFixture.shared();
  private final Distillation distillation = new Distillation();

  private CompressionOutcome distill(Map<String, ?> values) {
    return distillation.compress(fixture.trained, Parameters.of("compression/distill",
        values), fixture);
  }

  @Test
  void studentIsNarrowerAndLearnsTheTeachersForecasts() {
    CompressionOutcome outcome = distill(Map.of("width", 0.25, "epochs", 3));

    assertArrayEquals(new long[] {64, 16},
        outcome.model().graph().getArrForVarName("hidden/W").shape());
    assertTrue(outcome.model().parameterCount() < fixture.trained.parameterCount());
    double before = (double) outcome.details().get("student_rmse_vs_teacher_before_training");
    double after = (double) outcome.details().get("student_rmse_vs_teacher_after_training");
    assertTrue(after < before, before + " -> " + after);
    assertTrue(fixture.validationError(outcome.model())
        < fixture.validationError(fixture.trained) * 1.5 + 0.01);
  }

  @Test
  void refusesBadParameters() {
    List<Map<String, ?>> bads = List.of(Map.of("width", 0), Map.of("width", 1.5),
        Map.of("epochs", 0), Map.of("alpha", 2), Map.of("students", 2));
    for (Map<String, ?> bad : bads) {
      PluginException error = assertThrows(PluginException.class, () -> distill(bad),
          bad.toString());
      assertTrue(error.getMessage().startsWith("distill") || error.getMessage()
          .startsWith("compression/distill"), error.getMessage());
    }
  }
}
