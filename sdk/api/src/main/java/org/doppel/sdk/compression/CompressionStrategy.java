package org.doppel.sdk.compression;

import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.model.SurrogateModel;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a trained surrogate into a smaller or faster one.
 *
 * <p>The strategy reports what it did; the framework measures what it achieved (bytes on
 * disk, latency, error) the same way for every strategy, so no figure is self-reported.
 * Stateless and thread-safe.
 */
@ConsumerType
public interface CompressionStrategy extends Plugin {

  @Override
  default PluginType type() {
    return PluginType.COMPRESSION;
  }

  /**
   * Compresses a copy of {@code model}; {@code model} itself is left unchanged.
   *
   * @throws org.doppel.sdk.PluginException naming the invalid parameter or the reason the
   *     model cannot be compressed this way
   */
  CompressionOutcome compress(SurrogateModel model, Parameters parameters,
      CompressionContext context);

  /**
   * Checks {@code parameters} without compressing anything, so that a run refuses a faulty
   * scenario before it trains a model. The default accepts everything; {@link #compress}
   * must check again.
   *
   * @throws org.doppel.sdk.PluginException naming the invalid parameter
   * @since 0.2.0
   */
  default void validate(Parameters parameters) {
  }

  /**
   * Checks {@code parameters} against the network the run is about to train, so that a
   * strategy that cannot act on its architecture at all (no attention heads to remove, say)
   * is refused before training instead of after. {@code untrained} has the trained model's
   * architecture and untrained weights. A run calls this for the first step of its chain
   * only; a later step gets what earlier steps made of the model, which cannot be known
   * before training, so it is checked with {@link #validate(Parameters)} alone. Inspect
   * {@code untrained}, do not modify it. The default checks the parameters alone.
   *
   * @throws org.doppel.sdk.PluginException naming the invalid parameter or what the
   *     architecture lacks
   * @since 0.4.0
   */
  default void validate(Parameters parameters, SurrogateModel untrained) {
    validate(parameters);
  }

  /**
   * Whether nothing may follow this strategy in a chain, because the model it returns keeps
   * weights that no other strategy can rewrite (int8 weights, for example). A run refuses a
   * chain that puts a step after such a strategy before it trains anything. The default is
   * {@code false}.
   *
   * @since 0.3.0
   */
  default boolean mustBeLast() {
    return false;
  }
}
