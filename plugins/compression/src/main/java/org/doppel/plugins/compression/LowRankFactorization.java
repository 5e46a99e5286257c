package org.doppel.plugins.compression;

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
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Truncated-SVD factorisation of the weight matrices: {@code W [in, out] ≈ U [in, r] ·
 * V [r, out]}, the rank {@code r} per matrix chosen to keep a share of the squared singular
 * values ({@code energy}, default 0.95) or given ({@code rank}).
 *
 * <p>Where it pays ({@code r·(in + out) < in·out}) and {@code W} feeds a single plain
 * matrix product {@code x·W}, the graph is rewired to compute {@code (x·U)·V}: a new
 * trainable variable {@code <name>/U} holds {@code U}, {@code <name>} itself now holds
 * {@code V}, and the product op takes {@code x·U} as its left input, so the model has fewer
 * parameters and multiply-adds. {@code fine_tune_epochs} (default 0) then trains the
 * factors together on the training data. Elsewhere {@code W} is replaced by the rank-{@code r}
 * product {@code U·V} in place: the forecasts are those of the low-rank matrix, but size and
 * speed do not change; the details say which matrices were factorised. Stateless and
 * thread-safe.
 */
public final class LowRankFactorization implements CompressionStrategy {

  static final String ID = "low-rank";

  private static final Logger LOG = LoggerFactory.getLogger(LowRankFactorization.class);

  private static final Set<String> KNOWN = Set.of("energy", "rank", "fine_tune_epochs");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Truncated-SVD factorisation of weight matrices into x·U·V, rank per layer by "
        + "retained energy or given.";
  }

  @Override
  public void validate(Parameters parameters) {
    Settings.read(parameters);
  }

  @Override
  public CompressionOutcome compress(SurrogateModel model, Parameters parameters,
      CompressionContext context) {
    Settings settings = Settings.read(parameters);
    QuantizedSurrogate.refuse(ID, model);
    Outcomes.requireFiniteInput(ID, model);

    SurrogateModel factored = model.copy();
    SameDiff graph = factored.graph();
    List<String> names = WeightMatrices.require(graph, ID);
    Map<String, Object> ranks = new LinkedHashMap<>();
    Map<String, Object> energies = new LinkedHashMap<>();
    Map<String, Object> rewired = new LinkedHashMap<>();
    long before = 0;
    long after = 0;
    for (String name : names) {
      INDArray weights = WeightMatrices.array(graph, name);
      if (weights.rank() != 2) {
        continue;
      }
      Svd svd = Svd.of(weights);
      int rank = settings.rank > 0 ? checkedRank(name, weights, settings.rank)
          : svd.rankForEnergy(settings.energy);
      ranks.put(name, rank);
      energies.put(name, Math.round(1e4 * svd.energy(rank)) / 1e4);

      boolean rewire = rank * (weights.size(0) + weights.size(1))
          < weights.size(0) * weights.size(1) && WeightMatrices.isPlainRightOperand(graph, name);
      rewired.put(name, rewire);
      before += weights.length();
      if (rewire) {
        factorise(graph, name, svd.left(rank, weights.dataType()),
            svd.right(rank, weights.dataType()));
        after += rank * (weights.size(0) + weights.size(1));
      } else {
        weights.assign(svd.left(rank, weights.dataType())
            .mmul(svd.right(rank, weights.dataType())));
        after += weights.length();
      }
    }

    // The factors start from the SVD, the best rank-r fit to each matrix alone; training
    // them together recovers much of the forecast error truncation costs.
    if (settings.fineTuneEpochs > 0) {
      context.fineTune(factored, settings.fineTuneEpochs, () -> { });
    }

    Outcomes.requireFinite(ID, factored, context);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rank_per_layer", ranks);
    details.put("energy_retained_per_layer", energies);
    details.put("factorised_per_layer", rewired);
    details.put("matrix_parameters_before", before);
    details.put("matrix_parameters_after", after);
    details.put("fine_tune_epochs", settings.fineTuneEpochs);
    if (settings.rank > 0) {
      details.put("rank", settings.rank);
    } else {
      details.put("energy", settings.energy);
    }
    LOG.info("{}: ranks {}, matrix parameters {} -> {}", ID, ranks, before, after);
    return new CompressionOutcome(factored, details, note(rewired));
  }

  private static int checkedRank(String name, INDArray weights, int rank) {
    long largest = Math.min(weights.size(0), weights.size(1));
    if (rank > largest) {
      throw new PluginException(ID + ": rank " + rank + " is above the smaller dimension of '"
          + name + "' " + weights.size(0) + "×" + weights.size(1) + " (at most " + largest
          + ")");
    }
    return rank;
  }

  /** Rewires {@code x·W} to {@code (x·U)·V}: {@code name} takes V, {@code name/U} is new. */
  private static void factorise(SameDiff graph, String name, INDArray left, INDArray right) {
    Variable variable = graph.getVariables().get(name);
    SameDiffOp product = graph.getOps().get(variable.getInputsForOp().get(0));
    DifferentialFunction function = product.getOp();
    SDVariable input = graph.getVariable(product.getInputsToOp().get(0));

    SDVariable u = graph.var(name + "/U", left);
    SDVariable projected = input.mmul(u);
    graph.replaceArgFor(0, projected, function);
    graph.associateArrayWithVariable(right, graph.getVariable(name));
    TrainingState.reset(graph, List.of(name, u.name()));
  }

  private static String note(Map<String, Object> rewired) {
    long factorised = rewired.values().stream().filter(Boolean.TRUE::equals).count();
    String note = "the graph computes x·U·V in place of x·W for " + factorised + " of "
        + rewired.size() + " weight matrices";
    if (factorised < rewired.size()) {
      note += "; the others hold the low-rank product at full size (no saving)";
    }
    return note + "; the rewired graph (new '/U' variables, smaller arrays) is kept by "
        + "copy() and by a save format that writes the graph, not by one that rebuilds the "
        + "architecture from its configuration";
  }

  /** The thin SVD of a matrix, W = U·diag(s)·Vᵀ, with singular values in decreasing order. */
  private record Svd(INDArray u, double[] singular, INDArray vt) {

    static Svd of(INDArray weights) {
      long rows = weights.size(0);
      long cols = weights.size(1);
      int k = (int) Math.min(rows, cols);
      INDArray a = weights.castTo(DataType.DOUBLE).dup('f');
      INDArray s = Nd4j.create(DataType.DOUBLE, k);
      INDArray u = Nd4j.create(DataType.DOUBLE, new long[] {rows, rows}, 'f');
      INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {cols, cols}, 'f');
      Nd4j.getBlasWrapper().lapack().gesvd(a, s, u, vt);
      return new Svd(u, s.toDoubleVector(), vt);
    }

    /** The share of the squared singular values kept by the first {@code rank}. */
    double energy(int rank) {
      double total = 0;
      double kept = 0;
      for (int i = 0; i < singular.length; i++) {
        total += singular[i] * singular[i];
        kept += i < rank ? singular[i] * singular[i] : 0;
      }
      return total == 0 ? 1.0 : kept / total;
    }

    /** The smallest rank, at least 1, that keeps {@code energy}. */
    int rankForEnergy(double energy) {
      for (int rank = 1; rank < singular.length; rank++) {
        if (energy(rank) >= energy) {
          return rank;
        }
      }
      return singular.length;
    }

    /** U·diag(s) truncated to {@code rank} columns, [rows, rank]. */
    INDArray left(int rank, DataType type) {
      INDArray scaled = u.get(NDArrayIndex.all(), NDArrayIndex.interval(0, rank))
          .mulRowVector(Nd4j.createFromArray(Arrays.copyOf(singular, rank)));
      return scaled.castTo(type).dup('c');
    }

    /** Vᵀ truncated to {@code rank} rows, [rank, cols]. */
    INDArray right(int rank, DataType type) {
      return vt.get(NDArrayIndex.interval(0, rank), NDArrayIndex.all()).castTo(type).dup('c');
    }
  }

  /** The validated parameters: a positive {@code rank}, or else an energy in (0, 1]. */
  private record Settings(double energy, int rank, int fineTuneEpochs) {

    static Settings read(Parameters parameters) {
      parameters.requireOnly(KNOWN);
      int epochs = FineTuning.epochs(ID, parameters, "fine_tune_epochs", 0, 0);
      if (parameters.has("energy") && parameters.has("rank")) {
        throw new PluginException(ID + ": give either 'energy' or 'rank', not both");
      }
      if (parameters.has("rank")) {
        int rank = parameters.getInt("rank", 0);
        if (rank < 1) {
          throw new PluginException(ID + ": parameter 'rank' must be 1 or more, got " + rank);
        }
        return new Settings(0, rank, epochs);
      }
      double energy = parameters.getDouble("energy", 0.95);
      if (!(energy > 0 && energy <= 1)) {
        throw new PluginException(ID + ": parameter 'energy' must be in (0, 1], got "
            + energy);
      }
      return new Settings(energy, 0, epochs);
    }
  }
}
