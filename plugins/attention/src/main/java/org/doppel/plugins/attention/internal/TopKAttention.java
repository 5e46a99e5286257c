package org.doppel.plugins.attention.internal;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * {@code top-k}: scaled dot-product self-attention that keeps, for each query, the k keys
 * with the largest scores and gives every other key exactly zero weight; the softmax runs
 * over the kept keys only, so each row still sums to one.
 *
 * <p>The choice of keys is made inside the graph: k times, the best key not yet taken is
 * taken, ties broken by position (the earlier key wins), so exactly k keys are kept whenever
 * at least k keys are real; with fewer real keys, all real keys are kept. The choice is a
 * hard selection and passes no gradient; the kept scores train as in plain dot-product
 * attention. It costs k passes over the scores (an earlier version ranked every pair of
 * keys, {@code tokens^3} comparisons per sample, which was most of a training step).
 *
 * <p>Parameter {@code k} (default 8, or the token count if smaller): 1 up to {@code tokens}.
 */
public final class TopKAttention implements AttentionVariant {

  static final String ID = "top-k";
  static final String K = "k";
  static final int DEFAULT_K = 8;

  /** Taken off a chosen key's score: far below the score of any key, excluded ones too. */
  private static final double TAKEN_SCORE = 1e30;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Sparse self-attention keeping the k largest scores per query";
  }

  @Override
  public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    Parameters parameters = AttentionGraph.parameters(ID, spec, Set.of(K));
    int k = AttentionGraph.intParameter(ID, parameters, K, Math.min(DEFAULT_K, spec.tokens()),
        1, spec.tokens());

    if (k >= spec.tokens()) {
      return SelfAttention.build(graph, tokens, keyMask, spec, (g, scores, byMask) -> byMask);
    }
    return SelfAttention.build(graph, tokens, keyMask, spec,
        (g, scores, byMask) -> byMask.mul(kept(g, scores, byMask, spec.tokens(), k)));
  }

  /**
   * 1 where a key is among the k best of its query, else 0: {@code [batch, q, tokens]}. The
   * keys are taken one at a time, each the best of those left (the earliest on a tie), which
   * costs k passes over the scores instead of comparing every pair of keys.
   */
  private static SDVariable kept(SameDiff graph, SDVariable scores, SDVariable byMask,
      int tokens, int k) {
    // padded keys rank last; the selection itself is not differentiated
    SDVariable left = new StopGradient(graph, AttentionGraph.exclude(scores, byMask))
        .outputVariable();
    SDVariable kept = null;
    for (int taken = 0; taken < k; taken++) {
      SDVariable best = graph.oneHot(graph.argmax(left, false, 2), tokens, -1, 1.0, 0.0,
          DataType.FLOAT);
      kept = kept == null ? best : kept.add(best);
      if (taken + 1 < k) {
        left = left.sub(best.mul(TAKEN_SCORE));
      }
    }
    return kept;
  }
}
