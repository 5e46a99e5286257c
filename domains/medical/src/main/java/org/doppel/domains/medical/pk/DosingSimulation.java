package org.doppel.domains.medical.pk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.doppel.sdk.PluginException;

/**
 * Runs a multiple-dose course on a simulated patient: before each dose the concentration is
 * measured (with a proportional error, seeded), the policy chooses the dose, the dose is
 * added to the patient's dosed compartment as a bolus, and the patient's plant is integrated
 * to the next dose by the {@link PlantSimulator}. Stateless and thread-safe.
 */
public final class DosingSimulation {

  private final PlantSimulator simulator;
  private final DosingSettings settings;

  public DosingSimulation(PlantSimulator simulator, DosingSettings settings) {
    this.simulator = simulator;
    this.settings = settings;
  }

  /**
   * The course of {@code policy} on {@code patient}, who starts free of the drug.
   *
   * @param seed the seed of the measurement errors; the same seed gives every policy the
   *     same error sequence
   * @throws IllegalStateException naming the policy and dose when a policy leaves the bounds
   * @throws Failure when the plant cannot be integrated, with the course so far
   */
  public DosingCourse run(PkPlant patient, DosingPolicy policy, long seed) {
    Random errors = new Random(seed);
    double period = settings.intervalH() * 3600;
    double step = settings.outputStepH() * 3600;
    int doses = settings.doses();
    List<Double> times = new ArrayList<>();
    List<Double> concentrations = new ArrayList<>();
    double[] doseTimes = new double[doses];
    double[] given = new double[doses];
    double[] measured = new double[doses];
    double[] state = new double[patient.stateNames().size()];

    for (int k = 0; k < doses; k++) {
      double start = k * period;
      double error = 1 + settings.measurementCv() * errors.nextGaussian();
      measured[k] = Math.max(0, patient.concentration(state) * error);
      double dose = policy.dose(k, measured[k]);
      if (!(dose >= 0 && dose <= settings.maxDoseMg())) {
        throw new IllegalStateException("policy " + policy.name() + " chose dose " + k + " of "
            + dose + " mg, outside [0, " + settings.maxDoseMg() + "] mg");
      }
      doseTimes[k] = start / 3600;
      given[k] = dose;
      state[patient.doseState()] += dose;

      Trajectory interval;
      try {
        interval = simulator.simulate(patient, state, start, start + period,
            new double[patient.inputNames().size()], step);
      } catch (IntegrationException e) {
        Trajectory partial = e.partial();
        for (int i = 0; i < partial.size(); i++) {
          times.add(partial.times()[i] / 3600);
          concentrations.add(patient.concentration(partial.state(i)));
        }
        DosingCourse course = course(policy, times, concentrations,
            Arrays.copyOf(doseTimes, k + 1), Arrays.copyOf(given, k + 1),
            Arrays.copyOf(measured, k + 1));
        throw new Failure("policy " + policy.name() + ", dose " + k + ": " + e.getMessage(),
            course, e);
      }
      // The interval's end is the next interval's start (before its dose): kept only last.
      int kept = k == doses - 1 ? interval.size() : interval.size() - 1;
      for (int i = 0; i < kept; i++) {
        times.add(interval.times()[i] / 3600);
        concentrations.add(patient.concentration(interval.state(i)));
      }
      state = interval.last();
    }
    return course(policy, times, concentrations, doseTimes, given, measured);
  }

  private static DosingCourse course(DosingPolicy policy, List<Double> times,
      List<Double> concentrations, double[] doseTimes, double[] given, double[] measured) {
    return new DosingCourse(policy.name(),
        times.stream().mapToDouble(Double::doubleValue).toArray(),
        concentrations.stream().mapToDouble(Double::doubleValue).toArray(), doseTimes, given,
        measured);
  }

  /**
   * The plant could not be integrated through a course; {@link #partial()} keeps the course
   * up to the time the integrator reached.
   */
  public static final class Failure extends PluginException {

    private static final long serialVersionUID = 1L;

    private final transient DosingCourse partial;

    Failure(String message, DosingCourse partial, IntegrationException cause) {
      super(message, cause);
      this.partial = partial;
    }

    /** The course up to the failure. */
    public DosingCourse partial() {
      return partial;
    }
  }
}
