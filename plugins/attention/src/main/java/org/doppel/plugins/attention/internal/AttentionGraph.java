package org.doppel.plugins.attention.internal;

import java.util.Set;
import java.util.SplittableRandom;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The graph pieces the attention variants share: seeded weights, per-token projections,
 * scaled scores and the masked softmax that gives excluded keys exactly zero weight.
 *
 * <p>Stateless; every method only adds to the graph it is given.
 */
final class AttentionGraph {

  /**
   * The score an excluded key gets before the softmax: far enough below any real score
   * that its exponential is exactly zero in single precision.
   */
  private static final double EXCLUDED_SCORE = -1e9;

  private AttentionGraph() {
  }

  /**
   * A trainable {@code [rows, cols]} matrix, Glorot-uniform from its own seeded generator
   * so a block's initial weights depend on the spec's seed alone, not on ND4J's global one.
   */
  static SDVariable weight(SameDiff graph, String name, long seed, int rows, int cols) {
    SplittableRandom random = new SplittableRandom(seed ^ name.hashCode());
    double limit = Math.sqrt(6.0 / (rows + cols));
    float[] values = new float[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    return graph.var(name, Nd4j.create(values, new long[] {rows, cols}, 'c'));
  }

  /** A trainable vector of {@code size} zeros. */
  static SDVariable bias(SameDiff graph, String name, int size) {
    return graph.var(name, Nd4j.zeros(DataType.FLOAT, size));
  }

  /**
   * {@code x [batch, n, in]} times {@code w [in, out]}, done as one 2-d product over the
   * flattened batch so it works for any batch size.
   */
  static SDVariable perToken(SameDiff graph, SDVariable x, SDVariable w, int n, int in,
      int out) {
    SDVariable flat = graph.reshape(x, -1, in);
    return graph.reshape(graph.mmul(flat, w), -1, n, out);
  }

  /** A fresh seeded {@code [in, out]} projection applied to every token. */
  static SDVariable project(SameDiff graph, String name, SDVariable x, AttentionSpec spec,
      int out) {
    SDVariable w = weight(graph, name, spec.seed(), spec.width(), out);
    return perToken(graph, x, w, spec.tokens(), spec.width(), out);
  }

  /** Scaled dot-product scores {@code q k^T / sqrt(width)}: {@code [batch, queries, tokens]}. */
  static SDVariable scaledScores(SameDiff graph, SDVariable queries, SDVariable keys,
      int width) {
    return graph.mmul(queries, keys, false, true, false).div(Math.sqrt(width));
  }

  /** The key mask as {@code [batch, 1, tokens]}, to broadcast over queries. */
  static SDVariable keysOf(SameDiff graph, SDVariable keyMask) {
    return graph.expandDims(keyMask.castTo(DataType.FLOAT), 1);
  }

  /**
   * Replaces excluded scores by a very low constant. Multiplying rather than adding keeps
   * an enormous score of a padded key (say from a padded value of 1e6) from leaking in.
   */
  static SDVariable exclude(SDVariable scores, SDVariable allowed) {
    return scores.mul(allowed).add(allowed.sub(1.0).mul(-EXCLUDED_SCORE));
  }

  /**
   * Softmax over the last axis among allowed keys only ({@code allowed} is 1 or 0 and
   * broadcasts to {@code scores}); excluded keys get exactly zero. A row with no allowed
   * key (a fully padded sample) sums to zero rather than one.
   */
  static SDVariable maskedSoftmax(SameDiff graph, String name, SDVariable scores,
      SDVariable allowed) {
    SDVariable full = Masks.spread(graph, allowed, scores);
    SDVariable softmax = graph.nn().softmax(exclude(scores, full), -1);
    return softmax.mul(name, full);
  }

  /** Rejects unknown parameters, with the variant's id in the message. */
  static Parameters parameters(String variant, AttentionSpec spec, Set<String> known) {
    Parameters parameters = spec.parameters();
    try {
      return parameters.requireOnly(known);
    } catch (PluginException e) {
      throw named(variant, e);
    }
  }

  /** Reads a whole-number parameter that must lie in {@code [min, max]}. */
  static int intParameter(String variant, Parameters parameters, String key, int fallback,
      int min, int max) {
    int value;
    try {
      value = parameters.getInt(key, fallback);
    } catch (PluginException e) {
      throw named(variant, e);
    }
    if (value < min || value > max) {
      // worded as Parameters words its own refusals, so one variant's errors read alike
      String owner = parameters.owner().contains(variant) ? parameters.owner()
          : "attention variant '" + variant + "'";
      throw new PluginException(owner + ": parameter '" + key + "' must be between " + min
          + " and " + max + ", got " + value);
    }
    return value;
  }

  /** A constant {@code [tokens, tokens]} matrix from a rule on (query, key) positions. */
  static INDArray positionMatrix(int tokens, PositionRule rule) {
    float[] values = new float[tokens * tokens];
    for (int query = 0; query < tokens; query++) {
      for (int key = 0; key < tokens; key++) {
        values[query * tokens + key] = rule.holds(query, key) ? 1f : 0f;
      }
    }
    return Nd4j.create(values, new long[] {tokens, tokens}, 'c');
  }

  /** Whether a (query, key) pair of positions is in. */
  @FunctionalInterface
  interface PositionRule {
    boolean holds(int query, int key);
  }

  private static PluginException named(String variant, PluginException e) {
    if (e.getMessage() != null && e.getMessage().contains(variant)) {
      return e;
    }
    return new PluginException("attention variant '" + variant + "': " + e.getMessage(), e);
  }
}
