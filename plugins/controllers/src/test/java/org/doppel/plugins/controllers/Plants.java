package org.doppel.plugins.controllers;

import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;

/** Small plants and a discrete closed-loop stepper for the controller tests. */
final class Plants {

  private Plants() {
  }

  static Linearization doubleIntegrator() {
    return new Linearization(new double[][] {{0, 1}, {0, 0}}, new double[][] {{0}, {1}},
        new double[][] {{0}, {1}}, 0);
  }

  /** The two-area LFC reference model, with its load-disturbance matrix. */
  static Linearization loadFrequencyControl() {
    String name = "lfc_two_area";
    return new Linearization(ReferenceCases.array(name, "A.csv"),
        ReferenceCases.array(name, "B.csv"), ReferenceCases.array(name, "G.csv"), 0);
  }

  static Linearization pendulum() {
    String name = "pendulum_q2";
    double[][] b = ReferenceCases.array(name, "B.csv");
    return new Linearization(ReferenceCases.array(name, "A.csv"), b, b, 0);
  }

  static double[][] identity(int n) {
    double[][] id = new double[n][n];
    for (int i = 0; i < n; i++) {
      id[i][i] = 1;
    }
    return id;
  }

  static ControlProblem regulation(Linearization plant, ControlProblem.Bounds bounds,
      double period) {
    int n = plant.states();
    return new ControlProblem(plant, identity(n), identity(plant.inputs()), new double[0][n],
        new double[0], bounds, period);
  }

  /** The ZOH discrete model x[k+1] = A x + B u + G w, stepped by hand. */
  record Stepper(double[][] a, double[][] b, double[][] g) {

    static Stepper of(Linearization continuous, double period) {
      Linearization d = continuous.discretize(period);
      return new Stepper(d.a(), d.b(), d.g());
    }

    double[] step(double[] x, double[] u, double[] w) {
      double[] next = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
          sum += a[i][j] * x[j];
        }
        for (int j = 0; j < u.length; j++) {
          sum += b[i][j] * u[j];
        }
        for (int j = 0; j < w.length; j++) {
          sum += g[i][j] * w[j];
        }
        next[i] = sum;
      }
      return next;
    }

    /** Runs {@code law} for {@code steps} from {@code x0} under constant w; the final state. */
    double[] run(ControlLaw law, double[] x0, double[] w, int steps) {
      double[] x = x0.clone();
      for (int k = 0; k < steps; k++) {
        x = step(x, law.input(k, x, new double[0][]), w);
      }
      return x;
    }
  }
}
