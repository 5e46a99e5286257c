package org.doppel.domains.traffic.motorway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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

  @Test
  void shippedExtraMorningsShareTheCorridorAndTheMinutes() throws IOException {
    MotorwayLoops main = MotorwayLoops.shipped();
    List<MotorwayLoops> mornings = MotorwayLoops.shippedMornings();

    assertEquals(6, mornings.size());
    for (MotorwayLoops morning : mornings) {
      assertEquals(main.stations(), morning.stations());
      assertEquals(240, morning.minutes());
      assertEquals(21600, morning.startSecond());
      assertTrue(morning.repairs().isEmpty());
    }
    // Other seeds and demand: the first minute at S01 differs from the main morning's.
    assertTrue(Arrays.stream(mornings.get(0).flow()[0]).sum()
        != Arrays.stream(main.flow()[0]).sum());
  }

  @Test
  void aBadRowInAnExtraMorningNamesItsFileAndLine() throws IOException {
    String manifest = "file,seed,demand_factor,shift_quarter_hours,rows\n"
        + "bad.csv.gz,1,1.0,0,12720\n";
    List<String> lines = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(MotorwayLoops.class.getResourceAsStream(DATA
        + "mornings/seed1-x1.00.csv.gz"))) {
      lines.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
    }
    // interval_begin_s, interval_end_s, detector_id, veh_count, ...: a negative count
    String[] fields = lines.get(3).split(",", -1);
    fields[3] = "-2";
    lines.set(3, String.join(",", fields));
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
      out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    PluginException e = assertThrows(PluginException.class, () -> MotorwayLoops.readMornings(
        name -> switch (name) {
          case "mornings/mornings.csv" -> new ByteArrayInputStream(
              manifest.getBytes(StandardCharsets.UTF_8));
          case "mornings/bad.csv.gz" -> new ByteArrayInputStream(packed.toByteArray());
          default -> MotorwayLoops.class.getResourceAsStream(DATA + name);
        }));

    assertTrue(e.getMessage().startsWith("mornings/bad.csv.gz, line 4, column veh_count:"),
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
