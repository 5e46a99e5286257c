package org.doppel.domains.traffic.motorway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.doppel.sdk.PluginException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MotorwayLoopsTest {

  private static final String DATA = "/org/doppel/domains/traffic/data/motorway/";
  private static List<String> loopLines;

  @BeforeAll
  static void readShippedLines() throws IOException {
    try (InputStream in = MotorwayLoops.class.getResourceAsStream(DATA + "loops_1min.csv")) {
      loopLines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
  }

  @Test
  void shippedDataAggregatesEighteenStationsOverFourHours() throws IOException {
    MotorwayLoops loops = MotorwayLoops.shipped();

    assertEquals(18, loops.stations().size());
    assertEquals(240, loops.minutes());
    assertEquals(21600, loops.startSecond());
    assertEquals(4, loops.stations().get(10).lanes());
    assertEquals(2, loops.stations().get(17).lanes());
    assertEquals(5000, loops.onRampX(), 1e-9);
    assertEquals(3000, loops.offRampX(), 1e-9);
    // S01's three lanes carried 7 + 12 + 12 vehicles in the first minute.
    assertEquals(31 * 60, loops.flow()[0][0], 1e-9);
    assertTrue(loops.repairs().isEmpty());
    assertEquals("07:34", loops.clock(94));
  }

  @Test
  void detectorOutsideTheNetworkIsLocated() {
    PluginException e = assertThrows(PluginException.class,
        () -> readWith(2, f -> set(f, 3, "S99_x9999_0")));

    assertTrue(e.getMessage().startsWith("loops_1min.csv, line 2, column detector_id:"),
        e.getMessage());
    assertTrue(e.getMessage().contains("'S99_x9999_0' is not in the network"), e.getMessage());
  }

  @Test
  void negativeCountIsLocated() {
    PluginException e = assertThrows(PluginException.class,
        () -> readWith(5, f -> set(f, 6, "-3")));

    assertTrue(e.getMessage().startsWith("loops_1min.csv, line 5, column veh_count:"),
        e.getMessage());
  }

  @Test
  void speedWithZeroCountIsDroppedAndCounted() throws IOException {
    MotorwayLoops loops = readWith(2, f -> set(set(f, 6, "0"), 7, "0.00"));

    assertEquals(1, loops.repairs().size());
    assertTrue(loops.repairs().get(0).startsWith("loops_1min.csv, line 2, column"
        + " speed_m_per_s"), loops.repairs().get(0));
    assertEquals(24 * 60, loops.flow()[0][0], 1e-9);
    // The station's speed is the other two lanes' count-weighted mean.
    assertEquals((12 * 27.55 + 12 * 32.27) / 24, loops.speed()[0][0], 1e-9);
  }

  @Test
  void missingMinuteIsNamed() {
    PluginException e = assertThrows(PluginException.class, () -> readWith(2, f -> null));

    assertTrue(e.getMessage().contains("'S01_x0250_0' has no row for the minute starting at"
        + " 21600 s"), e.getMessage());
  }

  @Test
  void occupancyAboveHundredIsLocated() {
    PluginException e = assertThrows(PluginException.class,
        () -> readWith(3, f -> set(f, 8, "140")));

    assertTrue(e.getMessage().startsWith("loops_1min.csv, line 3, column occupancy_pct:"),
        e.getMessage());
  }

  /** The shipped set with line {@code line} (1-based, header = 1) of the loops rewritten. */
  private static MotorwayLoops readWith(int line, UnaryOperator<String[]> edit)
      throws IOException {
    List<String> lines = new ArrayList<>(loopLines);
    String[] edited = edit.apply(lines.get(line - 1).split(",", -1));
    if (edited == null) {
      lines.remove(line - 1);
    } else {
      lines.set(line - 1, String.join(",", edited));
    }
    byte[] loops = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    return MotorwayLoops.read(name -> name.equals("loops_1min.csv")
        ? new ByteArrayInputStream(loops)
        : MotorwayLoops.class.getResourceAsStream(DATA + name));
  }

  private static String[] set(String[] fields, int column, String value) {
    String[] copy = Arrays.copyOf(fields, fields.length);
    copy[column] = value;
    return copy;
  }
}
