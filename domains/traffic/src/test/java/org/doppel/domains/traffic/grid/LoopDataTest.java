package org.doppel.domains.traffic.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.doppel.domains.traffic.Mornings;
import org.doppel.sdk.data.IngestException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad loop data: located errors, and the one declared repair. */
class LoopDataTest {

  private static final String HEADER = "time_of_day,interval_begin_s,interval_end_s,"
      + "detector_id,edge_id,lane_id,veh_count,flow_veh_per_h,occupancy_pct,speed_m_per_s,"
      + "harmonic_mean_speed_m_per_s,mean_length_m,veh_entered";

  private static GridNetwork network;

  @TempDir
  Path folder;

  @BeforeAll
  static void network() throws Exception {
    network = GridDataset.shipped().network();
  }

  /** One minute with a row for every loop; {@code change} replaces the row of loop 3. */
  private Path minute(String name, String change) throws Exception {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    List<String> loops = network.detectors();
    for (int d = 0; d < loops.size(); d++) {
      text.append(d == 3 && change != null ? change
          : "06:00:00,21600,21660," + loops.get(d) + ",e,l,1,60.00,0.50,14.91,14.91,4.50,1")
          .append('\n');
    }
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private IngestException refused(Path file) {
    return assertThrows(IngestException.class, () -> LoopData.read(file.toUri().toURL(),
        file.getFileName().toString(), network));
  }

  @Test
  void aDetectorNotInTheNetworkIsAnErrorNamingFileLineAndColumn() throws Exception {
    IngestException error = refused(minute("unknown.csv",
        "06:00:00,21600,21660,e1det_Z9Z8_0,e,l,1,60.00,0.50,14.91,14.91,4.50,1"));

    assertTrue(error.getMessage().contains("unknown.csv:5 [detector_id]: loop"
        + " 'e1det_Z9Z8_0' is not in the network"), error.getMessage());
  }

  @Test
  void aNegativeCountIsAnErrorNamingFileLineAndColumn() throws Exception {
    IngestException error = refused(minute("negative.csv", "06:00:00,21600,21660,"
        + network.detectors().get(3) + ",e,l,-2,-120.00,0.50,14.91,14.91,4.50,1"));

    assertTrue(error.getMessage().contains("negative.csv:5 [veh_count]"), error.getMessage());
    assertEquals(1, error.issues().size());
  }

  @Test
  void aSpeedForAMinuteWithNoVehicleIsDroppedAndCounted() throws Exception {
    Path file = minute("speed.csv", "06:00:00,21600,21660," + network.detectors().get(3)
        + ",e,l,0,0.00,0.00,13.20,13.20,4.50,0");

    LoopData loops = LoopData.read(file.toUri().toURL(), "speed.csv", network);

    assertEquals(1, loops.droppedSpeeds());
    assertEquals(0, loops.count(0, 3));
    assertEquals(1, loops.count(0, 4));
  }

  @Test
  void aMissingLoopMinuteNamesTheMinuteAndTheLoop() throws Exception {
    Path file = minute("short.csv", "");
    Files.writeString(file, Files.readString(file).replace("\n\n", "\n"));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LoopData.read(file.toUri().toURL(), "short.csv", network));

    assertTrue(error.getMessage().contains(network.detectors().get(3)), error.getMessage());
  }

  @Test
  void theShippedExtraMorningsCoverTheSameLoopsAndMinutes() throws Exception {
    GridDataset data = GridDataset.shipped();
    LoopData main = data.loops(network);
    List<LoopData> mornings = data.mornings(network);

    assertEquals(6, mornings.size());
    for (LoopData morning : mornings) {
      assertEquals(main.minutes(), morning.minutes());
      assertEquals(main.loops(), morning.loops());
      assertEquals(main.startSeconds(), morning.startSeconds());
    }
  }

  /** The shipped grid files in {@code folder}, with one extra morning, {@code bad.csv.gz}. */
  private GridDataset withMorning(String morning, int listedRows) throws Exception {
    for (String name : List.of("edges.csv", "detectors.csv", "loops_1min.csv")) {
      try (var in = GridDataset.class.getResourceAsStream(GridDataset.RESOURCES + name)) {
        Files.copy(in, folder.resolve(name));
      }
    }
    Path mornings = Files.createDirectories(folder.resolve("mornings"));
    Files.writeString(mornings.resolve("mornings.csv"), "file,seed,demand_factor,"
        + "shift_quarter_hours,rows\nbad.csv.gz,1,1.0,0," + listedRows + "\n");
    String text = Files.readString(minute("bad.csv", morning));
    try (var out = new GZIPOutputStream(Files.newOutputStream(mornings.resolve(
        "bad.csv.gz")))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return GridDataset.folder(folder);
  }

  @Test
  void aBadRowInAnExtraMorningNamesItsFileAndLine() throws Exception {
    GridDataset data = withMorning("06:00:00,21600,21660," + network.detectors().get(3)
        + ",e,l,-2,-120.00,0.50,14.91,14.91,4.50,1", 128);

    IngestException error = assertThrows(IngestException.class,
        () -> data.mornings(data.network()));

    assertTrue(error.getMessage().contains(folder.resolve("mornings/bad.csv.gz") + ":5"
        + " [veh_count]"), error.getMessage());
  }

  @Test
  void anExtraMorningWithOtherRowsThanItsManifestSaysIsNamed() throws Exception {
    GridDataset data = withMorning(null, 30720);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> data.mornings(data.network()));

    assertTrue(error.getMessage().contains("bad.csv.gz: 1 minutes × 128 loops, but"
        + " mornings/mornings.csv lists 30720 rows"), error.getMessage());
  }

  @Test
  void aBadManifestRowIsLocated() throws Exception {
    IngestException error = assertThrows(IngestException.class, () -> Mornings.read(
        new ByteArrayInputStream(("file,seed,demand_factor,shift_quarter_hours,rows\n"
            + "a.csv.gz,1,-1,0,5\n").getBytes(StandardCharsets.UTF_8)), "mornings.csv"));

    assertTrue(error.getMessage().contains("mornings.csv:2 [demand_factor]"),
        error.getMessage());
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() throws Exception {
    Path file = minute("bom.csv", null);
    Files.writeString(file, "\uFEFF" + Files.readString(file));

    assertEquals(1, LoopData.read(file.toUri().toURL(), "bom.csv", network).minutes());
  }
}
