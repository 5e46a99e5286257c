package org.doppel.plugins.attention.internal;

import java.util.Map;
import java.util.Random;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A small forecaster around one variant's block, trained on windows whose next value is, by
 * construction, a copy of one known lag plus noise; used to check that the block's weights
 * point at that lag.
 *
 * <p>Each sample is a window of {@code tokens} past values, one value per token, oldest
 * first, so token {@code j} holds lag {@code tokens - j}. The values are independent
 * standard normal draws, so no other lag carries any information about the target; the
 * target is the value at the chosen lag plus normal noise of standard deviation
 * {@link #NOISE}. The model embeds each value ({@code value * e + position_j}), applies the
 * block and reads the last query's output through a linear head.
 */
final class LagHarness {

  static final double NOISE = 0.05;

  private static final String VALUES = "values";
  private static final String KEY_MASK = "keyMask";
  private static final String TARGET = "target";

  private final SameDiff graph = SameDiff.create();
  private final AttentionBlock block;
  private final int tokens;
  private final int lagToken;
  private final Random random;

  /**
   * @param lagToken the token whose value the target copies (lag {@code tokens - lagToken})
   */
  LagHarness(VariantCase variant, int tokens, int width, int lagToken, long seed) {
    this.tokens = tokens;
    this.lagToken = lagToken;
    this.random = new Random(seed);

    SDVariable values = graph.placeHolder(VALUES, DataType.FLOAT, -1, tokens);
    SDVariable keyMask = graph.placeHolder(KEY_MASK, DataType.FLOAT, -1, tokens);
    SDVariable target = graph.placeHolder(TARGET, DataType.FLOAT, -1, 1);

    SDVariable embedding = AttentionGraph.weight(graph, "value_embedding", seed, 1, width);
    SDVariable position = AttentionGraph.weight(graph, "position_embedding", seed, tokens,
        width);
    SDVariable embedded = AttentionGraph.perToken(graph, graph.expandDims(values, 2),
        embedding, tokens, 1, width).add(position);

    AttentionSpec spec = new AttentionSpec("attn/", tokens, width, variant.parameters(), seed);
    block = variant.variant().build(graph, embedded, keyMask, spec);

    SDVariable read = LagHarness.lastQuery(graph, block, width);
    SDVariable head = AttentionGraph.weight(graph, "head", seed, width, 1);
    SDVariable forecast = graph.mmul(read, head).add(AttentionGraph.bias(graph, "head_bias", 1))
        .rename("forecast");
    SDVariable error = forecast.sub(target);
    graph.mean("loss", error.mul(error));
    graph.setLossVariables("loss");
    graph.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(1e-2))
        .dataSetFeatureMapping(VALUES, KEY_MASK).dataSetLabelMapping(TARGET).build());
  }

  /**
   * The last query's output, {@code [batch, width]}, picked by a product with a constant
   * one-hot vector: slicing it out with {@code get} or {@code gather} failed in training in
   * the benchmark's graph (see docs/notes/attention.md).
   */
  static SDVariable lastQuery(SameDiff graph, AttentionBlock block, int width) {
    int queries = block.queries();
    INDArray pick = Nd4j.zeros(DataType.FLOAT, queries, 1);
    pick.putScalar(queries - 1, 0, 1f);
    SDVariable byQuery = graph.reshape(graph.permute(block.output(), 0, 2, 1), -1, queries);
    return graph.reshape(graph.mmul(byQuery, graph.constant(pick)), -1, width);
  }

  /** Trains for {@code steps} Adam steps on fresh batches; returns the last batch's loss. */
  double train(int steps, int batch) {
    double loss = Double.NaN;
    for (int step = 0; step < steps; step++) {
      INDArray[] data = sample(batch);
      graph.fit(new MultiDataSet(new INDArray[] {data[0], Nd4j.ones(batch, tokens)},
          new INDArray[] {data[1]}));
      if (step == steps - 1) {
        loss = meanSquaredError(data);
      }
    }
    return loss;
  }

  /** The last query's weights on fresh samples, averaged over them: {@code [tokens]}. */
  double[] meanWeights(int samples) {
    INDArray[] data = sample(samples);
    INDArray weights = graph.output(Map.of(VALUES, data[0], KEY_MASK,
        Nd4j.ones(samples, tokens)), block.weights().name()).get(block.weights().name());
    INDArray last = weights.get(NDArrayIndex.all(), NDArrayIndex.point(block.queries() - 1),
        NDArrayIndex.all());
    return last.mean(0).toDoubleVector();
  }

  /** Mean squared forecast error on fresh samples. */
  double testError(int samples) {
    return meanSquaredError(sample(samples));
  }

  private double meanSquaredError(INDArray[] data) {
    INDArray forecast = graph.output(Map.of(VALUES, data[0], KEY_MASK,
        Nd4j.ones(data[0].size(0), tokens)), "forecast").get("forecast");
    INDArray error = forecast.sub(data[1]);
    return error.mul(error).meanNumber().doubleValue();
  }

  /** {values [n, tokens], target [n, 1]}: target = value at the lag token + noise. */
  private INDArray[] sample(int n) {
    float[] values = new float[n * tokens];
    float[] targets = new float[n];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < tokens; t++) {
        values[i * tokens + t] = (float) random.nextGaussian();
      }
      targets[i] = (float) (values[i * tokens + lagToken] + NOISE * random.nextGaussian());
    }
    return new INDArray[] {Nd4j.create(values, new long[] {n, tokens}, 'c'),
        Nd4j.create(targets, new long[] {n, 1}, 'c')};
  }
}
