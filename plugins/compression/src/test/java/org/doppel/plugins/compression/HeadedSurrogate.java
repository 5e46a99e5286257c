package org.doppel.plugins.compression;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.model.SurrogateModel;
import org.doppel.sdk.testkit.CompressionFixture;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

/**
 * A small forecaster around the real {@code multi-head} block, on the compression fixture's
 * windows: each time step a token, embedded, attended over, flattened into a linear head.
 * Saved as SameDiff saves a whole graph.
 */
final class HeadedSurrogate implements SurrogateModel {

  static final String INPUT = "windows";
  static final String OUTPUT = "forecast";
  static final String PREFIX = "attention";
  static final int WIDTH = 16;

  private final SameDiff graph;

  private HeadedSurrogate(SameDiff graph) {
    this.graph = graph;
  }

  static HeadedSurrogate create(int heads, long seed) {
    int window = CompressionFixture.WINDOW;
    Nd4j.getRandom().setSeed(seed);
    SameDiff sd = SameDiff.create();
    SDVariable in = sd.placeHolder(INPUT, DataType.FLOAT, -1, window,
        CompressionFixture.FEATURES);
    SDVariable target = sd.placeHolder("target", DataType.FLOAT, -1,
        CompressionFixture.HORIZON);
    SDVariable embedW = sd.var("embed/W", new XavierInitScheme('c', CompressionFixture.FEATURES,
        WIDTH), DataType.FLOAT, CompressionFixture.FEATURES, WIDTH);
    SDVariable tokens = sd.reshape(sd.reshape(in, -1, CompressionFixture.FEATURES).mmul(embedW),
        -1, window, WIDTH);
    SDVariable mask = sd.onesLike(sd.reshape(sd.sum(in, 2), -1, window));

    AttentionBlock block = new MultiHeadAttention().build(sd, tokens, mask, new AttentionSpec(
        PREFIX, window, WIDTH, Parameters.of("attention", Map.of("heads", heads)), seed));

    SDVariable headW = sd.var("head/W", new XavierInitScheme('c', window * WIDTH,
        CompressionFixture.HORIZON), DataType.FLOAT, window * WIDTH, CompressionFixture.HORIZON);
    SDVariable out = sd.reshape(block.output(), -1, window * WIDTH).mmul(headW).rename(OUTPUT);
    sd.loss.meanSquaredError("loss", target, out, null);
    sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(3e-3))
        .dataSetFeatureMapping(INPUT).dataSetLabelMapping("target").build());
    return new HeadedSurrogate(sd);
  }

  @Override
  public INDArray predict(INDArray windows) {
    return graph.outputSingle(Map.of(INPUT, windows.castTo(DataType.FLOAT)), OUTPUT);
  }

  @Override
  public INDArray attentionWeights(INDArray windows) {
    return graph.outputSingle(Map.of(INPUT, windows.castTo(DataType.FLOAT)),
        PREFIX + "/weights");
  }

  @Override
  public SameDiff graph() {
    return graph;
  }

  @Override
  public long parameterCount() {
    long count = 0;
    for (SDVariable variable : graph.variables()) {
      if (variable.getVariableType() == VariableType.VARIABLE) {
        count += variable.getArr().length();
      }
    }
    return count;
  }

  @Override
  public long nonZeroParameterCount() {
    return parameterCount();
  }

  @Override
  public long save(Path file) throws IOException {
    graph.save(file.toFile(), true);
    return file.toFile().length();
  }

  static HeadedSurrogate load(Path file) {
    return new HeadedSurrogate(SameDiff.load(file.toFile(), true));
  }

  @Override
  public HeadedSurrogate copy() {
    return new HeadedSurrogate(graph.dup());
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("architecture", "multi-head test forecaster");
    return facts;
  }
}
