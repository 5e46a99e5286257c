package org.doppel.domains.traffic.motorway;

final class MotorwayFixtures {

  private MotorwayFixtures() {
  }

  static double[] initialState(MotorwayLoops loops, CellTransmissionModel model) {
    double[] x = new double[model.corridor().cells() + 2];
    double[][] density = loops.density();
    for (int i = 0; i < model.corridor().cells(); i++) {
      x[i] = density[i][0];
    }
    return x;
  }

  static double[][] byMinute(double[][] byStation) {
    double[][] t = new double[byStation[0].length][byStation.length];
    for (int s = 0; s < byStation.length; s++) {
      for (int m = 0; m < byStation[s].length; m++) {
        t[m][s] = byStation[s][m];
      }
    }
    return t;
  }
}
