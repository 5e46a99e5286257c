package org.doppel.sdk.testkit;

import java.util.List;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;

/**
 * A small linear plant with a known answer, on which every controller must close a stable
 * loop: the loop is simulated exactly (zero-order hold) from {@code initialState} towards
 * the origin.
 *
 * @param name how failures name the plant
 * @param problem the control problem a controller designs for (reference 0)
 * @param initialState where the simulation starts
 * @param steps how many control steps the loop runs
 */
public record ReferencePlant(String name, ControlProblem problem, double[] initialState,
    int steps) {

  /** The control period of the standard plants, seconds. */
  public static final double SAMPLE_PERIOD = 0.1;

  /** The input bound of the bounded standard plants. */
  public static final double INPUT_LIMIT = 0.5;

  public ReferencePlant {
    initialState = initialState.clone();
  }

  @Override
  public double[] initialState() {
    return initialState.clone();
  }

  /** A first-order lag x' = −x + u (stable without control), from x = 1. */
  public static ReferencePlant firstOrderLag(ControlProblem.Bounds bounds) {
    Linearization plant = new Linearization(new double[][] {{-1}}, new double[][] {{1}},
        new double[][] {{0}}, 0);
    return new ReferencePlant("first-order lag x' = -x + u" + suffix(bounds),
        problem(plant, bounds), new double[] {1}, 100);
  }

  /** An unstable first-order plant x' = 0.5 x + u, from x = 1. */
  public static ReferencePlant unstableFirstOrder(ControlProblem.Bounds bounds) {
    Linearization plant = new Linearization(new double[][] {{0.5}}, new double[][] {{1}},
        new double[][] {{0}}, 0);
    return new ReferencePlant("unstable first-order x' = 0.5 x + u" + suffix(bounds),
        problem(plant, bounds), new double[] {1}, 200);
  }

  /** A double integrator x'' = u (position, velocity), from position 1 at rest. */
  public static ReferencePlant doubleIntegrator(ControlProblem.Bounds bounds) {
    Linearization plant = new Linearization(new double[][] {{0, 1}, {0, 0}},
        new double[][] {{0}, {1}}, new double[][] {{0}, {0}}, 0);
    return new ReferencePlant("double integrator x'' = u" + suffix(bounds),
        problem(plant, bounds), new double[] {1, 0}, 400);
  }

  /** The plants every controller must stabilise: the three above, without bounds. */
  public static List<ReferencePlant> unbounded() {
    ControlProblem.Bounds none = ControlProblem.Bounds.none();
    return List.of(firstOrderLag(none), unstableFirstOrder(none), doubleIntegrator(none));
  }

  /**
   * The plants on which a controller must keep |u| ≤ {@link #INPUT_LIMIT}: the stable lag
   * and the double integrator, both recoverable within that bound.
   */
  public static List<ReferencePlant> bounded() {
    ControlProblem.Bounds limit = new ControlProblem.Bounds(new double[] {-INPUT_LIMIT},
        new double[] {INPUT_LIMIT}, null, null, null);
    return List.of(firstOrderLag(limit), doubleIntegrator(limit));
  }

  /** Q = I, R = I, the first state as the output, reference 0. */
  private static ControlProblem problem(Linearization plant, ControlProblem.Bounds bounds) {
    int n = plant.states();
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      q[i][i] = 1;
    }
    double[][] c = new double[1][n];
    c[0][0] = 1;
    return new ControlProblem(plant, q, new double[][] {{1}}, c, new double[] {0}, bounds,
        SAMPLE_PERIOD);
  }

  private static String suffix(ControlProblem.Bounds bounds) {
    return bounds.inputMax() == null ? "" : ", |u| <= " + bounds.inputMax()[0];
  }

  @Override
  public String toString() {
    return name;
  }
}
