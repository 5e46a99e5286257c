package org.doppel.plugins.attention.internal;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Masks spread to the full shape of the array they gate, before they meet anything
 * trainable.
 *
 * <p>Why: SameDiff differentiates an elementwise product with respect to both operands, and
 * when one operand is broadcast (a key mask {@code [batch, 1, tokens]} against scores
 * {@code [batch, tokens, tokens]}) its gradient is a reduction over the broadcast axes that
 * ND4J's CPU backend does slowly: it took half of a dot-product block's training step
 * (7.6 of 15.7 ms of op time at batch 64, 42 tokens). The mask needs no gradient, so
 * spreading it first, from placeholders and a shape alone, leaves a same-shape product
 * whose backward pass is two elementwise multiplications. See {@code docs/performance.md}.
 */
public final class Masks {

  private Masks() {
  }

  /**
   * {@code mask} (which must broadcast to {@code like}) repeated to {@code like}'s shape;
   * the result depends on {@code like} through its shape only, so no gradient flows back.
   */
  public static SDVariable spread(SameDiff graph, SDVariable mask, SDVariable like) {
    return mask.mul(graph.fill(graph.shape(like), like.dataType(), 1.0));
  }
}
