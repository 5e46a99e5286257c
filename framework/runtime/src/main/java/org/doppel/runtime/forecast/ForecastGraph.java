package org.doppel.runtime.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.runtime.surrogate.SeededInit;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff graph of a sequence forecaster, in standardised units: each token's features
 * embedded linearly to {@code width} plus a learned position embedding, the attention
 * variant's block over the tokens, and a zero-initialised linear head whose output (the
 * departure) is added to the baseline, so an untrained network forecasts the baseline.
 *
 * <p>Not thread-safe: one graph is driven by one caller at a time.
 */
final class ForecastGraph {

  static final String INPUT = "input";
  static final String BASELINE = "baseline";
  static final String LABEL = "label";
  static final String DEPARTURE = "departure";
  static final String FORECAST = "forecast";
  static final String WEIGHTS = "attention_weights";
  static final String LOSS = "loss";
  static final String ATTENTION_PREFIX = "attention";

  private final SameDiff graph;
  private final boolean hasWeights;
  private final int queries;

  private ForecastGraph(SameDiff graph, boolean hasWeights, int queries) {
    this.graph = graph;
    this.hasWeights = hasWeights;
    this.queries = queries;
  }

  /**
   * A new, untrained graph.
   *
   * @throws org.doppel.sdk.PluginException from the variant, naming an invalid parameter
   */
  static ForecastGraph build(int tokens, int features, int outputs, int width,
      AttentionVariant variant, Parameters attentionParameters, long seed) {
    SameDiff sd = SameDiff.create();
    SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, tokens, features);
    SDVariable baseline = sd.placeHolder(BASELINE, DataType.FLOAT, -1, outputs);
    SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, outputs);

    SDVariable embedW = sd.var("embed/W", SeededInit.glorot(seed, "embed/W", features, width));
    SDVariable embedB = sd.var("embed/b", SeededInit.zeros(width));
    SDVariable position = sd.var("embed/position",
        SeededInit.glorot(seed, "embed/position", tokens, width));
    SDVariable embedded = sd.reshape(sd.mmul(sd.reshape(input, -1, features), embedW)
        .add(embedB), -1, tokens, width).add(position);

    // Windows are always full; the mask is derived from the input so it has the batch's size.
    SDVariable keyMask = sd.onesLike("key_mask", sd.sum(input, false, 2));
    AttentionBlock block = variant.build(sd, embedded, keyMask,
        new AttentionSpec(ATTENTION_PREFIX, tokens, width, attentionParameters, seed));
    int flatWidth = block.queries() * block.width();

    // A zero head makes the untrained forecast the baseline rather than noise.
    SDVariable flat = sd.reshape(block.output(), -1, flatWidth);
    SDVariable headW = sd.var("head/W", Nd4j.zeros(DataType.FLOAT, flatWidth, outputs));
    SDVariable headB = sd.var("head/b", SeededInit.zeros(outputs));
    SDVariable departure = sd.identity(DEPARTURE, sd.mmul(flat, headW).add(headB));
    SDVariable forecast = sd.identity(FORECAST, baseline.add(departure));
    if (block.weights() != null) {
      sd.identity(WEIGHTS, block.weights());
    }

    SDVariable error = forecast.sub(label);
    sd.mean(LOSS, error.mul(error));
    sd.setLossVariables(LOSS);
    return new ForecastGraph(sd, block.weights() != null, block.queries());
  }

  SameDiff graph() {
    return graph;
  }

  boolean hasWeights() {
    return hasWeights;
  }

  int queries() {
    return queries;
  }

  /** The departure from the baseline, {@code [batch, outputs]}, in standardised units. */
  INDArray departure(INDArray inputs) {
    return output(inputs, DEPARTURE);
  }

  /** The attention weights, {@code [batch, queries, tokens]}; only when the block has them. */
  INDArray weights(INDArray inputs) {
    return output(inputs, WEIGHTS);
  }

  private INDArray output(INDArray inputs, String name) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    feed.put(INPUT, inputs);
    return graph.output(feed, name).get(name);
  }

  /** Forecasts in standardised units, the quantity the loss is computed on. */
  INDArray forecast(INDArray inputs, INDArray baseline) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    feed.put(INPUT, inputs);
    feed.put(BASELINE, baseline);
    return graph.output(feed, FORECAST).get(FORECAST);
  }

  /** The trainable variables, in the graph's order. */
  List<SDVariable> trainable() {
    return graph.variables().stream()
        .filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
  }

  long parameterCount() {
    return trainable().stream().mapToLong(v -> v.getArr().length()).sum();
  }

  /** Copies of every trainable array, to restore the best epoch's weights. */
  Map<String, INDArray> snapshot() {
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    for (SDVariable variable : trainable()) {
      arrays.put(variable.name(), variable.getArr().dup());
    }
    return arrays;
  }

  void restore(Map<String, INDArray> snapshot) {
    for (SDVariable variable : trainable()) {
      variable.getArr().assign(snapshot.get(variable.name()));
    }
  }
}
