package org.doppel.domains.medical.glucose;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * One virtual patient simulated minute by minute: the UVA/Padova model integrated by an
 * adaptive Dormand–Prince 5(4) method over each minute with the insulin rate and the
 * carbohydrate intake held, and simglucose's eating rule (an announced meal is eaten at
 * 5 g/min from the minute it is announced). Not thread-safe: one simulator per patient run.
 */
final class PatientSimulator {

  /** Minutes per simulation step. */
  static final double STEP_MIN = 1;

  /** How fast an announced meal is eaten, g/min. */
  static final double EAT_RATE = 5;

  private final UvaPadovaModel model;
  private final DormandPrince54Integrator integrator;
  private final double[] state;
  private final double[] next;
  private long minute;
  private double plannedMeal;
  private double lastCarbs;
  private double mealStartStomach;
  private double eaten;
  private double reachedMinute;

  PatientSimulator(VirtualPatient patient, IntegratorSettings settings) {
    settings.check("glucose");
    this.model = new UvaPadovaModel(patient);
    this.integrator = settings.integrator();
    this.state = patient.initialState();
    this.next = new double[state.length];
    this.mealStartStomach = state[UvaPadovaModel.QSTO1] + state[UvaPadovaModel.QSTO2];
    integrator.addStepHandler(new StepHandler() {
      @Override
      public void init(double t0, double[] y0, double t) {
        reachedMinute = t0;
      }

      @Override
      public void handleStep(StepInterpolator interpolator, boolean isLast) {
        reachedMinute = interpolator.getCurrentTime();
      }
    });
  }

  VirtualPatient patient() {
    return model.patient();
  }

  /** The minutes simulated so far. */
  long minute() {
    return minute;
  }

  /** A copy of the state. */
  double[] state() {
    return state.clone();
  }

  /** Plasma glucose, mg/dL. */
  double bloodGlucose() {
    return model.patient().plasmaGlucose(state);
  }

  /** Subcutaneous glucose, mg/dL. */
  double subcutaneousGlucose() {
    return model.patient().subcutaneousGlucose(state);
  }

  /** Carbohydrate announced but not yet eaten, g. */
  double remainingMeal() {
    return plannedMeal;
  }

  /** Adds a meal of {@code grams} to what the patient is going to eat. */
  void announceMeal(double grams) {
    if (!(grams >= 0) || !Double.isFinite(grams)) {
      throw new IllegalArgumentException("meal size must be a finite, non-negative number of"
          + " grams, got " + grams);
    }
    plannedMeal += grams;
  }

  /**
   * Advances one minute with insulin infused at {@code insulin} U/min.
   *
   * @return the carbohydrate eaten in this minute, g
   * @throws IntegrationFailure when the integrator needs a step below its minimum or fails
   */
  double step(double insulin) {
    double carbs = Math.min(EAT_RATE, plannedMeal);
    plannedMeal = Math.max(0, plannedMeal - carbs);

    // A meal's size D, which sets gastric emptying, counts from the minute eating starts.
    if (carbs > 0 && lastCarbs <= 0) {
      mealStartStomach = state[UvaPadovaModel.QSTO1] + state[UvaPadovaModel.QSTO2];
      eaten = 0;
    }
    if (carbs > 0) {
      eaten += carbs;
    }
    lastCarbs = carbs;
    double mealSize = mealStartStomach + 1000 * eaten;

    FirstOrderDifferentialEquations equations = new FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return state.length;
      }

      @Override
      public void computeDerivatives(double t, double[] x, double[] dx) {
        model.derivative(x, insulin, carbs, mealSize, dx);
      }
    };
    double start = minute * STEP_MIN;
    try {
      integrator.integrate(equations, start, state, start + STEP_MIN, next);
    } catch (NumberIsTooSmallException e) {
      throw new IntegrationFailure(reachedMinute, e.getArgument().doubleValue(), e);
    } catch (MathIllegalStateException e) {
      throw new IntegrationFailure(reachedMinute, Double.NaN, e);
    }
    System.arraycopy(next, 0, state, 0, state.length);
    minute++;
    return carbs;
  }

  /** The integrator gave up; the state stays at the start of the failed minute. */
  static final class IntegrationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final double reachedMinute;
    final double neededStep;

    IntegrationFailure(double reachedMinute, double neededStep, Throwable cause) {
      super(cause.getMessage(), cause);
      this.reachedMinute = reachedMinute;
      this.neededStep = neededStep;
    }
  }
}
