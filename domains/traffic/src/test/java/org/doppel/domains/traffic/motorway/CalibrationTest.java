package org.doppel.domains.traffic.motorway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static MotorwayLoops loops;
  private static Calibration calibration;

  @BeforeAll
  static void calibrate() throws IOException {
    loops = MotorwayLoops.shipped();
    calibration = Calibration.of(loops, 10);
  }

  @Test
  void diagramHasPlausibleMotorwayValues() {
    FundamentalDiagram d = calibration.model().diagram();
    assertTrue(d.freeSpeedKmh() > 80 && d.freeSpeedKmh() < 130, d.toString());
    assertTrue(d.capacityPerLane() > 1800 && d.capacityPerLane() < 2600, d.toString());
    assertTrue(d.capacityDrop() > 0.03 && d.capacityDrop() < 0.2, d.toString());
    assertEquals(0.12, calibration.exitShare(), 0.01);
  }

  @Test
  void shippedDiagramIsTheCalibrationRounded() {
    FundamentalDiagram fitted = calibration.model().diagram();
    FundamentalDiagram shipped = CellTransmissionModel.SHIPPED_DIAGRAM;
    assertEquals(fitted.freeSpeedKmh(), shipped.freeSpeedKmh(), 0.1);
    assertEquals(fitted.capacityPerLane(), shipped.capacityPerLane(), 1);
    assertEquals(fitted.jamDensityPerLane(), shipped.jamDensityPerLane(), 0.1);
    assertEquals(fitted.waveSpeedKmh(), shipped.waveSpeedKmh(), 0.1);
    assertEquals(fitted.capacityDrop(), shipped.capacityDrop(), 0.001);
    assertEquals(Corridor.SHIPPED.names(), calibration.model().corridor().names());
    assertEquals(java.util.Arrays.toString(Corridor.SHIPPED.lanes()),
        java.util.Arrays.toString(calibration.model().corridor().lanes()));
    assertEquals(Corridor.SHIPPED.onRampCell(), calibration.model().corridor().onRampCell());
    assertEquals(Corridor.SHIPPED.offRampCell(), calibration.model().corridor().offRampCell());
  }

  @Test
  void calibratedModelBreaksDownWhereAndWhenTheDataDo() {
    CellTransmissionModel model = calibration.model();
    Trajectory run = Trajectory.run(model, MotorwayFixtures.initialState(loops, model),
        calibration::disturbance, new NoMetering(new MeteringBounds(240, 1800)),
        calibration.minutes());
    int n = model.corridor().cells();
    int[] data = MotorwayKpis.breakdown(MotorwayFixtures.byMinute(
        Calibration.smoothSpeed(loops)), 0, n);
    int[] modelled = MotorwayKpis.breakdown(run.speed(), 0, n);
    assertTrue(modelled[1] >= model.corridor().onRampCell()
        && modelled[1] < model.corridor().bottleneckCell(), "model cell " + modelled[1]);

    // Data: S13 (6,250 m) at 07:34; the model may miss by one 500 m cell and ten minutes.
    assertEquals(12, data[1]);
    assertEquals(94, data[0]);
    assertTrue(Math.abs(modelled[1] - data[1]) <= 1, "cells " + data[1] + " " + modelled[1]);
    assertTrue(Math.abs(modelled[0] - data[0]) <= 10, "minutes " + data[0] + " "
        + modelled[0]);
  }
}
