package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final Progress lines = Progress.on(new PrintStream(written, true,
      StandardCharsets.UTF_8), false);

  @Test
  void withoutAConsoleEveryEpochIsOneWholeLineWithItsMessage() {
    try (Progress.Bar bar = lines.start("training multi-head", 6, "epochs")) {
      for (int epoch = 1; epoch <= 3; epoch++) {
        bar.stepTo(epoch, "loss 0.0" + epoch);
      }
      bar.finishEarly("early stop");
    }

    List<String> printed = printed();
    assertEquals(4, printed.size(), printed.toString());
    assertTrue(printed.get(0).startsWith("training multi-head: 1/6 epochs (0:00:")
        && printed.get(0).endsWith(" loss 0.01"), printed.get(0));
    assertTrue(printed.get(3).startsWith("training multi-head: stopped at 3/6 epochs")
        && printed.get(3).endsWith("early stop"), printed.get(3));
    assertFalse(written.toString(StandardCharsets.UTF_8).contains("\r"));
  }

  @Test
  void withoutAConsoleAHundredPercentStepsGiveTenLines() {
    try (Progress.Bar bar = lines.start("closed loop lqr", 100, "%")) {
      for (int percent = 0; percent <= 100; percent++) {
        bar.stepTo(percent, "");
      }
    }

    List<String> printed = printed();
    assertEquals(10, printed.size(), printed.toString());
    assertTrue(printed.get(9).startsWith("closed loop lqr: 100/100 % ("), printed.get(9));
  }

  @Test
  void offWritesNothing() {
    try (Progress.Bar bar = Progress.off().start("training", 3, "epochs")) {
      bar.step("x");
    }

    assertEquals(0, written.size());
  }

  private List<String> printed() {
    return written.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
