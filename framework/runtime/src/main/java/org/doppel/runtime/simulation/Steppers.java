package org.doppel.runtime.simulation;

import java.util.Optional;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses and builds the stepper for a plant, as {@link Integration} describes. */
final class Steppers {

  private static final Logger LOG = LoggerFactory.getLogger(Steppers.class);

  private static final double[] PROBE_SCALES = {1e-3, 1, 1e3};
  private static final double[] PROBE_TIMES = {0, 1000};
  private static final double PROBE_TOLERANCE = 1e-9;
  private static final double PERIOD_TOLERANCE = 1e-9;

  /** A stepper and the method it implements. */
  record Chosen(PlantStepper stepper, Integration integration) {
  }

  private Steppers() {
  }

  static Chosen choose(SystemDynamics plant, Integration requested, double dt) {
    int n = plant.stateNames().size();
    if (plant.samplePeriod() > 0) {
      return discrete(plant, requested, dt);
    }
    switch (requested) {
      case RUNGE_KUTTA_4:
        return new Chosen(new RungeKuttaStepper(plant, dt, n), Integration.RUNGE_KUTTA_4);
      case EXACT_ZERO_ORDER_HOLD:
        return new Chosen(zeroOrderHold(plant, dt), Integration.EXACT_ZERO_ORDER_HOLD);
      case DISCRETE_MAP:
        throw new SimulationException("plant '" + plant.id() + "' is continuous; the discrete"
            + " map applies to discrete-time plants only", null);
      default:
        Optional<Linearization> linear = linearModel(plant);
        Optional<String> disagreement = linear.flatMap(model -> disagreement(plant, model));
        if (linear.isPresent() && disagreement.isEmpty()) {
          return new Chosen(new ZeroOrderHoldStepper(linear.get().discretize(dt)),
              Integration.EXACT_ZERO_ORDER_HOLD);
        }
        LOG.debug("Plant [{}] is simulated by RK4: {}", plant.id(),
            disagreement.orElse("it offers no continuous linearisation"));
        return new Chosen(new RungeKuttaStepper(plant, dt, n), Integration.RUNGE_KUTTA_4);
    }
  }

  private static Chosen discrete(SystemDynamics plant, Integration requested, double dt) {
    if (requested != Integration.AUTO && requested != Integration.DISCRETE_MAP) {
      throw new SimulationException("plant '" + plant.id() + "' is discrete (period "
          + plant.samplePeriod() + " s); " + requested + " applies to continuous plants", null);
    }
    if (Math.abs(plant.samplePeriod() - dt) > PERIOD_TOLERANCE * dt) {
      throw new SimulationException("plant '" + plant.id() + "' steps every "
          + plant.samplePeriod() + " s but the loop samples every " + dt + " s", null);
    }
    return new Chosen(new DiscreteMapStepper(plant), Integration.DISCRETE_MAP);
  }

  private static PlantStepper zeroOrderHold(SystemDynamics plant, double dt) {
    Linearization linear = linearModel(plant).orElseThrow(() -> new SimulationException(
        "plant '" + plant.id() + "' offers no linearisation; simulate it with "
            + Integration.RUNGE_KUTTA_4, null));
    Optional<String> disagreement = disagreement(plant, linear);
    if (disagreement.isPresent()) {
      throw new SimulationException("plant '" + plant.id() + "' is not linear: "
          + disagreement.get() + "; simulate it with " + Integration.RUNGE_KUTTA_4, null);
    }
    return new ZeroOrderHoldStepper(linear.discretize(dt));
  }

  private static Optional<Linearization> linearModel(SystemDynamics plant) {
    double[] origin = new double[plant.stateNames().size()];
    double[] noInput = new double[plant.inputNames().size()];
    try {
      Linearization linear = plant.linearize(origin, noInput);
      return linear.continuous() ? Optional.of(linear) : Optional.empty();
    } catch (UnsupportedOperationException noLinearisation) {
      return Optional.empty();
    }
  }

  /** Where {@code evaluate} differs from the linear model, if anywhere on the probes. */
  private static Optional<String> disagreement(SystemDynamics plant, Linearization linear) {
    int n = linear.states();
    int m = linear.inputs();
    int d = Math.max(linear.disturbances(), plant.disturbanceNames().size());
    if (linear.disturbances() != plant.disturbanceNames().size()) {
      return Optional.of("its linearisation has " + linear.disturbances()
          + " disturbance columns for " + plant.disturbanceNames().size() + " disturbances");
    }
    double[][] a = linear.a();
    double[][] b = linear.b();
    double[][] g = linear.g();
    for (double time : PROBE_TIMES) {
      for (double scale : PROBE_SCALES) {
        for (int direction = -1; direction < n + m + d; direction++) {
          double[] x = new double[n];
          double[] u = new double[m];
          double[] w = new double[d];
          setProbe(direction, scale, x, u, w);
          double[] exact = plant.evaluate(time, x, u, w);
          double[] model = affine(a, b, g, x, u, w);
          for (int i = 0; i < n; i++) {
            double allowed = PROBE_TOLERANCE * (Math.abs(model[i]) + Math.abs(exact[i]) + scale);
            if (!(Math.abs(exact[i] - model[i]) <= allowed)) {
              return Optional.of("at t = " + time + " s, probe scale " + scale + ", state "
                  + plant.stateNames().get(i) + " evaluates to " + exact[i]
                  + " where the linearisation gives " + model[i]);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Direction -1 sets every entry to {@code scale}; otherwise one entry of x, u or w. */
  private static void setProbe(int direction, double scale, double[] x, double[] u,
      double[] w) {
    if (direction < 0) {
      java.util.Arrays.fill(x, scale);
      java.util.Arrays.fill(u, scale);
      java.util.Arrays.fill(w, scale);
    } else if (direction < x.length) {
      x[direction] = scale;
    } else if (direction < x.length + u.length) {
      u[direction - x.length] = scale;
    } else {
      w[direction - x.length - u.length] = scale;
    }
  }

  private static double[] affine(double[][] a, double[][] b, double[][] g, double[] x,
      double[] u, double[] w) {
    double[] result = new double[x.length];
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
      result[i] = sum;
    }
    return result;
  }
}
