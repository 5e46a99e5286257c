package org.doppel.runtime.data;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Min-max scaling: each column minus its minimum, divided by its range, so training
 * features lie in [0, 1]; values outside the fitted range map outside [0, 1].
 *
 * <p>A column whose values are all equal would divide by 0; by default it scales by 1
 * around its value (so it becomes 0 and inverse-transforms back exactly) with a warning
 * naming it, and under {@link ConstantColumnPolicy#REJECT} fitting fails naming it.
 * A column counts as constant only when all its values are exactly equal. Immutable and
 * thread-safe.
 */
public final class MinMaxNormalizer implements FeatureScaler {

  private static final Logger LOG = LoggerFactory.getLogger(MinMaxNormalizer.class);

  private final AffineScaling scaling;

  private MinMaxNormalizer(AffineScaling scaling) {
    this.scaling = scaling;
  }

  /** Fits {@code rows} ({@code rows × columns}), scaling constant columns by 1. */
  public static MinMaxNormalizer fit(List<String> columns, double[][] rows) {
    return fit(columns, rows, ConstantColumnPolicy.SCALE_BY_ONE);
  }

  /**
   * Fits {@code rows} ({@code rows × columns}).
   *
   * @throws IllegalArgumentException when there are no rows, a value is not finite, a row
   *     has the wrong width, or a column is constant under {@link ConstantColumnPolicy#REJECT}
   */
  public static MinMaxNormalizer fit(List<String> columns, double[][] rows,
      ConstantColumnPolicy policy) {
    return new MinMaxNormalizer(AffineScaling.fit(ScalerState.MIN_MAX, "range", columns, rows,
        policy, MinMaxNormalizer::minAndRange, LOG));
  }

  /**
   * The standardiser a saved state describes.
   *
   * @throws IllegalArgumentException when the state is of another method
   */
  public static MinMaxNormalizer fromState(ScalerState state) {
    if (!state.method().equals(ScalerState.MIN_MAX)) {
      throw new IllegalArgumentException("not a min-max normaliser's state: method '"
          + state.method() + "'");
    }
    return new MinMaxNormalizer(new AffineScaling(state));
  }

  private static double[] minAndRange(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    return new double[] {min, max - min};
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
    return "MinMaxNormalizer" + scaling.state().toMap();
  }
}
