package org.doppel.runtime.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.domain.ClosedLoopTrajectory;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates a plant under a control law, step by step at the control sample period.
 *
 * <p>At step k (t = k·dt) the law reads x[k] and returns u[k]; u[k] and w[k] are held over
 * the step and the plant advances to x[k+1] by the chosen {@link Integration} (exact ZOH for
 * a linear plant, RK4 for a non-linear one, the plant's own map for a discrete one). Row k of
 * the trajectory holds (t_k, x[k], u[k], w[k]); the state after the last step is
 * {@link SimulationResult#finalState()}.
 *
 * <p>Long runs are simulated at full rate but only every k-th step is kept
 * ({@link SimulationOptions#keepEvery()}), which bounds memory; the full-rate RMS, mean and
 * peak of every signal (and of the outputs y = C x asked for) are accumulated as the run
 * goes and returned in {@link SimulationResult#statistics()}. A domain's KPIs computed on a
 * decimated trajectory are sample estimates of the full-rate figures; compare them with the
 * statistics when the decimation is coarse against the loop's fastest transients.
 *
 * <p>Stateless and thread-safe; each call simulates one loop on the calling thread.
 */
public final class ClosedLoopSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(ClosedLoopSimulator.class);
  private static final double[][] NO_FORECAST = new double[0][];
  private static final int PROGRESS_REPORTS = 100;

  /**
   * Simulates {@code setup} with {@code options}.
   *
   * @throws SimulationException when the state or the input becomes non-finite (naming the
   *     step, time and signal, with the trajectory so far), or the plant, law, initial state
   *     and disturbance do not fit together
   */
  public SimulationResult simulate(ClosedLoopSetup setup, SimulationOptions options) {
    SystemDynamics plant = setup.plant();
    checkShapes(setup, options);
    Steppers.Chosen chosen = Steppers.choose(plant, options.integration(),
        setup.samplePeriod());
    long steps = setup.disturbance().steps();
    LOG.info("Simulating controller [{}] on plant [{}]: [{}] steps of [{}] s by [{}]",
        setup.controllerId(), plant.id(), steps, setup.samplePeriod(), chosen.integration());

    long started = System.nanoTime();
    Loop loop = new Loop(setup, options, chosen.stepper());
    loop.run();
    Duration wallTime = Duration.ofNanos(System.nanoTime() - started);

    LOG.info("Simulated controller [{}] on plant [{}]: [{}] steps in [{}] ms",
        setup.controllerId(), plant.id(), steps, wallTime.toMillis());
    return new SimulationResult(loop.trajectory(), loop.recorder.statistics(), loop.state,
        steps, chosen.integration(), wallTime);
  }

  /** Simulates {@code setup} keeping every step, integration chosen automatically. */
  public SimulationResult simulate(ClosedLoopSetup setup) {
    return simulate(setup, SimulationOptions.defaults());
  }

  private static void checkShapes(ClosedLoopSetup setup, SimulationOptions options) {
    SystemDynamics plant = setup.plant();
    int n = plant.stateNames().size();
    require(setup.initialState().length == n, plant, "initial state has "
        + setup.initialState().length + " values for " + n + " states");
    require(setup.disturbance().width() == plant.disturbanceNames().size(), plant,
        "disturbance has " + setup.disturbance().width() + " inputs for the plant's "
            + plant.disturbanceNames().size() + " " + plant.disturbanceNames());
    for (double[] row : options.outputMatrix()) {
      require(row.length == n, plant, "output matrix row has " + row.length + " columns for "
          + n + " states");
    }
    for (int i = 0; i < n; i++) {
      require(Double.isFinite(setup.initialState()[i]), plant, "initial state "
          + plant.stateNames().get(i) + " is " + setup.initialState()[i]);
    }
    List<String> names = Loop.channelNames(plant, options);
    require(new java.util.HashSet<>(names).size() == names.size(), plant,
        "signal names must be distinct to be told apart in the statistics, got " + names);
  }

  private static void require(boolean condition, SystemDynamics plant, String problem) {
    if (!condition) {
      throw new SimulationException("plant '" + plant.id() + "': " + problem, null);
    }
  }

  /** One run's mutable state. */
  private static final class Loop {

    private final ClosedLoopSetup setup;
    private final SimulationOptions options;
    private final PlantStepper stepper;
    private final SystemDynamics plant;
    private final ControlLaw law;
    private final Recorder recorder;
    private final long steps;
    private final double dt;
    private double[] state;
    private double[] next;
    private final double[] estimate;
    private final double[] disturbance;

    Loop(ClosedLoopSetup setup, SimulationOptions options, PlantStepper stepper) {
      this.setup = setup;
      this.options = options;
      this.stepper = stepper;
      this.plant = setup.plant();
      this.law = setup.law();
      this.steps = setup.disturbance().steps();
      this.dt = setup.samplePeriod();
      int n = plant.stateNames().size();
      this.state = setup.initialState();
      this.next = new double[n];
      this.estimate = new double[n];
      this.disturbance = new double[setup.disturbance().width()];
      this.recorder = new Recorder(steps, options.keepEvery(), dt, n,
          plant.inputNames().size(), disturbance.length, options.outputMatrix(),
          channelNames(plant, options));
    }

    void run() {
      long reportEvery = Math.max(1, steps / PROGRESS_REPORTS);
      for (long k = 0; k < steps; k++) {
        double t = k * dt;
        setup.disturbance().fill(k, disturbance);
        System.arraycopy(state, 0, estimate, 0, state.length);
        double[] input = checkedInput(k, t, law.input(k, estimate, NO_FORECAST));
        recorder.record(k, state, input, disturbance);

        stepper.step(k, t, state, input, disturbance, next);
        checkFinite(k + 1, (k + 1) * dt);
        double[] previous = state;
        state = next;
        next = previous;

        if ((k + 1) % reportEvery == 0 || k + 1 == steps) {
          options.progress().stepsDone(k + 1, steps);
        }
      }
    }

    ClosedLoopTrajectory trajectory() {
      return recorder.trajectory(setup.controllerId(), plant.stateNames(), plant.inputNames());
    }

    private double[] checkedInput(long k, double t, double[] input) {
      int m = plant.inputNames().size();
      if (input == null || input.length != m) {
        throw failure("controller returned " + (input == null ? "no input" : input.length
            + " inputs for " + m), k, t);
      }
      for (int j = 0; j < m; j++) {
        if (!Double.isFinite(input[j])) {
          throw failure("controller returned " + input[j] + " for input '"
              + plant.inputNames().get(j) + "'", k, t);
        }
      }
      return input.clone();
    }

    /** A cheap sum test on every step; the slow search only once something is off. */
    private void checkFinite(long k, double t) {
      double sum = 0;
      for (double value : next) {
        sum += value;
      }
      if (Double.isFinite(sum)) {
        return;
      }
      for (int i = 0; i < next.length; i++) {
        if (!Double.isFinite(next[i]) || Math.abs(next[i]) > Double.MAX_VALUE / next.length) {
          throw failure("state '" + plant.stateNames().get(i) + "' became " + next[i], k, t);
        }
      }
    }

    private SimulationException failure(String problem, long k, double t) {
      return new SimulationException("closed loop of controller '" + setup.controllerId()
          + "' on plant '" + plant.id() + "' failed at step " + k + " (t = " + t + " s): "
          + problem, trajectory());
    }

    private static List<String> channelNames(SystemDynamics plant, SimulationOptions options) {
      List<String> names = new ArrayList<>(plant.stateNames());
      names.addAll(plant.inputNames());
      names.addAll(plant.disturbanceNames());
      names.addAll(options.outputNames());
      return names;
    }
  }
}
