package org.doppel.sdk.attention;

import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginType;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The attention block of the neural surrogate, built into a SameDiff graph on the shared
 * compute service.
 *
 * <p>The block's weights are part of the graph, not a side computation, so the weights a
 * user sees are the ones the forecast used. Stateless and thread-safe.
 */
@ConsumerType
public interface AttentionVariant extends Plugin {

  @Override
  default PluginType type() {
    return PluginType.ATTENTION;
  }

  /**
   * Adds the block to {@code graph}.
   *
   * @param graph the surrogate's graph
   * @param tokens the embedded input, {@code [batch, spec.tokens(), spec.width()]}
   * @param keyMask {@code [batch, spec.tokens()]}, 1 for a real token and 0 for padding;
   *     padded keys must receive zero weight
   * @param spec sizes, the variable-name prefix and the scenario's parameters
   * @throws org.doppel.sdk.PluginException naming an invalid parameter
   */
  AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec);
}
