package org.doppel.domains.medical.pk;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * Integrates a continuous {@link SystemDynamics} plant with a Commons Math adaptive
 * integrator under a held input, and samples the solution on a regular output grid by the
 * integrator's dense output (so the grid does not limit the steps). When the integrator
 * gives up, an {@link IntegrationException} names the plant, the time reached and the step
 * it needed, and keeps the trajectory up to there. Stateless and thread-safe.
 */
public final class PlantSimulator {

  private final IntegratorSettings settings;

  public PlantSimulator(IntegratorSettings settings) {
    this.settings = settings;
  }

  public IntegratorSettings settings() {
    return settings;
  }

  /**
   * The plant's states from {@code start} to {@code end} at {@code start}, every
   * {@code outputStep} after it, and at {@code end}.
   *
   * @param input held over the interval; a zero-length plant disturbance is passed
   * @throws IntegrationException when the integrator gives up, with the partial trajectory
   */
  public Trajectory simulate(SystemDynamics plant, double[] initial, double start, double end,
      double[] input, double outputStep) {
    if (!(end >= start) || !(outputStep > 0)) {
      throw new IllegalArgumentException("simulation of " + plant.id() + " needs end >= start"
          + " and a positive output step, got [" + start + ", " + end + "] every "
          + outputStep);
    }
    if (plant.samplePeriod() != 0) {
      throw new IllegalArgumentException(plant.id() + " is a discrete-time plant; only"
          + " continuous plants are integrated");
    }
    double[] disturbance = new double[plant.disturbanceNames().size()];
    Sampler sampler = new Sampler(start, end, outputStep, initial);
    if (end == start) {
      return sampler.trajectory();
    }

    FirstOrderDifferentialEquations equations = new FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return initial.length;
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] yDot) {
        double[] derivative = plant.evaluate(t, y, input, disturbance);
        System.arraycopy(derivative, 0, yDot, 0, yDot.length);
      }
    };
    AdaptiveStepsizeIntegrator integrator = settings.integrator();
    integrator.addStepHandler(sampler);
    double[] state = initial.clone();
    try {
      integrator.integrate(equations, start, state, end, state);
    } catch (NumberIsTooSmallException e) {
      throw failure(plant, sampler, "the integrator needed a step of " + e.getArgument()
          + " s, below its minimum step " + e.getMin() + " s", e);
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      throw failure(plant, sampler, e.getMessage(), e);
    }
    sampler.finish(end, state);
    return sampler.trajectory();
  }

  private IntegrationException failure(SystemDynamics plant, Sampler sampler, String reason,
      Exception cause) {
    Trajectory partial = sampler.partial();
    return new IntegrationException("plant " + plant.id() + ": integration with "
        + settings.method() + " (steps " + settings.minStepS() + " to " + settings.maxStepS()
        + " s, tolerances " + settings.absoluteTolerance() + " / "
        + settings.relativeTolerance() + ") stopped at t = " + sampler.reached + " s: "
        + reason + "; the trajectory up to there is kept (" + partial.size() + " points)",
        partial, sampler.reached, cause);
  }

  /** Records the solution on the output grid, from the dense output of accepted steps. */
  private static final class Sampler implements StepHandler {
    private final double start;
    private final double end;
    private final double step;
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> states = new ArrayList<>();
    private long next = 1;
    private double reached;
    private double[] reachedState;

    Sampler(double start, double end, double step, double[] initial) {
      this.start = start;
      this.end = end;
      this.step = step;
      this.reached = start;
      this.reachedState = initial.clone();
      times.add(start);
      states.add(initial.clone());
    }

    @Override
    public void init(double t0, double[] y0, double t) {
    }

    @Override
    public void handleStep(StepInterpolator interpolator, boolean isLast) {
      double current = interpolator.getCurrentTime();
      double gridTime = start + next * step;
      while (gridTime <= current && gridTime < end) {
        interpolator.setInterpolatedTime(gridTime);
        times.add(gridTime);
        states.add(interpolator.getInterpolatedState().clone());
        next++;
        gridTime = start + next * step;
      }
      interpolator.setInterpolatedTime(current);
      reached = current;
      reachedState = interpolator.getInterpolatedState().clone();
    }

    void finish(double time, double[] state) {
      if (times.get(times.size() - 1) < time) {
        times.add(time);
        states.add(state.clone());
      }
    }

    Trajectory trajectory() {
      return new Trajectory(times.stream().mapToDouble(Double::doubleValue).toArray(),
          states.toArray(double[][]::new));
    }

    /** The grid points so far, and the last accepted time when it is beyond them. */
    Trajectory partial() {
      finish(reached, reachedState);
      return trajectory();
    }
  }
}
