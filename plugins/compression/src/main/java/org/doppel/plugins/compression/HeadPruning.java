package org.doppel.plugins.compression;

import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.HeadLayout;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Removal of whole attention heads from blocks laid out as {@link HeadLayout} describes:
 * the query, key and value projections lose the heads' columns, the output projection their
 * rows, and the shape constants the new head count, so every per-head product and the
 * softmax really shrink.
 *
 * <p>A head's importance is how far the model's forecasts on the calibration windows move
 * when that head alone is silenced (its rows of the output projection set to zero): the
 * root-mean-square change. Without calibration windows, the norm of the head's rows of the
 * output projection times the norm of its value columns stands in. At least one head is
 * always kept. Not thread-safe: it changes the graph it is given.
 */
final class HeadPruning {

  private HeadPruning() {
  }

  /** A multi-head block: its prefix, head count and head width. */
  record HeadBlock(String prefix, int heads, int headWidth) {

    String projection(String name, String part) {
      return prefix + name + part;
    }

    List<String> arrays() {
      List<String> names = new ArrayList<>();
      for (String projection : HeadLayout.PROJECTIONS) {
        names.add(projection(projection, HeadLayout.WEIGHT));
        names.add(projection(projection, HeadLayout.BIAS));
      }
      names.add(projection(HeadLayout.OUTPUT, HeadLayout.WEIGHT));
      return names;
    }
  }

  /** The graph's multi-head blocks, found by their head-split shape constants. */
  static List<HeadBlock> blocks(SameDiff graph) {
    List<HeadBlock> blocks = new ArrayList<>();
    for (SDVariable variable : graph.variables()) {
      String name = variable.name();
      if (variable.getVariableType() != VariableType.CONSTANT
          || !name.endsWith(HeadLayout.HEAD_SPLIT)) {
        continue;
      }
      String prefix = name.substring(0, name.length() - HeadLayout.HEAD_SPLIT.length());
      long[] split = variable.getArr().toLongVector();
      HeadBlock block = new HeadBlock(prefix, (int) split[2], (int) split[3]);
      if (complete(graph, block)) {
        blocks.add(block);
      }
    }
    return blocks;
  }

  private static boolean complete(SameDiff graph, HeadBlock block) {
    for (String shape : HeadLayout.SHAPES) {
      if (!graph.hasVariable(block.prefix() + shape)) {
        return false;
      }
    }
    for (String array : block.arrays()) {
      if (!graph.hasVariable(array) || graph.getArrForVarName(array) == null) {
        return false;
      }
    }
    return true;
  }

  /** One score per head; higher means removing it changes the forecasts more. */
  static double[] importance(SurrogateModel model, HeadBlock block,
      CompressionContext context) {
    SameDiff graph = model.graph();
    MultiDataSet calibration = context.calibrationData();
    String outName = block.projection(HeadLayout.OUTPUT, HeadLayout.WEIGHT);
    INDArray output = WeightMatrices.array(graph, outName);
    double[] score = new double[block.heads()];
    if (calibration == null || calibration.getFeatures() == null) {
      INDArray values = WeightMatrices.array(graph,
          block.projection(HeadLayout.PROJECTIONS.get(2), HeadLayout.WEIGHT));
      for (int h = 0; h < block.heads(); h++) {
        score[h] = rows(output, block, h).norm2Number().doubleValue()
            * values.get(NDArrayIndex.all(), columns(block, h)).norm2Number().doubleValue();
      }
      return score;
    }

    INDArray windows = calibration.getFeatures(0);
    INDArray reference = model.predict(windows).castTo(DataType.DOUBLE);
    INDArray kept = output.dup();
    for (int h = 0; h < block.heads(); h++) {
      rows(output, block, h).assign(0);
      INDArray moved = model.predict(windows).castTo(DataType.DOUBLE).sub(reference);
      score[h] = Math.sqrt(moved.mul(moved).meanNumber().doubleValue());
      output.assign(kept);
    }
    return score;
  }

  /**
   * Keeps the heads {@code keep} (increasing) of {@code block}: cuts the projections and
   * rewrites the shape constants.
   */
  static void shrink(SameDiff graph, HeadBlock block, long[] keep) {
    long[] columns = new long[keep.length * block.headWidth()];
    for (int i = 0; i < keep.length; i++) {
      for (int j = 0; j < block.headWidth(); j++) {
        columns[i * block.headWidth() + j] = keep[i] * block.headWidth() + j;
      }
    }

    for (String projection : HeadLayout.PROJECTIONS) {
      String weight = block.projection(projection, HeadLayout.WEIGHT);
      String bias = block.projection(projection, HeadLayout.BIAS);
      INDArray w = WeightMatrices.array(graph, weight);
      graph.associateArrayWithVariable(
          w.get(NDArrayIndex.all(), NDArrayIndex.indices(columns)).dup('c'), weight);
      INDArray b = WeightMatrices.array(graph, bias);
      graph.associateArrayWithVariable(b.get(NDArrayIndex.indices(columns)).dup('c'), bias);
    }
    String outName = block.projection(HeadLayout.OUTPUT, HeadLayout.WEIGHT);
    INDArray out = WeightMatrices.array(graph, outName);
    graph.associateArrayWithVariable(
        out.get(NDArrayIndex.indices(columns), NDArrayIndex.all()).dup('c'), outName);

    for (String shape : HeadLayout.SHAPES) {
      String name = block.prefix() + shape;
      long[] resized = HeadLayout.reshaped(shape, graph.getArrForVarName(name).toLongVector(),
          keep.length, block.headWidth());
      graph.associateArrayWithVariable(Nd4j.createFromArray(resized), name);
    }
  }

  /**
   * With one head left, a head split (reshape to {@code [-1, tokens, 1, d]}, move the head
   * axis, reshape to {@code [-1, tokens, d]}) and the merge back only copy: the last reshape
   * of each is fed the split's input instead, so the graph runs those steps no more (their
   * ops stay in the graph, unused). A split that does not have that form is left as it is.
   *
   * @return how many splits and merges were bypassed
   */
  static int bypassSingleHead(SameDiff graph, HeadBlock block) {
    int bypassed = 0;
    for (String shape : List.of(HeadLayout.HEAD_SPLIT, HeadLayout.CONTEXT_SPLIT)) {
      Variable constant = graph.getVariables().get(block.prefix() + shape);
      if (constant == null || constant.getInputsForOp() == null) {
        continue;
      }
      for (String split : List.copyOf(constant.getInputsForOp())) {
        if (bypass(graph, graph.getOps().get(split))) {
          bypassed++;
        }
      }
    }
    return bypassed;
  }

  private static boolean bypass(SameDiff graph, SameDiffOp split) {
    SameDiffOp permute = onlyConsumer(graph, split, "permute");
    SameDiffOp merge = permute == null ? null : onlyConsumer(graph, permute, "reshape");
    if (merge == null || !"reshape".equals(split.getOp().opName())) {
      return false;
    }
    SDVariable input = graph.getVariable(split.getInputsToOp().get(0));
    graph.replaceArgFor(0, input, merge.getOp());
    return true;
  }

  /** The one op that reads {@code op}'s only output, if it is a {@code name} op. */
  private static SameDiffOp onlyConsumer(SameDiff graph, SameDiffOp op, String name) {
    List<String> outputs = op.getOutputsOfOp();
    if (outputs == null || outputs.size() != 1) {
      return null;
    }
    List<String> consumers = graph.getVariables().get(outputs.get(0)).getInputsForOp();
    if (consumers == null || consumers.size() != 1) {
      return null;
    }
    SameDiffOp consumer = graph.getOps().get(consumers.get(0));
    return name.equals(consumer.getOp().opName()) ? consumer : null;
  }

  private static INDArray rows(INDArray output, HeadBlock block, int head) {
    return output.get(columns(block, head), NDArrayIndex.all());
  }

  private static INDArrayIndex columns(HeadBlock block, int head) {
    return NDArrayIndex.interval((long) head * block.headWidth(),
        (long) (head + 1) * block.headWidth());
  }

  /** Checks that the output projection has heads x head width rows, or names the block. */
  static void requireConsistent(String strategy, SameDiff graph, HeadBlock block) {
    long inner = WeightMatrices.array(graph, block.projection(HeadLayout.OUTPUT,
        HeadLayout.WEIGHT)).size(0);
    if (inner != (long) block.heads() * block.headWidth()) {
      throw new PluginException(strategy + ": attention block '" + block.prefix() + "' has "
          + inner + " output rows, not heads x head width = " + block.heads() + " x "
          + block.headWidth());
    }
  }
}
