package org.doppel.plugins.attention.internal;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

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
 * <p>Unrolling costs one small graph node group per token: fine for tens of tokens (the
 * surrogate uses patches), slow for hundreds. Parameter {@code units} (default the token
 * width, 1 to 1024): the width of the scoring layer.
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

    SDVariable[] states = encode(graph, tokens, keyMask, spec);
    SDVariable encoded = graph.stack(1, states);
    SDVariable last = states[states.length - 1];

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

  /** The encoder states h_1..h_T, each {@code [batch, width]}. */
  private static SDVariable[] encode(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    String prefix = spec.prefix();
    int width = spec.width();
    int count = spec.tokens();
    SDVariable bias = AttentionGraph.bias(graph, prefix + "encoder_bias", width);
    SDVariable recurrent = AttentionGraph.weight(graph, prefix + "encoder_recurrent_weight",
        spec.seed(), width, width);

    // everything that does not depend on the previous state is done once for all steps,
    // since each graph op costs more than its arithmetic at this size
    SDVariable inputs = AttentionGraph.project(graph, prefix + "encoder_input_weight", tokens,
        spec, width).add(bias);
    SDVariable real = Masks.spread(graph, graph.expandDims(keyMask.castTo(DataType.FLOAT), 2),
        inputs);
    SDVariable[] steps = graph.unstack(inputs, 1, count);
    SDVariable[] isReal = graph.unstack(real, 1, count);
    SDVariable[] isPadding = graph.unstack(real.rsub(1.0), 1, count);

    SDVariable[] states = new SDVariable[count];
    SDVariable previous = null;
    for (int t = 0; t < count; t++) {
      SDVariable drive = steps[t];
      if (previous != null) {
        drive = drive.add(graph.mmul(previous, recurrent));
      }
      SDVariable candidate = graph.math().tanh(drive);

      // a padded step keeps the previous state (zero before the first real token)
      SDVariable state = candidate.mul(isReal[t]);
      if (previous != null) {
        state = state.add(previous.mul(isPadding[t]));
      }
      states[t] = state;
      previous = state;
    }
    return states;
  }
}
