package org.doppel.plugins.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.PluginException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;

/**
 * Finds the weight matrices of a surrogate's graph: trainable variables of rank two or
 * more that are not biases. Biases (names ending in {@code /b}) and vectors such as layer
 * norm gains are left alone by every strategy, since they are a small share of the
 * parameters and errors in them shift every output.
 */
final class WeightMatrices {

  private WeightMatrices() {
  }

  /** The names of the weight matrices, in the graph's order. */
  static List<String> names(SameDiff graph) {
    List<String> names = new ArrayList<>();
    for (SDVariable variable : graph.variables()) {
      if (isWeightMatrix(variable)) {
        names.add(variable.name());
      }
    }
    return names;
  }

  /** The names, or an error naming the strategy when the graph has no weight matrix. */
  static List<String> require(SameDiff graph, String strategy) {
    List<String> names = names(graph);
    if (names.isEmpty()) {
      throw new PluginException(strategy + ": the model has no trainable weight matrix "
          + "to compress");
    }
    return names;
  }

  /** The live array of {@code name}: changing it changes the model's forecasts. */
  static INDArray array(SameDiff graph, String name) {
    INDArray array = graph.getArrForVarName(name);
    if (array == null) {
      throw new PluginException("weight matrix '" + name + "' has no array in the graph");
    }
    return array;
  }

  static boolean isWeightMatrix(SDVariable variable) {
    if (variable.getVariableType() != VariableType.VARIABLE) {
      return false;
    }
    if (variable.name().endsWith("/b")) {
      return false;
    }
    INDArray array = variable.getArr();
    return array != null && array.rank() >= 2 && array.dataType().isFPType();
  }

  /** Whether {@code name} is used once, as the right operand of an untransposed product. */
  static boolean isPlainRightOperand(SameDiff graph, String name) {
    Variable variable = graph.getVariables().get(name);
    if (variable == null || variable.getInputsForOp() == null
        || variable.getInputsForOp().size() != 1) {
      return false;
    }
    SameDiffOp op = graph.getOps().get(variable.getInputsForOp().get(0));
    if (op == null || !(op.getOp() instanceof Mmul) || op.getInputsToOp().size() != 2
        || !name.equals(op.getInputsToOp().get(1))) {
      return false;
    }
    Map<String, Object> properties = op.getOp().propertiesForFunction();
    for (String flag : List.of("transposeA", "transposeB", "transposeResult")) {
      if (Boolean.TRUE.equals(properties.get(flag))) {
        return false;
      }
    }
    return true;
  }

  /** The product op that uses {@code name} as its plain right operand, or {@code null}. */
  static SameDiffOp productOf(SameDiff graph, String name) {
    if (!isPlainRightOperand(graph, name)) {
      return null;
    }
    return graph.getOps().get(graph.getVariables().get(name).getInputsForOp().get(0));
  }
}
