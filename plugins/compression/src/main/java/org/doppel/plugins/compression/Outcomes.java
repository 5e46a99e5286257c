package org.doppel.plugins.compression;

import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Checks every strategy runs on its result before handing it back. */
final class Outcomes {

  private Outcomes() {
  }

  /**
   * Fails, naming the strategy and the variable, when a trainable array of the model to
   * compress holds NaN or infinity: no strategy can make such a model sound, and int8
   * rounding would silently turn NaN into 0.
   */
  static void requireFiniteInput(String strategy, SurrogateModel model) {
    for (SDVariable variable : model.graph().variables()) {
      if (variable.getVariableType() == VariableType.VARIABLE && variable.getArr() != null
          && !isFinite(variable.getArr())) {
        throw new PluginException(strategy + ": weight '" + variable.name()
            + "' of the model to compress holds NaN or infinity");
      }
    }
  }

  /**
   * Fails, naming the strategy, when a trainable array or the forecasts on the calibration
   * windows hold NaN or infinity: the framework then keeps the uncompressed model.
   */
  static void requireFinite(String strategy, SurrogateModel model, CompressionContext context) {
    for (SDVariable variable : model.graph().variables()) {
      if (variable.getVariableType() == VariableType.VARIABLE && variable.getArr() != null
          && !isFinite(variable.getArr())) {
        throw new PluginException(strategy + ": weight '" + variable.name()
            + "' holds NaN or infinity after compression");
      }
    }

    MultiDataSet calibration = context.calibrationData();
    if (calibration == null || calibration.getFeatures() == null
        || calibration.getFeatures().length == 0) {
      return;
    }
    INDArray forecasts = model.predict(calibration.getFeatures(0));
    if (!isFinite(forecasts)) {
      throw new PluginException(strategy + ": the compressed model forecasts NaN or "
          + "infinity on the calibration windows");
    }
  }

  static boolean isFinite(INDArray array) {
    if (array.isEmpty()) {
      return true;
    }
    return !array.isNaN().any() && !array.isInfinite().any();
  }

  /** A fraction rounded to four decimals, as the report shows it. */
  static double fraction(long part, long whole) {
    return whole == 0 ? 0.0 : Math.round(1e4 * part / (double) whole) / 1e4;
  }
}
