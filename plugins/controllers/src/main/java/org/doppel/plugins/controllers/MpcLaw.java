package org.doppel.plugins.controllers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The receding-horizon law of {@link MpcController}. Not thread-safe: one law, one loop.
 */
final class MpcLaw implements ControlLaw {

  /** Slack on the warm start's constraints; the solver's own tolerance is tighter. */
  private static final double FEASIBLE = 1e-9;

  /**
   * The condensed program is small and dense; ojAlgo's dense active-set path solved the LFC
   * program several times faster than letting it choose (see docs/notes/controllers.md).
   */
  private static final Optimisation.Options DENSE = new Optimisation.Options();

  static {
    DENSE.sparse = Boolean.FALSE;
  }

  private final Prediction prediction;
  private final InputLimits limits;
  private final StateLimits stateLimits;
  private final double[][] lqrGain;
  private final Map<String, Object> design;
  private final R064Store hessian;
  private final Constraints firstStep;
  private final Constraints later;
  private double[] previous;
  private double[] plan;
  private long steps;
  private long fallbackSteps;
  private long warmStarts;
  private long solveNanos;
  private long slowestSolveNanos;

  MpcLaw(Prediction prediction, InputLimits limits, StateLimits stateLimits, RealMatrix lqrGain,
      Map<String, Object> design) {
    this.prediction = prediction;
    this.limits = limits;
    this.stateLimits = stateLimits;
    this.lqrGain = lqrGain.getData();
    this.design = new LinkedHashMap<>(design);
    this.hessian = R064Store.FACTORY.rows(prediction.hessian);
    this.firstStep = new Constraints(false);
    this.later = new Constraints(true);
  }

  int constraintRows() {
    return later.kind.length;
  }

  @Override
  public double[] input(long step, double[] stateEstimate, double[][] disturbanceForecast) {
    int n = prediction.states;
    int m = prediction.inputs;
    if (stateEstimate.length != n) {
      throw new PluginException("state estimate has " + stateEstimate.length + " values for "
          + n + " states");
    }
    double[] disturbances = stackedDisturbances(disturbanceForecast);
    double[] freeResponse = add(Prediction.times(prediction.phi, stateEstimate),
        Prediction.times(prediction.psi, disturbances));
    double[] linear = add(Prediction.times(prediction.stateMap, stateEstimate),
        Prediction.times(prediction.disturbanceMap, disturbances));

    long started = System.nanoTime();
    double[] solution = solve(previous == null ? firstStep : later, linear, freeResponse);
    long elapsed = System.nanoTime() - started;
    solveNanos += elapsed;
    slowestSolveNanos = Math.max(slowestSolveNanos, elapsed);

    double[] wanted;
    if (solution == null) {
      fallbackSteps++;
      plan = null;
      wanted = lqrInput(stateEstimate);
    } else {
      plan = solution;
      wanted = new double[m];
      System.arraycopy(solution, 0, wanted, 0, m);
    }
    // The solver meets the limits to its tolerance; clipping makes them exact.
    double[] u = limits.apply(wanted, previous);
    steps++;
    previous = u;
    return u.clone();
  }

  /** The optimal plan U, or null when the program is infeasible or the solver fails. */
  private double[] solve(Constraints constraints, double[] linear, double[] freeResponse) {
    int size = linear.length;
    R064Store c = R064Store.FACTORY.make(size, 1);
    for (int i = 0; i < size; i++) {
      c.set(i, 0, -linear[i]);
    }
    ConvexSolver.Builder builder = ConvexSolver.newBuilder().objective(hessian, c);
    double[] bounds = null;
    if (constraints.kind.length > 0) {
      bounds = constraints.bounds(previous, freeResponse);
      builder.inequalities(constraints.matrix, R064Store.FACTORY.column(bounds));
    }
    ConvexSolver solver = builder.build(DENSE);

    Optimisation.Result result;
    double[] start = shiftedPlan();
    if (start != null && (bounds == null || constraints.satisfied(start, bounds))) {
      warmStarts++;
      result = solver.solve(Optimisation.Result.of(Optimisation.State.FEASIBLE, start));
    } else {
      result = solver.solve();
    }
    if (!result.getState().isFeasible() || result.size() != size) {
      return null;
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = result.doubleValue(i);
      if (!Double.isFinite(values[i])) {
        return null;
      }
    }
    if (bounds != null && !constraints.satisfied(values, bounds, 1e-6)) {
      return null;
    }
    return values;
  }

  /** The last plan moved one step on, its final input held; null when there is none. */
  private double[] shiftedPlan() {
    if (plan == null) {
      return null;
    }
    int m = prediction.inputs;
    double[] shifted = new double[plan.length];
    System.arraycopy(plan, m, shifted, 0, plan.length - m);
    System.arraycopy(plan, plan.length - m, shifted, plan.length - m, m);
    return shifted;
  }

  private double[] lqrInput(double[] x) {
    double[] u = new double[lqrGain.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < x.length; j++) {
        u[i] -= lqrGain[i][j] * x[j];
      }
    }
    return u;
  }

  /** W = [w_0; ...; w_{N-1}], the forecast's last row held; zero without a forecast. */
  private double[] stackedDisturbances(double[][] forecast) {
    int d = prediction.disturbances;
    double[] stacked = new double[prediction.horizon * d];
    if (forecast == null || forecast.length == 0 || d == 0) {
      return stacked;
    }
    for (int k = 0; k < prediction.horizon; k++) {
      double[] row = forecast[Math.min(k, forecast.length - 1)];
      if (row.length != d) {
        throw new PluginException("disturbance forecast row " + k + " has " + row.length
            + " values for " + d + " disturbances");
      }
      System.arraycopy(row, 0, stacked, k * d, d);
    }
    return stacked;
  }

  private static double[] add(double[] x, double[] y) {
    double[] sum = x.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += y[i];
    }
    return sum;
  }

  @Override
  public Map<String, Object> diagnostics() {
    Map<String, Object> diagnostics = new LinkedHashMap<>(design);
    diagnostics.put("steps", steps);
    diagnostics.put("fallback_steps", fallbackSteps);
    diagnostics.put("warm_starts", warmStarts);
    diagnostics.put("constraint_rows", constraintRows());
    diagnostics.put("qp_mean_us", steps == 0 ? 0.0 : solveNanos / 1e3 / steps);
    diagnostics.put("qp_max_us", slowestSolveNanos / 1e3);
    return diagnostics;
  }

  private static final int INPUT_MAX = 0;
  private static final int INPUT_MIN = 1;
  private static final int RATE_UP = 2;
  private static final int RATE_DOWN = 3;
  private static final int STATE_MAX = 4;
  private static final int STATE_MIN = 5;

  /**
   * The inequality rows A U ≤ b of the program, fixed at design; b is filled each step from
   * the previous input and the free response. The first step has no previous input, so no
   * rate rows for u_0.
   */
  private final class Constraints {

    final int[] kind;
    final int[] step;
    final int[] index;
    final R064Store matrix;

    Constraints(boolean rateOnFirstInput) {
      int m = prediction.inputs;
      int n = prediction.states;
      int size = prediction.horizon * m;
      List<double[]> rows = new ArrayList<>();
      List<int[]> tags = new ArrayList<>();
      for (int k = 0; k < prediction.horizon; k++) {
        for (int j = 0; j < m; j++) {
          int column = k * m + j;
          if (Double.isFinite(limits.max(j))) {
            rows.add(unit(size, column, 1));
            tags.add(new int[] {INPUT_MAX, k, j});
          }
          if (Double.isFinite(limits.min(j))) {
            rows.add(unit(size, column, -1));
            tags.add(new int[] {INPUT_MIN, k, j});
          }
          if (Double.isFinite(limits.stepMax(j)) && (k > 0 || rateOnFirstInput)) {
            double[] up = unit(size, column, 1);
            if (k > 0) {
              up[column - m] = -1;
            }
            rows.add(up);
            tags.add(new int[] {RATE_UP, k, j});
            double[] down = up.clone();
            for (int i = 0; i < size; i++) {
              down[i] = -down[i];
            }
            rows.add(down);
            tags.add(new int[] {RATE_DOWN, k, j});
          }
        }
      }
      for (int k = 0; k < prediction.horizon; k++) {
        for (int i = 0; i < n; i++) {
          double[] predicted = prediction.gamma[k * n + i];
          if (Double.isFinite(stateLimits.max()[i])) {
            rows.add(predicted.clone());
            tags.add(new int[] {STATE_MAX, k, i});
          }
          if (Double.isFinite(stateLimits.min()[i])) {
            double[] negated = predicted.clone();
            for (int c = 0; c < size; c++) {
              negated[c] = -negated[c];
            }
            rows.add(negated);
            tags.add(new int[] {STATE_MIN, k, i});
          }
        }
      }
      kind = tags.stream().mapToInt(t -> t[0]).toArray();
      step = tags.stream().mapToInt(t -> t[1]).toArray();
      index = tags.stream().mapToInt(t -> t[2]).toArray();
      matrix = rows.isEmpty() ? null : R064Store.FACTORY.rows(rows.toArray(double[][]::new));
    }

    double[] bounds(double[] previousInput, double[] freeResponse) {
      int n = prediction.states;
      double[] b = new double[kind.length];
      for (int r = 0; r < b.length; r++) {
        int j = index[r];
        b[r] = switch (kind[r]) {
          case INPUT_MAX -> limits.max(j);
          case INPUT_MIN -> -limits.min(j);
          case RATE_UP -> limits.stepMax(j) + (step[r] == 0 ? previousInput[j] : 0);
          case RATE_DOWN -> limits.stepMax(j) - (step[r] == 0 ? previousInput[j] : 0);
          case STATE_MAX -> stateLimits.max()[j] - freeResponse[step[r] * n + j];
          case STATE_MIN -> -stateLimits.min()[j] + freeResponse[step[r] * n + j];
          default -> throw new IllegalStateException("constraint kind " + kind[r]);
        };
      }
      return b;
    }

    boolean satisfied(double[] u, double[] b) {
      return satisfied(u, b, FEASIBLE);
    }

    boolean satisfied(double[] u, double[] b, double slack) {
      for (int r = 0; r < b.length; r++) {
        double sum = 0;
        for (int c = 0; c < u.length; c++) {
          sum += matrix.doubleValue(r, c) * u[c];
        }
        if (sum > b[r] + slack * Math.max(1, Math.abs(b[r]))) {
          return false;
        }
      }
      return true;
    }

    private double[] unit(int size, int column, double value) {
      double[] row = new double[size];
      row[column] = value;
      return row;
    }
  }
}
