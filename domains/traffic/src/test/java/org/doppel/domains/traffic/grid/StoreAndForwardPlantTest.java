package org.doppel.domains.traffic.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;

class StoreAndForwardPlantTest {

  private final StoreAndForwardPlant plant = GridFixture.plant();
  private final GridModel model = plant.model();

  @Test
  void vehiclesAreConservedEveryStepIncludingSpillback() {
    Random random = new Random(7);
    SignalTiming timing = model.timing();
    int full = 0;
    for (int trial = 0; trial < 500; trial++) {
      double[] x = new double[model.queues()];
      double[] d = new double[model.queues()];
      for (int z = 0; z < x.length; z++) {
        // Some links start full so that spillback holds vehicles back.
        x[z] = random.nextDouble() < 0.2 ? model.storage()[z] : random.nextDouble() * 40;
        d[z] = random.nextDouble() * 900;
      }
      double[] ns = random.doubles(model.network().junctions().size(),
          timing.minGreenSeconds(), timing.maxGreenSeconds()).toArray();

      StoreAndForwardPlant.Step step = plant.step(x, timing.greens(ns), d);

      double before = Arrays.stream(x).sum();
      double after = Arrays.stream(step.state()).sum();
      assertEquals(before + step.entered() - step.exited(), after, 1e-9 * Math.max(1, before));
      assertTrue(Arrays.stream(step.state()).allMatch(q -> q >= -1e-9), "a negative queue");
      full += Arrays.stream(x).filter(q -> q > 0).count() > 0 ? 1 : 0;
    }
    assertEquals(500, full);
  }

  @Test
  void aFullLinkAdmitsNothingFromUpstream() {
    double[] x = new double[model.queues()];
    Arrays.fill(x, 30);
    int target = model.network().approaches().stream().filter(a -> !a.fromFringe())
        .findFirst().orElseThrow().index();
    x[target] = model.storage()[target];
    double[] greens = model.timing().greens(new double[16]);

    double[] next = plant.step(x, greens, new double[model.queues()]).state();

    assertTrue(next[target] <= x[target] + 1e-12, "a full link took vehicles in");
  }

  @Test
  void linearisationMatchesThePlantWhileEveryQueueDischargesAtSaturation() {
    // Links made long enough that nothing spills back: the linearisation's premise.
    GridModel roomy = new GridModel(model.network(), model.timing(), model.saturationFlow(),
        Arrays.stream(model.storage()).map(s -> 100 * s).toArray(), model.turning(),
        model.arrivals(), model.freeFlowSeconds(), model.laneSaturationFlow(),
        model.startSeconds());
    StoreAndForwardPlant plant = new StoreAndForwardPlant(roomy);
    // More than a green can clear.
    double[] x = new double[model.queues()];
    for (int z = 0; z < x.length; z++) {
      x[z] = 1.1 * model.saturationFlow()[z] * (model.timing().equalGreen() + 1) / 3600;
    }
    double[] ns = new double[16];
    Arrays.fill(ns, model.timing().equalGreen());
    double[] g = model.timing().greens(ns);
    double[] d = new double[model.queues()];
    Arrays.fill(d, 100);
    Linearization lin = plant.linearize(x, g);
    double[] base = plant.evaluate(0, x, g, d);

    double h = 1.0;
    double[] moved = g.clone();
    moved[4] += h;
    moved[5] -= h;
    double[] shifted = plant.evaluate(0, x, moved, d);

    double[][] b = lin.b();
    for (int z = 0; z < x.length; z++) {
      double predicted = (b[z][4] - b[z][5]) * h;
      assertEquals(predicted, shifted[z] - base[z], 1e-9, "queue " + z);
    }
    assertEquals(plant.samplePeriod(), lin.samplePeriod());
  }
}
