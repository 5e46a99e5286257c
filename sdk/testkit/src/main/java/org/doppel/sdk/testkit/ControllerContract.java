package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Controller} plugin: on the {@link ReferencePlant}s the loop it
 * closes is stable, its inputs stay within the problem's bounds, a design is repeatable,
 * and each input has one value per plant input.
 *
 * <pre>{@code
 * class PidContractTest extends ControllerContract {
 *   protected Controller controller() {
 *     return new PidController();
 *   }
 *
 *   protected Parameters parameters(ReferencePlant plant) {
 *     return Parameters.of("controller/pid", Map.of("kp", 1.0, "td", 1.5));
 *   }
 * }
 * }</pre>
 */
public abstract class ControllerContract {

  /** The controller under test, as the bundle registers it. */
  protected abstract Controller controller();

  /** The parameters the controller designs with on {@code plant}; none by default. */
  protected Parameters parameters(ReferencePlant plant) {
    return Parameters.empty();
  }

  /** The plants the loop must be stable on; {@link ReferencePlant#unbounded()} by default. */
  protected List<ReferencePlant> stabilityPlants() {
    return ReferencePlant.unbounded();
  }

  /** The plants whose input bounds must hold; {@link ReferencePlant#bounded()} by default. */
  protected List<ReferencePlant> boundedPlants() {
    return ReferencePlant.bounded();
  }

  /**
   * How small the state must be at the end, relative to where it started: 0.05 by
   * default (the loop removed 95 % of the initial error).
   */
  protected double settlingFraction() {
    return 0.05;
  }

  @Test
  void identifiesItselfAsAController() {
    Controller controller = controller();

    Contracts.requireId(controller);
    assertEquals(PluginType.CONTROLLER, controller.type(), controller.id() + ": type()");
  }

  @Test
  void closedLoopIsStableOnTheReferencePlants() {
    for (ReferencePlant plant : stabilityPlants()) {
      double[][] states = simulate(plant).states;
      double start = norm(plant.initialState());
      double end = norm(states[states.length - 1]);
      if (!(end <= settlingFraction() * start)) {
        fail(controller().id() + " on the " + plant.name() + ": the state norm went from "
            + start + " to " + end + " in " + plant.steps() + " steps of "
            + plant.problem().samplePeriod() + " s; a stable loop brings it below "
            + settlingFraction() * start);
      }
    }
  }

  @Test
  void inputsStayWithinTheBounds() {
    for (ReferencePlant plant : boundedPlants()) {
      ControlProblem.Bounds bounds = plant.problem().bounds();
      double[][] inputs = simulate(plant).inputs;
      for (int k = 0; k < inputs.length; k++) {
        for (int i = 0; i < inputs[k].length; i++) {
          double u = inputs[k][i];
          if (bounds.inputMax() != null && u > bounds.inputMax()[i] + 1e-9) {
            fail(controller().id() + " on the " + plant.name() + ": at step " + k + " input "
                + i + " is " + u + ", above its bound " + bounds.inputMax()[i]);
          }
          if (bounds.inputMin() != null && u < bounds.inputMin()[i] - 1e-9) {
            fail(controller().id() + " on the " + plant.name() + ": at step " + k + " input "
                + i + " is " + u + ", below its bound " + bounds.inputMin()[i]);
          }
        }
      }
    }
  }

  @Test
  void twoDesignsOfOneProblemChooseTheSameInputs() {
    for (ReferencePlant plant : stabilityPlants()) {
      double[][] first = simulate(plant).inputs;
      double[][] second = simulate(plant).inputs;
      for (int k = 0; k < first.length; k++) {
        if (!Arrays.equals(first[k], second[k])) {
          fail(controller().id() + " on the " + plant.name() + ": two laws designed for the"
              + " same problem chose " + Arrays.toString(first[k]) + " and "
              + Arrays.toString(second[k]) + " at step " + k);
        }
      }
    }
  }

  /** Inputs and states of the loop, the plant discretised exactly with a zero-order hold. */
  private Trajectory simulate(ReferencePlant plant) {
    ControlProblem problem = plant.problem();
    ControlLaw law = controller().design(problem, parameters(plant));
    Linearization model = problem.plant().discretize(problem.samplePeriod());
    double[][] a = model.a();
    double[][] b = model.b();
    double[] x = plant.initialState();
    double[][] states = new double[plant.steps() + 1][];
    double[][] inputs = new double[plant.steps()][];
    states[0] = x.clone();
    for (int k = 0; k < plant.steps(); k++) {
      double[] u = law.input(k, x.clone(), new double[0][]);
      if (u == null || u.length != model.inputs()) {
        fail(controller().id() + " on the " + plant.name() + ": the law returned "
            + (u == null ? "null" : u.length + " values") + " at step " + k + "; the plant"
            + " has " + model.inputs() + " input(s)");
      }
      for (double value : u) {
        if (!Double.isFinite(value)) {
          fail(controller().id() + " on the " + plant.name() + ": input " + value
              + " at step " + k);
        }
      }
      inputs[k] = u.clone();
      x = step(a, b, x, u);
      states[k + 1] = x.clone();
    }
    return new Trajectory(states, inputs);
  }

  private static double[] step(double[][] a, double[][] b, double[] x, double[] u) {
    double[] next = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double sum = 0;
      for (int j = 0; j < x.length; j++) {
        sum += a[i][j] * x[j];
      }
      for (int j = 0; j < u.length; j++) {
        sum += b[i][j] * u[j];
      }
      next[i] = sum;
    }
    return next;
  }

  private static double norm(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  private record Trajectory(double[][] states, double[][] inputs) {
  }
}
