package org.doppel.runtime.data;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Z-score standardisation: each column minus its mean, divided by its population standard
 * deviation, so training features have mean 0 and standard deviation 1.
 *
 * <p>A column whose values are all equal would divide by 0; by default it scales by 1
 * around its value (so it becomes 0 and inverse-transforms back exactly) with a warning
 * naming it, and under {@link ConstantColumnPolicy#REJECT} fitting fails naming it.
 * A column counts as constant only when all its values are exactly equal. Immutable and
 * thread-safe.
 */
public final class Standardizer implements FeatureScaler {

  private static final Logger LOG = LoggerFactory.getLogger(Standardizer.class);

  private final AffineScaling scaling;

  private Standardizer(AffineScaling scaling) {
    this.scaling = scaling;
  }

  /** Fits {@code rows} ({@code rows × columns}), scaling constant columns by 1. */
  public static Standardizer fit(List<String> columns, double[][] rows) {
    return fit(columns, rows, ConstantColumnPolicy.SCALE_BY_ONE);
  }

  /**
   * Fits {@code rows} ({@code rows × columns}).
   *
   * @throws IllegalArgumentException when there are no rows, a value is not finite, a row
   *     has the wrong width, or a column is constant under {@link ConstantColumnPolicy#REJECT}
   */
  public static Standardizer fit(List<String> columns, double[][] rows,
      ConstantColumnPolicy policy) {
    return new Standardizer(AffineScaling.fit(ScalerState.STANDARD, "std", columns, rows,
        policy, Standardizer::meanAndStd, LOG));
  }

  /**
   * The standardiser a saved state describes.
   *
   * @throws IllegalArgumentException when the state is of another method
   */
  public static Standardizer fromState(ScalerState state) {
    if (!state.method().equals(ScalerState.STANDARD)) {
      throw new IllegalArgumentException("not a standardiser's state: method '"
          + state.method() + "'");
    }
    return new Standardizer(new AffineScaling(state));
  }

  private static double[] meanAndStd(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    double mean = sum / values.length;

    // Two passes: summing squared deviations from the mean avoids the cancellation of
    // E[x^2] - E[x]^2 on large, nearly equal values such as grid loads in MW.
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return new double[] {mean, Math.sqrt(squares / values.length)};
  }

  @Override
  public List<String> columns() {
    return scaling.state().columns();
  }

  @Override
  public ScalerState state() {
    return scaling.state();
  }

  @Override
  public double[][] transform(double[][] rows) {
    return scaling.transform(rows);
  }

  @Override
  public double[][] inverseTransform(double[][] rows) {
    return scaling.inverseTransform(rows);
  }

  @Override
  public double[] transformColumn(String column, double[] values) {
    return scaling.transformColumn(column, values);
  }

  @Override
  public double[] inverseTransformColumn(String column, double[] values) {
    return scaling.inverseTransformColumn(column, values);
  }

  @Override
  public String toString() {
    return "Standardizer" + scaling.state().toMap();
  }
}
