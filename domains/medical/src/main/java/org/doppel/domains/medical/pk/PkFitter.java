package org.doppel.domains.medical.pk;

import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.util.Pair;

/**
 * Fits a {@link PkModel} to one subject's samples by non-linear least squares (Commons
 * Math's Levenberg–Marquardt) in log-parameter space, from each of the model's starting
 * points, keeping the lowest cost. With a {@link PopulationPrior} the fit is the maximum a
 * posteriori estimate: the residuals are divided by the prior's residual SD and the
 * log-parameters' departures from the prior mean, divided by the prior SD, are added as
 * residuals (the usual Bayesian dose-individualisation fit).
 *
 * <p>The Jacobian is by central differences on the log-parameters (step 1e-6), accurate to
 * about 1e-10 relative on these smooth curves. Stateless and thread-safe.
 */
public final class PkFitter {

  private static final double STEP = 1e-6;
  private static final int MAX_ITERATIONS = 2000;
  private static final double SINGULAR = 1e-14;

  private PkFitter() {
  }

  /**
   * The least-squares fit of every sample of {@code subject}.
   *
   * @throws IllegalStateException naming the subject when no start converges
   */
  public static PkFit fit(PkModel model, PkSubject subject) {
    return fit(model, subject, null);
  }

  /**
   * The maximum a posteriori fit of {@code subject}'s samples under {@code prior}; without
   * a prior ({@code null}) the plain least-squares fit.
   *
   * @throws IllegalStateException naming the subject when no start converges
   */
  public static PkFit fit(PkModel model, PkSubject subject, PopulationPrior prior) {
    PkFit best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    RuntimeException lastFailure = null;
    for (double[] start : prior == null ? model.startingPoints(subject)
        : java.util.List.of(prior.typical(subject))) {
      try {
        Attempt attempt = attempt(model, subject, prior, start);
        if (attempt.cost < bestCost) {
          bestCost = attempt.cost;
          best = attempt.fit;
        }
      } catch (MathIllegalStateException | SingularMatrixException e) {
        lastFailure = e;
      }
    }
    if (best == null) {
      throw new IllegalStateException("the " + model.parameterNames() + " fit of " + subject
          + " did not converge from any starting point: " + lastFailure.getMessage(),
          lastFailure);
    }
    return best;
  }

  private static Attempt attempt(PkModel model, PkSubject subject, PopulationPrior prior,
      double[] start) {
    double[] times = subject.timesH();
    double[] observed = subject.concentrations();
    int n = times.length;
    int p = start.length;
    double scale = prior == null ? 1 : prior.residualSd();
    double[] target = new double[prior == null ? n : n + p];
    for (int i = 0; i < n; i++) {
      target[i] = observed[i] / scale;
    }

    MultivariateJacobianFunction function = point -> {
      double[] log = point.toArray();
      double[] value = values(model, subject, prior, log, scale);
      double[][] jacobian = new double[value.length][p];
      for (int j = 0; j < p; j++) {
        double[] up = log.clone();
        double[] down = log.clone();
        up[j] += STEP;
        down[j] -= STEP;
        double[] high = values(model, subject, prior, up, scale);
        double[] low = values(model, subject, prior, down, scale);
        for (int i = 0; i < value.length; i++) {
          jacobian[i][j] = (high[i] - low[i]) / (2 * STEP);
        }
      }
      return new Pair<>(new ArrayRealVector(value, false),
          new Array2DRowRealMatrix(jacobian, false));
    };
    double[] logStart = Arrays.stream(start).map(Math::log).toArray();
    LeastSquaresProblem problem = new LeastSquaresBuilder().start(logStart).model(function)
        .target(target).lazyEvaluation(false).maxIterations(MAX_ITERATIONS)
        .maxEvaluations(MAX_ITERATIONS).build();
    LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
        .optimize(problem);

    double[] log = optimum.getPoint().toArray();
    // A prior breaks the flip-flop symmetry, so only a plain fit is put in canonical form.
    double[] natural = Arrays.stream(log).map(Math::exp).toArray();
    double[] parameters = prior == null ? model.canonical(natural) : natural;
    double[] canonicalLog = Arrays.stream(parameters).map(Math::log).toArray();
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double r = observed[i] - model.concentration(parameters, subject.doseMg(), times[i]);
      rss += r * r;
    }
    double residualSd = n > p ? Math.sqrt(rss / (n - p)) : Double.NaN;

    // Covariance at the canonical point (the flip-flop twin has its own Jacobian).
    RealVector at = new ArrayRealVector(canonicalLog, false);
    RealMatrix jacobian = function.value(at).getSecond();
    double[][] covariance = covariance(jacobian, prior == null ? residualSd * residualSd : 1);
    double[] errors = new double[p];
    for (int j = 0; j < p; j++) {
      errors[j] = parameters[j] * Math.sqrt(covariance[j][j]);
    }
    PkFit fit = new PkFit(model, parameters, errors, covariance, residualSd,
        Math.sqrt(rss / n), n, optimum.getIterations());
    return new Attempt(fit, optimum.getCost());
  }

  private static double[][] covariance(RealMatrix jacobian, double variance) {
    int p = jacobian.getColumnDimension();
    double[][] nan = new double[p][p];
    for (double[] row : nan) {
      Arrays.fill(row, Double.NaN);
    }
    if (!Double.isFinite(variance)) {
      return nan;
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(
        jacobian.transpose().multiply(jacobian));
    double[] singular = svd.getSingularValues();
    if (!(singular[p - 1] > SINGULAR * singular[0])) {
      return nan;
    }
    return svd.getSolver().getInverse().scalarMultiply(variance).getData();
  }

  private static double[] values(PkModel model, PkSubject subject, PopulationPrior prior,
      double[] log, double scale) {
    double[] times = subject.timesH();
    double[] parameters = Arrays.stream(log).map(Math::exp).toArray();
    int n = times.length;
    double[] values = new double[prior == null ? n : n + log.length];
    for (int i = 0; i < n; i++) {
      values[i] = model.concentration(parameters, subject.doseMg(), times[i]) / scale;
    }
    if (prior != null) {
      double[] mean = prior.logMean(subject);
      double[] sd = prior.logSd();
      for (int j = 0; j < log.length; j++) {
        values[n + j] = (log[j] - mean[j]) / sd[j];
      }
    }
    return values;
  }

  private record Attempt(PkFit fit, double cost) {
  }
}
