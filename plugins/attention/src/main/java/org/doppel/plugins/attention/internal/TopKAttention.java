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
 * <p>The choice of keys is made inside the graph by ranking: a key's rank is the number of
 * keys with a larger score, ties broken by position (the earlier key wins), so exactly k
 * keys are kept whenever at least k keys are real; with fewer real keys, all real keys are
 * kept. The choice is a hard selection and passes no gradient; the kept scores train as in
 * plain dot-product attention. Ranking compares all key pairs, {@code tokens^2} values per
 * query, which is cheap for the tens of tokens a surrogate uses.
 *
 * <p>Parameter {@code k} (default 8, or the token count if smaller): 1 up to {@code tokens}.
 */
public final class TopKAttention implements AttentionVariant {

  static final String ID = "top-k";
  static final String K = "k";
  static final int DEFAULT_K = 8;

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

    SDVariable earlier = graph.constant(spec.prefix() + "earlier_key",
        AttentionGraph.positionMatrix(spec.tokens(), (key, other) -> other < key));
    return SelfAttention.build(graph, tokens, keyMask, spec,
        (g, scores, byMask) -> byMask.mul(kept(g, scores, byMask, earlier, k)));
  }

  /** 1 where a key ranks among the k best of its query, else 0: {@code [batch, q, tokens]}. */
  private static SDVariable kept(SameDiff graph, SDVariable scores, SDVariable byMask,
      SDVariable earlier, int k) {
    // padded keys rank last; the selection itself is not differentiated
    SDVariable ranked = new StopGradient(graph, AttentionGraph.exclude(scores, byMask))
        .outputVariable();
    SDVariable key = graph.expandDims(ranked, 3);
    SDVariable other = graph.expandDims(ranked, 2);

    SDVariable beats = graph.gt(other, key).castTo(DataType.FLOAT);
    SDVariable tiesWon = graph.eq(other, key).castTo(DataType.FLOAT).mul(earlier);
    SDVariable rank = graph.sum(beats.add(tiesWon), false, 3);
    return graph.lt(rank, k).castTo(DataType.FLOAT);
  }
}
