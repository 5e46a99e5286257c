package org.doppel.domains.traffic.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GridCalibrationTest {

  @Test
  void theShippedGridHasSixteenJunctionsSixtyFourApproachesAndTwoLoopsEach() {
    GridNetwork network = GridFixture.model().network();

    assertEquals(16, network.junctions().size());
    assertEquals(64, network.approaches().size());
    assertEquals(128, network.detectors().size());
    assertEquals(16, network.approaches().stream().filter(Approach::fromFringe).count());
    assertTrue(network.approaches().stream().allMatch(a -> a.detectors().size() == 2));
  }

  @Test
  void everyTurningRowIsAShareAndSomeVehiclesLeaveAtTheFringe() {
    GridModel model = GridFixture.model();

    for (int w = 0; w < model.queues(); w++) {
      double exit = model.exitShare(w);
      assertTrue(exit >= -1e-12 && exit <= 1, "exit share of approach " + w + ": " + exit);
      assertTrue(Arrays.stream(model.turning()[w]).allMatch(t -> t >= 0));
    }
    double meanExit = java.util.stream.IntStream.range(0, model.queues())
        .mapToDouble(model::exitShare).average().orElseThrow();
    assertTrue(meanExit > 0.05 && meanExit < 0.8, "mean exit share " + meanExit);
  }

  @Test
  void saturationFlowIsThatOfAnUrbanLane() {
    double lane = GridFixture.model().laneSaturationFlow();

    assertTrue(lane > 900 && lane < 2200, "lane saturation flow " + lane + " veh/h");
  }

  @Test
  void turningRatesReproduceTheFlowCountedOnEveryInnerLink() throws Exception {
    GridModel model = GridFixture.model();
    GridDataset data = GridDataset.shipped();
    GridNetwork network = data.network();
    double[][] flow = GridCalibration.approachFlows(network, data.loops(network));
    double[] total = new double[model.queues()];
    for (double[] minute : flow) {
      for (int z = 0; z < total.length; z++) {
        total[z] += minute[z];
      }
    }

    double worst = 0;
    for (Approach z : network.approaches()) {
      if (z.fromFringe()) {
        continue;
      }
      double fed = 0;
      for (int w = 0; w < model.queues(); w++) {
        fed += model.turning()[w][z.index()] * total[w];
      }
      worst = Math.max(worst, Math.abs(fed - total[z.index()]) / total[z.index()]);
    }
    // Exact unless a row had to be scaled down to one.
    assertTrue(worst < 0.25, "worst relative miss " + worst);
  }

  @Test
  void countsRepeatEveryThreeMinutesAsTwoNinetySecondCyclesDo() {
    GridDataset data = GridDataset.shipped();
    double[] ac;
    try {
      GridNetwork network = data.network();
      ac = GridCalibration.countAutocorrelation(data.loops(network), 60, 180, 6);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    assertTrue(ac[2] > 0.1 && ac[5] > 0.1, Arrays.toString(ac));
    assertTrue(Math.abs(ac[0]) < 0.05 && Math.abs(ac[1]) < 0.05, Arrays.toString(ac));
  }
}
