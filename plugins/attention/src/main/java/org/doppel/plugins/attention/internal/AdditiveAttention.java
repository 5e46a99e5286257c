package org.doppel.plugins.attention.internal;

import java.util.Set;
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
 * {@code additive}: Bahdanau-style attention over a recurrent encoder. A tanh recurrent
 * cell, unrolled over the tokens in order, turns token t into an encoder state h_t holding
 * the series up to t; the last state asks one query, scored against every state as
 * {@code v . tanh(W h_t + U h_last)}, so the choice of token depends on its context; the
 * output is the weighted sum of the tokens' value projections, {@code [batch, 1, width]}.
 *
 * <p>Unlike Bahdanau's original, the weights average the tokens rather than the encoder
 * states. A state carries every token before it, so a block that averages states can copy a
 * lag through a later state while its weights point elsewhere: on the lag tests (see
 * {@code docs/notes/attention.md}) one seed in two did exactly that, with a low error and
 * almost no weight on the copied lag. Averaging tokens makes the weights the only path from a
 * token to the output, so they explain it.
 *
 * <p>A padded token leaves the recurrent state unchanged, so padding anywhere changes no
 * state of a real token.
 *
 * <p>The cell is unrolled, three graph ops per token: fine for tens of tokens (the surrogate
 * uses patches), slow for hundreds. SameDiff's fused recurrent ops ({@code gru},
 * {@code lstmLayer}) would be one op, but in 1.0.0-M2.1 their gradients fail a
 * finite-difference check (see {@code docs/notes/attention.md}). Parameter {@code units}
 * (default the token width, 1 to 1024): the width of the scoring layer.
 */
public final class AdditiveAttention implements AttentionVariant {

  static final String ID = "additive";
  static final String UNITS = "units";
  static final int MAX_UNITS = 1024;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Additive (Bahdanau) attention over a recurrent encoder";
  }

  @Override
  public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    Parameters parameters = AttentionGraph.parameters(ID, spec, Set.of(UNITS));
    int units = AttentionGraph.intParameter(ID, parameters, UNITS, spec.width(), 1, MAX_UNITS);
    String prefix = spec.prefix();
    int width = spec.width();

    SDVariable encoded = encode(graph, tokens, keyMask, spec);
    SDVariable last = lastState(graph, encoded, spec);

    SDVariable stateWeight = AttentionGraph.weight(graph, prefix + "score_state_weight",
        spec.seed(), width, units);
    SDVariable queryWeight = AttentionGraph.weight(graph, prefix + "score_query_weight",
        spec.seed(), width, units);
    SDVariable scoreVector = AttentionGraph.weight(graph, prefix + "score_vector", spec.seed(),
        units, 1);
    SDVariable keyed = AttentionGraph.perToken(graph, encoded, stateWeight, spec.tokens(),
        width, units);
    SDVariable asked = graph.expandDims(graph.mmul(last, queryWeight), 1);
    SDVariable energy = graph.math().tanh(keyed.add(asked));
    SDVariable scores = graph.permute(
        AttentionGraph.perToken(graph, energy, scoreVector, spec.tokens(), units, 1), 0, 2, 1);

    SDVariable weights = AttentionGraph.maskedSoftmax(graph, prefix + "weights", scores,
        AttentionGraph.keysOf(graph, keyMask));

    // values are the tokens, not the states: a state also carries every earlier token, so
    // reading states would let the output use a token the weights do not point at
    SDVariable values = AttentionGraph.project(graph, prefix + "value_weight", tokens, spec,
        width);
    SDVariable output = graph.mmul(weights, values).rename(prefix + "output");
    return new AttentionBlock(output, weights, 1, width);
  }

  /**
   * The encoder state at every token, {@code [batch, tokens, width]}: the state after the
   * latest real token at or before it (zero before the first).
   *
   * <p>The cell runs over the real tokens packed to the front, in order, rather than over
   * the window with a padding blend at every step: the blend doubled the graph ops per step,
   * and at this size SameDiff's fixed cost per op, forward and backward, is most of a
   * training step (see {@code docs/performance.md}). Packing and unpacking are products with
   * one-hot matrices built from the key mask alone, so they pass gradients to the tokens and
   * none to the mask. The steps after the last real token compute states nothing reads.
   */
  private static SDVariable encode(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    String prefix = spec.prefix();
    int width = spec.width();
    int count = spec.tokens();
    SDVariable real = keyMask.castTo(DataType.FLOAT);

    // reached[b, t]: how many real tokens up to t, less one: the packed position whose state
    // token t holds (-1 before the first real token)
    SDVariable reached = graph.cumsum(real, false, false, 1).sub(1.0);
    SDVariable started = graph.math().min(reached.add(1.0), graph.constant(1.0f));
    SDVariable holds = graph.oneHot(graph.math().max(reached, graph.constant(0.0f))
        .castTo(DataType.INT), count, -1, 1.0, 0.0, DataType.FLOAT)
        .mul(graph.expandDims(started, 2));
    SDVariable packing = graph.permute(holds.mul(graph.expandDims(real, 2)), 0, 2, 1);
    SDVariable packed = graph.mmul(packing, tokens);

    SDVariable bias = AttentionGraph.bias(graph, prefix + "encoder_bias", width);
    SDVariable recurrent = AttentionGraph.weight(graph, prefix + "encoder_recurrent_weight",
        spec.seed(), width, width);

    // everything that does not depend on the previous state is done once for all steps;
    // time-major, so each step is a contiguous slice
    SDVariable inputs = AttentionGraph.project(graph, prefix + "encoder_input_weight", packed,
        spec, width).add(bias);
    SDVariable[] steps = graph.unstack(graph.permute(inputs, 1, 0, 2), 0, count);

    SDVariable[] states = new SDVariable[count];
    for (int t = 0; t < count; t++) {
      SDVariable drive = t == 0 ? steps[t] : steps[t].add(graph.mmul(states[t - 1], recurrent));
      states[t] = graph.math().tanh(drive);
    }
    SDVariable packedStates = graph.permute(graph.stack(0, states), 1, 0, 2);
    return graph.mmul(holds, packedStates);
  }

  /**
   * The last token's state, {@code [batch, width]}, picked by a product with a constant
   * one-hot vector: {@code get} and {@code gather} failed in training in 1.0.0-M2.1 (see
   * {@code docs/notes/attention.md}).
   */
  private static SDVariable lastState(SameDiff graph, SDVariable encoded, AttentionSpec spec) {
    int count = spec.tokens();
    INDArray pick = Nd4j.zeros(DataType.FLOAT, count, 1);
    pick.putScalar(count - 1, 0, 1f);
    SDVariable byToken = graph.reshape(graph.permute(encoded, 0, 2, 1), -1, count);
    return graph.reshape(graph.mmul(byToken, graph.constant(pick)), -1, spec.width());
  }
}
