package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SystemDynamics} plugin. Extend it in a test class and return the
 * plant from {@link #dynamics()}:
 *
 * <pre>{@code
 * class TankContractTest extends SystemDynamicsContract {
 *   protected SystemDynamics dynamics() {
 *     return new Tank();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that the names and the vectors agree, that {@code evaluate} is a pure
 * function, and that {@code linearize} matches central finite differences of
 * {@code evaluate} at the operating point. Override the operating point or the tolerance
 * where the plant needs it. Every failure says which name, entry or value is wrong.
 */
public abstract class SystemDynamicsContract {

  /** The plant under test, as the bundle registers it. */
  protected abstract SystemDynamics dynamics();

  /** The state at which the plant is evaluated and linearised; zeros by default. */
  protected double[] operatingState() {
    return new double[dynamics().stateNames().size()];
  }

  /** The input at the operating point; zeros by default. */
  protected double[] operatingInput() {
    return new double[dynamics().inputNames().size()];
  }

  /** The disturbance at the operating point; zeros by default. */
  protected double[] operatingDisturbance() {
    return new double[dynamics().disturbanceNames().size()];
  }

  /**
   * How far an entry of A, B or G may be from its finite difference, relative to
   * max(1, |entry|); 1e-4 by default.
   */
  protected double linearisationTolerance() {
    return 1e-4;
  }

  @Test
  void identifiesItselfAsADynamicsPlugin() {
    SystemDynamics plant = dynamics();

    Contracts.requireId(plant);
    assertEquals(PluginType.DYNAMICS, plant.type(), plant.id() + ": type()");
  }

  @Test
  void namesAreNotBlankAndUnique() {
    SystemDynamics plant = dynamics();

    requireNames(plant.id(), "stateNames()", plant.stateNames());
    requireNames(plant.id(), "inputNames()", plant.inputNames());
    requireNames(plant.id(), "disturbanceNames()", plant.disturbanceNames());
    assertTrue(!plant.stateNames().isEmpty(), plant.id() + ": stateNames() is empty");
  }

  @Test
  void evaluateReturnsOneValuePerStateName() {
    SystemDynamics plant = dynamics();

    double[] value = plant.evaluate(0, operatingState(), operatingInput(),
        operatingDisturbance());

    int names = plant.stateNames().size();
    if (value.length != names) {
      fail(plant.id() + ": stateNames() has " + names + " names but evaluate returned "
          + value.length + " values");
    }
    for (int i = 0; i < value.length; i++) {
      if (!Double.isFinite(value[i])) {
        fail(plant.id() + ": evaluate returned " + value[i] + " for state '"
            + plant.stateNames().get(i) + "' at the operating point");
      }
    }
  }

  @Test
  void evaluateIsDeterministicAndLeavesItsArgumentsAlone() {
    SystemDynamics plant = dynamics();
    double[] state = operatingState();
    double[] input = operatingInput();
    double[] disturbance = operatingDisturbance();
    double[] stateCopy = state.clone();
    double[] inputCopy = input.clone();
    double[] disturbanceCopy = disturbance.clone();

    double[] first = plant.evaluate(0, state, input, disturbance);
    double[] second = plant.evaluate(0, state, input, disturbance);

    Contracts.requireSame(plant.id() + ": evaluate changed its state argument", stateCopy,
        state);
    Contracts.requireSame(plant.id() + ": evaluate changed its input argument", inputCopy,
        input);
    Contracts.requireSame(plant.id() + ": evaluate changed its disturbance argument",
        disturbanceCopy, disturbance);
    Contracts.requireSame(plant.id() + ": two calls of evaluate with the same arguments"
        + " differ", first, second);
    assertTrue(first != second, plant.id() + ": evaluate must return a new array");
  }

  @Test
  void samplePeriodIsZeroOrPositive() {
    double period = dynamics().samplePeriod();

    assertTrue(period == 0 || (period > 0 && Double.isFinite(period)),
        dynamics().id() + ": samplePeriod() is " + period + "; it must be 0 (continuous) or a"
            + " positive number of seconds");
  }

  @Test
  void linearisationHasTheDimensionsOfTheNames() {
    SystemDynamics plant = dynamics();
    Linearization model = linearisationOrSkip(plant);

    requireSize(plant, "A", model.states(), "stateNames()", plant.stateNames());
    requireSize(plant, "B (columns)", model.inputs(), "inputNames()", plant.inputNames());
    requireSize(plant, "G (columns)", model.disturbances(), "disturbanceNames()",
        plant.disturbanceNames());
    assertEquals(plant.samplePeriod(), model.samplePeriod(), plant.id()
        + ": the linearisation's sample period differs from samplePeriod()");
  }

  @Test
  void linearisationMatchesFiniteDifferences() {
    SystemDynamics plant = dynamics();
    Linearization model = linearisationOrSkip(plant);
    double[] x = operatingState();
    double[] u = operatingInput();
    double[] w = operatingDisturbance();

    compare(plant, "A", model.a(), plant.stateNames(), j -> Contracts.centralDifference(
        step -> plant.evaluate(0, Contracts.shifted(x, j, step), u, w), x[j]));
    compare(plant, "B", model.b(), plant.inputNames(), j -> Contracts.centralDifference(
        step -> plant.evaluate(0, x, Contracts.shifted(u, j, step), w), u[j]));
    compare(plant, "G", model.g(), plant.disturbanceNames(), j -> Contracts.centralDifference(
        step -> plant.evaluate(0, x, u, Contracts.shifted(w, j, step)), w[j]));
  }

  @Test
  void configureRefusesAnUnknownParameterByName() {
    SystemDynamics plant = dynamics();
    Parameters unknown = Parameters.of("dynamics/" + plant.id(),
        Map.of("no_such_parameter", 1));

    PluginException error = assertThrows(PluginException.class, () -> plant.configure(unknown),
        plant.id() + ": configure accepted the unknown parameter 'no_such_parameter'");

    assertTrue(String.valueOf(error.getMessage()).contains("no_such_parameter"),
        plant.id() + ": the error for an unknown parameter does not name it: "
            + error.getMessage());
  }

  @Test
  void configureWithNoParametersKeepsTheNames() {
    SystemDynamics plant = dynamics();

    SystemDynamics configured = plant.configure(Parameters.empty());

    assertEquals(plant.stateNames(), configured.stateNames(), plant.id() + ": stateNames()");
    assertEquals(plant.inputNames(), configured.inputNames(), plant.id() + ": inputNames()");
  }

  private Linearization linearisationOrSkip(SystemDynamics plant) {
    try {
      return plant.linearize(operatingState(), operatingInput());
    } catch (UnsupportedOperationException e) {
      Assumptions.abort(plant.id() + " offers no linearisation: " + e.getMessage());
      throw e;
    }
  }

  /** Column j of {@code matrix} against the finite difference of evaluate along j. */
  private void compare(SystemDynamics plant, String matrix, double[][] actual,
      List<String> columns, java.util.function.IntFunction<double[]> difference) {
    List<String> rows = plant.stateNames();
    for (int j = 0; j < columns.size(); j++) {
      double[] column = difference.apply(j);
      for (int i = 0; i < rows.size(); i++) {
        double expected = column[i];
        double value = actual[i][j];
        double allowed = linearisationTolerance() * Math.max(1, Math.abs(expected));
        if (!(Math.abs(expected - value) <= allowed)) {
          fail(plant.id() + ": " + matrix + "[" + i + "][" + j + "] is " + value
              + " from linearize, but the central difference of evaluate gives " + expected
              + " (d '" + rows.get(i) + "' / d '" + columns.get(j) + "', tolerance "
              + allowed + ")");
        }
      }
    }
  }

  private static void requireSize(SystemDynamics plant, String matrix, int size,
      String namesMethod, List<String> names) {
    if (size != names.size()) {
      fail(plant.id() + ": the linearisation's " + matrix + " has " + size + " entries but "
          + namesMethod + " has " + names.size() + " names");
    }
  }

  private static void requireNames(String id, String method, List<String> names) {
    if (names == null) {
      fail(id + ": " + method + " returned null");
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) == null || names.get(i).isBlank()) {
        fail(id + ": " + method + " has a blank name at position " + i);
      }
    }
    if (new HashSet<>(names).size() != names.size()) {
      fail(id + ": " + method + " repeats a name: " + names);
    }
  }
}
