package org.doppel.domains.traffic.sumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.doppel.domains.traffic.grid.Approach;
import org.doppel.domains.traffic.grid.GridDataset;
import org.doppel.domains.traffic.grid.GridNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped SUMO files: the routes' departures and the network's ids. No SUMO needed. */
class SumoScenarioTest {

  @TempDir
  Path folder;

  @Test
  void everyVehicleOfTheMorningHasItsDepartureEdge() throws Exception {
    Map<String, String> edges = SumoScenario.departureEdges();

    // 21,410 vehicles enter in the data's README; the first routes as duarouter wrote them.
    assertEquals(21_410, edges.size());
    assertEquals("bottom2C0", edges.get("0"));
    assertEquals("top0A3", edges.get("2"));
  }

  @Test
  void theNetworkHoldsEveryApproachOfTheModelAsAnEdgeWithItsLanes() throws Exception {
    SumoScenario.writeTo(folder);
    String net = Files.readString(folder.resolve(SumoScenario.NETWORK));
    assertTrue(Files.size(folder.resolve(SumoScenario.ROUTES)) > 100_000);

    GridNetwork network = GridDataset.shipped().network();
    for (Approach a : network.approaches()) {
      assertTrue(net.contains("<edge id=\"" + a.edgeId() + "\""), a.edgeId());
      for (int i = 0; i < a.lanes(); i++) {
        assertTrue(net.contains("<lane id=\"" + a.edgeId() + "_" + i + "\""), a.edgeId());
      }
    }
    for (String junction : network.junctions()) {
      assertTrue(net.contains("<tlLogic id=\"" + junction + "\""), junction);
    }
  }
}
