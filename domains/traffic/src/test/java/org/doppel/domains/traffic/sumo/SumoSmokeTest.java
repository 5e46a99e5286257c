package org.doppel.domains.traffic.sumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real SUMO on the shipped grid: start, step, read, close. Skipped without SUMO. */
class SumoSmokeTest {

  static void assumeSumo() {
    Assumptions.assumeTrue(SumoProcess.binary().isPresent(), "SUMO is not installed ('sumo'"
        + " is not on the PATH): the live SUMO tests are skipped; apt-get install sumo"
        + " sumo-tools to run them");
  }

  @Test
  void stepsTheShippedGridAndReadsItsSignalsAndCounts() throws Exception {
    assumeSumo();
    long pid;
    try (SumoProcess sumo = SumoProcess.start(List.of(), Duration.ofSeconds(30),
        Duration.ofSeconds(30))) {
      pid = sumo.pid();
      TraciClient traci = sumo.client();
      assertEquals(SumoScenario.START_SECONDS, traci.getDouble(TraciClient.SIMULATION,
          TraciClient.SIM_TIME, ""));
      List<TraciClient.Program> programs = traci.programs("B1");
      assertEquals(90, programs.get(0).cycleSeconds(), 1e-9);
      assertEquals(16, traci.getStringList(TraciClient.TRAFFIC_LIGHT, ID_LIST, "").size());

      int departed = 0;
      int arrived = 0;
      for (int t = 1; t <= 300; t++) {
        traci.step(SumoScenario.START_SECONDS + t);
        List<Object> counts = traci.get(List.of(
            new TraciClient.Query(TraciClient.SIMULATION, TraciClient.SIM_DEPARTED_NUMBER, ""),
            new TraciClient.Query(TraciClient.SIMULATION, TraciClient.SIM_ARRIVED_NUMBER, "")));
        departed += (Integer) counts.get(0);
        arrived += (Integer) counts.get(1);
      }
      int running = traci.getInt(TraciClient.VEHICLE, TraciClient.ID_COUNT, "");
      assertEquals(SumoScenario.START_SECONDS + 300, traci.getDouble(TraciClient.SIMULATION,
          TraciClient.SIM_TIME, ""));
      assertTrue(departed > 100 && arrived > 0, departed + " departed, " + arrived
          + " arrived");
      assertEquals(departed - arrived, running);
    }
    Optional<ProcessHandle> left = ProcessHandle.of(pid);
    assertFalse(left.isPresent() && left.get().isAlive(), "sumo " + pid + " still runs");
  }

  @Test
  void aSumoThatExitsAtStartIsAnErrorQuotingItsStandardError() {
    assumeSumo();
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.io.IOException.class, () -> SumoProcess.start(List.of("--no-such-option",
            "1"), Duration.ofSeconds(30), Duration.ofSeconds(30)).close());
    assertTrue(e.getMessage().startsWith("sumo exited with status"), e.getMessage());
    assertTrue(e.getMessage().contains("no-such-option"), e.getMessage());
  }

  private static final int ID_LIST = TraciClient.ID_LIST;
}
