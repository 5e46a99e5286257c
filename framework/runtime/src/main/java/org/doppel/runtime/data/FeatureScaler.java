package org.doppel.runtime.data;

import java.util.List;

/**
 * A fitted per-column affine scaling of feature rows ({@code rows × columns}), and its
 * inverse.
 *
 * <p>Implementations are immutable and thread-safe. Every method returns new arrays and
 * throws {@link IllegalArgumentException} naming the row and column of a value that is not
 * finite, or a row of the wrong width.
 */
public interface FeatureScaler {

  /** The column names, in the order of each row's values. */
  List<String> columns();

  /** The fitted state, to save beside a model. */
  ScalerState state();

  /** Scales every row. */
  double[][] transform(double[][] rows);

  /** Undoes {@link #transform(double[][])}. */
  double[][] inverseTransform(double[][] rows);

  /** Scales the values of one column, such as a forecast target. */
  double[] transformColumn(String column, double[] values);

  /** Undoes {@link #transformColumn(String, double[])}, such as for a forecast. */
  double[] inverseTransformColumn(String column, double[] values);

  /**
   * The scaler a saved state describes.
   *
   * @throws IllegalArgumentException when the state's method is unknown
   */
  static FeatureScaler fromState(ScalerState state) {
    return switch (state.method()) {
      case ScalerState.STANDARD -> Standardizer.fromState(state);
      case ScalerState.MIN_MAX -> MinMaxNormalizer.fromState(state);
      default -> throw new IllegalArgumentException("unknown scaling method '"
          + state.method() + "'; known: " + List.of(ScalerState.STANDARD, ScalerState.MIN_MAX));
    };
  }
}
