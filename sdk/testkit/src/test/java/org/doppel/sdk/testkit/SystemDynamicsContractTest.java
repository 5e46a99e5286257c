package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.doppel.sdk.dynamics.SystemDynamics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class SystemDynamicsContractTest {

  /** The contract run on a right plant, at an operating point away from zero. */
  @Nested
  class OnARightPlant extends SystemDynamicsContract {

    @Override
    protected SystemDynamics dynamics() {
      return new TestPlants.Tank();
    }

    @Override
    protected double[] operatingState() {
      return new double[] {1.5};
    }
  }

  @Test
  void moreValuesThanStateNamesFailWithBothCounts() {
    SystemDynamicsContract contract = contractFor(new TestPlants.ExtraValue());

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        contract::evaluateReturnsOneValuePerStateName);

    assertEquals("test-tank: stateNames() has 3 names but evaluate returned 4 values",
        error.getMessage());
  }

  @Test
  void aWrongLinearisationFailsNamingTheEntryAndBothValues() {
    SystemDynamicsContract contract = new SystemDynamicsContract() {
      @Override
      protected SystemDynamics dynamics() {
        return new TestPlants.WrongSlope();
      }

      @Override
      protected double[] operatingState() {
        return new double[] {2};
      }
    };

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        contract::linearisationMatchesFiniteDifferences);

    assertEquals(true, error.getMessage().startsWith("test-tank: A[0][0] is 1.0 from"
        + " linearize, but the central difference of evaluate gives -"), error.getMessage());
    assertEquals(true, error.getMessage().contains("d 'level [m]' / d 'level [m]'"),
        error.getMessage());
  }

  @Test
  void aLinearisationOfTheWrongSizeFailsNamingTheMatrixAndTheNames() {
    SystemDynamicsContract contract = contractFor(new TestPlants.ExtraValue());

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        contract::linearisationHasTheDimensionsOfTheNames);

    assertEquals("test-tank: the linearisation's A has 1 entries but stateNames() has 3"
        + " names", error.getMessage());
  }

  private static SystemDynamicsContract contractFor(SystemDynamics plant) {
    return new SystemDynamicsContract() {
      @Override
      protected SystemDynamics dynamics() {
        return plant;
      }

      @Override
      protected double[] operatingState() {
        return new double[plant.stateNames().size()];
      }
    };
  }
}
