package org.doppel.plugins.compression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured pruning of hidden neurons: in every block {@code act(x·W1 + b) · W2} where the
 * hidden activations feed nothing else, the least important {@code sparsity} share of the
 * hidden neurons is removed, so {@code W1 [in, h]}, {@code b [h]} and {@code W2 [h, out]}
 * really shrink to {@code h'} and both products do less work.
 *
 * <p>A neuron's importance is the root-mean-square of its activation on the calibration
 * windows times the norm of its outgoing weights (without calibration windows, the norm of
 * its incoming weights stands in for the activation). Blocks are found in the graph: a
 * plain product by a weight matrix, then only an optional bias add and element-wise
 * activations, then a plain product by the next weight matrix. Hidden states that also feed
 * a residual connection or an attention head are left whole, since their width is shared.
 * Attention blocks laid out as {@link org.doppel.sdk.attention.HeadLayout} describes lose
 * the least important {@code sparsity} share of their heads (see {@link HeadPruning}), at
 * least one head kept. {@code fine_tune_epochs} (default 0) trains the shrunk model
 * afterwards. Stateless and thread-safe.
 */
public final class StructuredPruning implements CompressionStrategy {

  static final String ID = "prune-structured";

  private static final Logger LOG = LoggerFactory.getLogger(StructuredPruning.class);

  private static final Set<String> KNOWN = Set.of("sparsity", "fine_tune_epochs");

  /** Element-wise ops a hidden neuron's value may pass through on its way to W2. */
  private static final Set<String> ELEMENTWISE = Set.of("tanh", "relu", "relu6", "sigmoid",
      "gelu", "precise_gelu", "elu", "selu", "leakyrelu", "swish", "softplus", "softsign",
      "identity", "hard_tanh", "hardtanh", "mish");

  private static final Set<String> BIAS_OPS = Set.of("add", "biasadd");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Removes the least important hidden neurons of dense blocks and heads of "
        + "attention blocks, so the weight matrices and per-head products shrink.";
  }

  @Override
  public void validate(Parameters parameters) {
    parameters.requireOnly(KNOWN);
    sparsity(parameters);
    fineTuneEpochs(parameters);
  }

  /** Also refuses, before training, a network with nothing this strategy can remove. */
  @Override
  public void validate(Parameters parameters, SurrogateModel untrained) {
    validate(parameters);
    SameDiff graph = untrained.graph();
    requireSomethingToRemove(graph, blocks(graph), HeadPruning.blocks(graph));
  }

  /** At least one block of two or more hidden neurons, or of two or more heads. */
  private static void requireSomethingToRemove(SameDiff graph, List<Block> blocks,
      List<HeadPruning.HeadBlock> headBlocks) {
    boolean neurons = blocks.stream()
        .anyMatch(block -> WeightMatrices.array(graph, block.in).size(1) > 1);
    boolean heads = headBlocks.stream().anyMatch(block -> block.heads() > 1);
    if (!neurons && !heads) {
      throw new PluginException(ID + ": the model has nothing it can remove: no dense block "
          + "with two or more hidden neurons (a weight product, a bias and activations, "
          + "another weight product) and no attention block of two or more heads laid out "
          + "for pruning; the 'multi-head' variant has heads and 'none' has a dense block");
    }
  }

  private static int fineTuneEpochs(Parameters parameters) {
    return FineTuning.epochs(ID, parameters, "fine_tune_epochs", 0, 0);
  }

  @Override
  public CompressionOutcome compress(SurrogateModel model, Parameters parameters,
      CompressionContext context) {
    validate(parameters);
    double sparsity = sparsity(parameters);
    int epochs = fineTuneEpochs(parameters);
    QuantizedSurrogate.refuse(ID, model);
    Outcomes.requireFiniteInput(ID, model);

    SurrogateModel pruned = model.copy();
    SameDiff graph = pruned.graph();
    List<Block> blocks = blocks(graph);
    List<HeadPruning.HeadBlock> headBlocks = HeadPruning.blocks(graph);
    requireSomethingToRemove(graph, blocks, headBlocks);

    Map<String, Object> widths = new LinkedHashMap<>();
    List<String> changed = new ArrayList<>();
    for (Block block : blocks) {
      INDArray incoming = WeightMatrices.array(graph, block.in);
      int hidden = (int) incoming.size(1);
      int removed = (int) Math.min(hidden - 1, Math.round(sparsity * hidden));
      long[] keep = keep(importance(graph, block, context), hidden - removed);
      shrink(graph, block, keep);
      widths.put(block.in, hidden + " -> " + keep.length);
      changed.addAll(block.names());
    }
    Map<String, Object> heads = new LinkedHashMap<>();
    for (HeadPruning.HeadBlock block : headBlocks) {
      HeadPruning.requireConsistent(ID, graph, block);
      int removed = (int) Math.min(block.heads() - 1, Math.round(sparsity * block.heads()));
      long[] keep = keep(HeadPruning.importance(pruned, block, context),
          block.heads() - removed);
      HeadPruning.shrink(graph, block, keep);
      int bypassed = keep.length == 1 ? HeadPruning.bypassSingleHead(graph, block) : 0;
      heads.put(block.prefix(), block.heads() + " -> " + keep.length + " (kept "
          + Arrays.toString(keep) + (bypassed > 0 ? ", " + bypassed + " head splits and "
          + "merges bypassed" : "") + ")");
      changed.addAll(block.arrays());
    }
    TrainingState.reset(graph, changed);

    if (epochs > 0) {
      context.fineTune(pruned, epochs, () -> { });
    }
    Outcomes.requireFinite(ID, pruned, context);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("sparsity", sparsity);
    details.put("hidden_width_per_layer", widths);
    details.put("attention_heads_per_block", heads);
    details.put("parameters_before", model.parameterCount());
    details.put("parameters_after", pruned.parameterCount());
    details.put("fine_tune_epochs", epochs);
    LOG.info("{}: hidden widths {}, attention heads {}, parameters {} -> {}", ID, widths,
        heads, model.parameterCount(), pruned.parameterCount());
    return new CompressionOutcome(pruned, details, "the shrunk arrays are kept by copy() "
        + "and by a save format that writes the graph's arrays with their shapes, not by "
        + "one that rebuilds the architecture from its configuration");
  }

  private static double sparsity(Parameters parameters) {
    if (!parameters.has("sparsity")) {
      throw new PluginException(ID + ": parameter 'sparsity' is required, the share of "
          + "hidden neurons and attention heads to remove in [0, 1), such as 0.5");
    }
    double sparsity = parameters.getDouble("sparsity", 0);
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new PluginException(ID + ": parameter 'sparsity' must be in [0, 1), got "
          + sparsity);
    }
    return sparsity;
  }

  /**
   * A prunable block: {@code in} [x, h], an optional {@code bias} [h], {@code out} [h, y],
   * and {@code hidden}, the variable that enters the second product.
   */
  private record Block(String in, String bias, String out, String hidden) {

    List<String> names() {
      List<String> names = new ArrayList<>(List.of(in, out));
      if (bias != null) {
        names.add(bias);
      }
      return names;
    }
  }

  static List<String> blockNames(SameDiff graph) {
    List<String> names = new ArrayList<>();
    for (Block block : blocks(graph)) {
      names.add(block.in + " -> " + block.out);
    }
    return names;
  }

  private static List<Block> blocks(SameDiff graph) {
    List<Block> blocks = new ArrayList<>();
    for (String out : WeightMatrices.names(graph)) {
      SameDiffOp product = WeightMatrices.productOf(graph, out);
      if (product != null) {
        Block block = traceBack(graph, product.getInputsToOp().get(0), out);
        if (block != null) {
          blocks.add(block);
        }
      }
    }
    return blocks;
  }

  /** Walks from the second product's input back to the first product, or gives null. */
  private static Block traceBack(SameDiff graph, String hidden, String out) {
    String current = hidden;
    String bias = null;
    for (int step = 0; step < 8; step++) {
      Variable variable = graph.getVariables().get(current);
      if (variable == null || variable.getInputsForOp() == null
          || variable.getInputsForOp().size() != 1 || variable.getOutputOfOp() == null) {
        return null;
      }
      SameDiffOp op = graph.getOps().get(variable.getOutputOfOp());
      List<String> inputs = op.getInputsToOp();
      String name = op.getOp().opName();
      if (op.getOp() instanceof Mmul) {
        String in = inputs.get(1);
        return isWeight(graph, in) && WeightMatrices.isPlainRightOperand(graph, in)
            && !in.equals(out) ? new Block(in, bias, out, hidden) : null;
      } else if (ELEMENTWISE.contains(name) && inputs.size() == 1) {
        current = inputs.get(0);
      } else if (BIAS_OPS.contains(name) && inputs.size() == 2 && bias == null
          && isBias(graph, inputs.get(1))) {
        bias = inputs.get(1);
        current = inputs.get(0);
      } else {
        return null;
      }
    }
    return null;
  }

  private static boolean isWeight(SameDiff graph, String name) {
    SDVariable variable = graph.getVariable(name);
    return variable != null && WeightMatrices.isWeightMatrix(variable)
        && variable.getArr().rank() == 2;
  }

  private static boolean isBias(SameDiff graph, String name) {
    SDVariable variable = graph.getVariable(name);
    Variable meta = graph.getVariables().get(name);
    return variable != null && variable.getVariableType() == VariableType.VARIABLE
        && variable.getArr() != null && variable.getArr().rank() == 1
        && meta.getInputsForOp() != null && meta.getInputsForOp().size() == 1;
  }

  /** One score per hidden neuron: activation RMS (or incoming norm) × outgoing norm. */
  private static double[] importance(SameDiff graph, Block block, CompressionContext context) {
    INDArray outgoing = WeightMatrices.array(graph, block.out).castTo(DataType.DOUBLE);
    double[] score = outgoing.norm2(1).toDoubleVector();
    double[] activation = activationRms(graph, block, context);
    if (activation == null) {
      INDArray incoming = WeightMatrices.array(graph, block.in).castTo(DataType.DOUBLE);
      activation = incoming.norm2(0).toDoubleVector();
    }
    for (int j = 0; j < score.length; j++) {
      score[j] *= activation[j];
    }
    return score;
  }

  private static double[] activationRms(SameDiff graph, Block block,
      CompressionContext context) {
    MultiDataSet calibration = context.calibrationData();
    TrainingConfig config = graph.getTrainingConfig();
    if (calibration == null || calibration.getFeatures() == null || config == null
        || config.getDataSetFeatureMapping() == null
        || config.getDataSetFeatureMapping().size() != 1) {
      return null;
    }
    String input = config.getDataSetFeatureMapping().get(0);
    INDArray hidden = graph.outputSingle(Map.of(input, calibration.getFeatures(0)),
        block.hidden).castTo(DataType.DOUBLE);
    long width = hidden.size(hidden.rank() - 1);
    INDArray rows = hidden.reshape(hidden.length() / width, width);
    return Transforms.sqrt(rows.mul(rows).mean(0), false).toDoubleVector();
  }

  /** The indices of the {@code count} highest scores, in increasing order. */
  static long[] keep(double[] score, int count) {
    Integer[] order = new Integer[score.length];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> score[b] != score[a] ? Double.compare(score[b], score[a])
        : Integer.compare(a, b));
    long[] kept = new long[count];
    for (int k = 0; k < count; k++) {
      kept[k] = order[k];
    }
    Arrays.sort(kept);
    return kept;
  }

  private static void shrink(SameDiff graph, Block block, long[] keep) {
    INDArray in = WeightMatrices.array(graph, block.in);
    INDArray out = WeightMatrices.array(graph, block.out);
    graph.associateArrayWithVariable(
        in.get(NDArrayIndex.all(), NDArrayIndex.indices(keep)).dup('c'), block.in);
    graph.associateArrayWithVariable(
        out.get(NDArrayIndex.indices(keep), NDArrayIndex.all()).dup('c'), block.out);
    if (block.bias != null) {
      INDArray bias = WeightMatrices.array(graph, block.bias);
      graph.associateArrayWithVariable(bias.get(NDArrayIndex.indices(keep)).dup('c'),
          block.bias);
    }
  }
}
