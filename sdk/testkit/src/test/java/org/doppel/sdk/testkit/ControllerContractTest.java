package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ControllerContractTest {

  /** u = -2 (sum of the states), clipped to the bounds: stable on every reference plant. */
  static Controller clippedGain(boolean clip) {
    return controller("test-gain", problem -> x -> {
      double u = 0;
      for (double v : x) {
        u -= 2 * v;
      }
      ControlProblem.Bounds bounds = problem.bounds();
      if (clip && bounds.inputMax() != null) {
        u = Math.max(bounds.inputMin()[0], Math.min(bounds.inputMax()[0], u));
      }
      return new double[] {u};
    });
  }

  @Nested
  class OnARightController extends ControllerContract {

    @Override
    protected Controller controller() {
      return clippedGain(true);
    }
  }

  @Test
  void aControllerThatDoesNothingIsUnstableOnTheUnstablePlant() {
    ControllerContract contract = contractFor(controller("test-idle",
        problem -> x -> new double[] {0}));

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        contract::closedLoopIsStableOnTheReferencePlants);

    assertTrue(error.getMessage().startsWith("test-idle on the unstable first-order x' = 0.5 x"
        + " + u: the state norm went from 1.0 to "), error.getMessage());
  }

  @Test
  void aControllerThatIgnoresTheBoundsFailsNamingStepInputAndBound() {
    ControllerContract contract = contractFor(clippedGain(false));

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        contract::inputsStayWithinTheBounds);

    assertTrue(error.getMessage().equals("test-gain on the first-order lag x' = -x + u,"
        + " |u| <= 0.5: at step 0 input 0 is -2.0, below its bound -0.5"), error.getMessage());
  }

  @Test
  void aLawWithTheWrongNumberOfInputsFailsNamingBothCounts() {
    ControllerContract contract = contractFor(controller("test-wide",
        problem -> x -> new double[] {0, 0}));

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        contract::closedLoopIsStableOnTheReferencePlants);

    assertTrue(error.getMessage().contains("the law returned 2 values at step 0; the plant has"
        + " 1 input(s)"), error.getMessage());
  }

  private static ControllerContract contractFor(Controller controller) {
    return new ControllerContract() {
      @Override
      protected Controller controller() {
        return controller;
      }
    };
  }

  private static Controller controller(String id,
      java.util.function.Function<ControlProblem, UnaryOperator<double[]>> design) {
    return new Controller() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "a controller for the test kit's tests";
      }

      @Override
      public ControlLaw design(ControlProblem problem, Parameters parameters) {
        UnaryOperator<double[]> law = design.apply(problem);
        return (step, state, forecast) -> law.apply(state);
      }
    };
  }
}
