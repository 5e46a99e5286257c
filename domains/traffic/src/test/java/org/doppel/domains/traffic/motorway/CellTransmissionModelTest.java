package org.doppel.domains.traffic.motorway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;

class CellTransmissionModelTest {

  private final CellTransmissionModel model = new CellTransmissionModel();

  @Test
  void vehiclesAreConservedThroughCongestionAndQueues() {
    Corridor corridor = model.corridor();
    double[] x = new double[corridor.cells() + 2];
    double stored = 0;
    double entered = 0;
    double left = 0;
    // Demand above the bottleneck's capacity for an hour, metered hard: queues everywhere.
    for (int m = 0; m < 120; m++) {
      double[] w = {m < 60 ? 5200 : 2000, 900, 0.12};
      CellTransmissionModel.Step step = model.advance(x, m < 60 ? 300 : 1800, w);
      entered += (w[0] + w[1]) / 60;
      left += (step.exitFlow() + step.cellOutflow()[corridor.cells() - 1]) / 60;
      x = step.state();
    }
    for (int i = 0; i < corridor.cells(); i++) {
      stored += x[i] * corridor.lengthsKm()[i];
    }
    stored += x[model.originQueue()] + x[model.rampQueue()];

    assertEquals(entered, stored + left, 1e-6 * entered);
  }

  @Test
  void demandAboveTheBottleneckCongestsTheCellUpstreamOfTheLaneDrop() {
    double[] x = new double[model.corridor().cells() + 2];
    for (int m = 0; m < 30; m++) {
      x = model.advance(x, 1800, new double[] {4600, 900, 0.0}).state();
    }
    int bottleneck = model.corridor().bottleneckCell();

    assertEquals(14, bottleneck);
    assertTrue(x[bottleneck - 1] > model.criticalDensity(bottleneck - 1));
    assertTrue(x[bottleneck] < model.criticalDensity(bottleneck));
    // The queue discharges at the dropped capacity.
    double discharge = model.advance(x, 1800, new double[] {4600, 900, 0.0})
        .cellOutflow()[bottleneck - 1];
    assertEquals((1 - model.diagram().capacityDrop()) * model.capacity(bottleneck), discharge,
        1e-6);
  }

  @Test
  void meteringBelowDemandGrowsTheRampQueueByTheDifference() {
    double[] x = new double[model.corridor().cells() + 2];
    double[] next = model.evaluate(0, x, new double[] {600}, new double[] {2000, 900, 0.1});

    assertEquals(300.0 / 60, next[model.rampQueue()], 1e-9);
  }

  @Test
  void linearisationPredictsASmallStepOfTheMap() {
    double[] x = new double[model.corridor().cells() + 2];
    for (int m = 0; m < 20; m++) {
      x = model.advance(x, 1800, new double[] {3500, 700, 0.12}).state();
    }
    double[] u = {700};
    Linearization lin = model.linearize(x, u);
    double[] f0 = model.evaluate(0, x, u, new double[] {4000, 800, 0.12});
    double[] dx = new double[x.length];
    dx[3] = 0.5;
    double[] xs = x.clone();
    xs[3] += dx[3];
    double[] f1 = model.evaluate(0, xs, new double[] {690}, new double[] {4000, 800, 0.12});
    double[][] a = lin.a();
    double[][] b = lin.b();

    assertEquals(x.length, lin.states());
    assertEquals(60, lin.samplePeriod());
    for (int i = 0; i < x.length; i++) {
      double predicted = f0[i] + a[i][3] * dx[3] + b[i][0] * -10;
      assertEquals(f1[i], predicted, 1e-6 + 1e-3 * Math.abs(f1[i]), "state " + i);
    }
  }

  @Test
  void subStepBreakingTheCflConditionIsRefused() {
    PluginException e = assertThrows(PluginException.class,
        () -> model.configure(Parameters.of("dynamics/motorway-ctm", Map.of("substep_s", 30))));

    assertTrue(e.getMessage().contains("CFL"), e.getMessage());
  }

  @Test
  void unknownParameterIsNamed() {
    PluginException e = assertThrows(PluginException.class,
        () -> model.configure(Parameters.of("dynamics/motorway-ctm", Map.of("vmax", 1))));

    assertTrue(e.getMessage().contains("[vmax]"), e.getMessage());
  }
}
