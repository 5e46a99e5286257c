package org.doppel.sdk.testkit;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A graph holding one variant's block fed straight from the placeholders {@link #TOKENS}
 * {@code [batch, tokens, width]} and {@link #KEY_MASK} {@code [batch, tokens]}, with seeded
 * inputs, for tests of attention variants. Not thread-safe.
 */
public final class AttentionBlockFixture {

  /** The placeholder of the embedded tokens. */
  public static final String TOKENS = "tokens";

  /** The placeholder of the key mask. */
  public static final String KEY_MASK = "keyMask";

  /** The seed every input of the fixture derives from. */
  public static final long SEED = 42;

  private final SameDiff graph;
  private final AttentionBlock block;
  private final AttentionSpec spec;

  private AttentionBlockFixture(SameDiff graph, AttentionBlock block, AttentionSpec spec) {
    this.graph = graph;
    this.block = block;
    this.spec = spec;
  }

  /** {@code variant}'s block with prefix {@code attn/}, built in a new graph. */
  public static AttentionBlockFixture of(AttentionVariant variant, Parameters parameters,
      int tokens, int width, long seed) {
    SameDiff graph = SameDiff.create();
    SDVariable input = graph.placeHolder(TOKENS, DataType.FLOAT, -1, tokens, width);
    SDVariable keyMask = graph.placeHolder(KEY_MASK, DataType.FLOAT, -1, tokens);
    AttentionSpec spec = new AttentionSpec("attn/", tokens, width, parameters, seed);
    AttentionBlock block = variant.build(graph, input, keyMask, spec);
    return new AttentionBlockFixture(graph, block, spec);
  }

  public SameDiff graph() {
    return graph;
  }

  public AttentionBlock block() {
    return block;
  }

  public AttentionSpec spec() {
    return spec;
  }

  /**
   * The block's output and weights for these inputs, in that order; the weights are
   * {@code null} for a variant without attention.
   */
  public INDArray[] run(INDArray tokens, INDArray keyMask) {
    return run(graph, tokens, keyMask);
  }

  /** The same, in {@code other} (a saved and loaded copy of the graph). */
  public INDArray[] run(SameDiff other, INDArray tokens, INDArray keyMask) {
    String output = block.output().name();
    Map<String, INDArray> inputs = Map.of(TOKENS, tokens, KEY_MASK, keyMask);
    if (block.weights() == null) {
      return new INDArray[] {other.output(inputs, output).get(output), null};
    }
    String weights = block.weights().name();
    Map<String, INDArray> result = other.output(inputs, output, weights);
    return new INDArray[] {result.get(output), result.get(weights)};
  }

  /** Seeded standard normal values of the given shape; {@code salt} varies the draw. */
  public static INDArray gaussian(long salt, long... shape) {
    Random random = new Random(SEED * 31 + salt);
    float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return Nd4j.create(values, shape, 'c');
  }

  /**
   * A key mask {@code [batch, tokens]} with padding of several kinds: none (sample 0), at
   * the end, at the start and in the middle; every sample keeps at least
   * {@code tokens - 4} real tokens, so {@code tokens} must be at least 8.
   */
  public static INDArray paddedMask(int batch, int tokens) {
    if (tokens < 8) {
      throw new IllegalArgumentException("a padded mask needs at least 8 tokens, got "
          + tokens);
    }
    INDArray mask = Nd4j.ones(batch, tokens);
    for (int b = 1; b < batch; b++) {
      int kind = b % 3;
      int count = 1 + b % 4;
      for (int i = 0; i < count; i++) {
        int t = kind == 0 ? tokens - 1 - i : kind == 1 ? i : 3 + i;
        mask.putScalar(b, t, 0);
      }
    }
    return mask;
  }
}
