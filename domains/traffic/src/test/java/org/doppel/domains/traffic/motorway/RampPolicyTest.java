package org.doppel.domains.traffic.motorway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.Parameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RampPolicyTest {

  private static final MeteringBounds BOUNDS = new MeteringBounds(240, 1800);
  private static final Parameters MPC = Parameters.of("controller/mpc",
      Map.of("horizon", 15, "moves", 5));
  private static Calibration calibration;
  private static CellTransmissionModel model;
  private static Map<String, Trajectory> runs;

  @BeforeAll
  static void runEveryPolicyOnTheMorning() throws IOException {
    MotorwayLoops loops = MotorwayLoops.shipped();
    calibration = Calibration.of(loops, 10);
    model = calibration.model();
    double[] initial = MotorwayFixtures.initialState(loops, model);
    runs = new java.util.LinkedHashMap<>();
    for (RampPolicy policy : new RampPolicy[] {new NoMetering(BOUNDS), alinea(0.9),
        new MpcMetering(model, BOUNDS, new MpcController(), MPC, 1.0, 1000, alinea(0.9))}) {
      runs.put(policy.name(), Trajectory.run(model, initial, calibration::disturbance, policy,
          calibration.minutes()));
    }
  }

  private static Alinea alinea(double margin) {
    int cell = model.corridor().bottleneckCell() - 1;
    return new Alinea(model, BOUNDS, cell, 70, Alinea.bottleneckOccupancy(model, cell, margin),
        0.8 * model.rampStorage());
  }

  @Test
  void everyPolicyKeepsTheRateWithinItsBoundsEveryMinute() {
    assertEquals(3, runs.size());
    for (Trajectory run : runs.values()) {
      for (int m = 0; m < run.minutes(); m++) {
        double rate = run.rate()[m];
        assertTrue(rate >= BOUNDS.min() && rate <= BOUNDS.max(),
            run.policy() + " minute " + m + ": " + rate);
      }
    }
  }

  @Test
  void meteringDelaysTheBreakdownAndSavesTimeOnTheMorning() {
    MotorwayKpis none = MotorwayKpis.of(model, runs.get("no-metering"), 90, 180);
    for (String policy : new String[] {"alinea", "mpc"}) {
      MotorwayKpis metered = MotorwayKpis.of(model, runs.get(policy), 90, 180);

      assertTrue(metered.breakdownMinute() > none.breakdownMinute(), policy + " " + metered);
      assertTrue(metered.totalTimeSpent() < none.totalTimeSpent(), policy + " " + metered);
      assertTrue(metered.meanRampQueue() > none.meanRampQueue(), policy + " " + metered);
    }
  }

  @Test
  void queueOverrideHoldsTheRampQueueNearItsLimitWhenTheMergeIsFree() {
    // ALINEA with a target it can never reach would hold the ramp at the minimum rate.
    Alinea greedy = new Alinea(model, BOUNDS, 13, 70, 0.5, 20);
    Trajectory run = Trajectory.run(model, new double[model.corridor().cells() + 2],
        m -> new double[] {3000, 1400, 0.12}, greedy, 60);

    double worst = Arrays.stream(run.rampQueue()).max().orElseThrow();
    assertTrue(worst <= 20 + 1400 / 60.0, "ramp queue " + worst);
    assertTrue(worst > 15, "the queue should reach the limit, got " + worst);
  }

  @Test
  void mpcHoldsTheRampQueueWithinItsStorageWhenTheMergeIsFree() {
    MpcMetering mpc = new MpcMetering(model, BOUNDS, new MpcController(), MPC, 0.8, 1000,
        alinea(0.9));
    Trajectory run = Trajectory.run(model, new double[model.corridor().cells() + 2],
        m -> new double[] {3500, 1400, 0.12}, mpc, 40);

    double worst = Arrays.stream(run.rampQueue()).max().orElseThrow();
    assertTrue(worst <= model.rampStorage() + 0.5, "ramp queue " + worst);
    assertTrue(Arrays.stream(run.rate()).min().orElseThrow() < 1400, "mpc never metered");
    assertEquals(0.0, mpc.diagnostics().get("alinea_backup_minutes"));
  }
}
