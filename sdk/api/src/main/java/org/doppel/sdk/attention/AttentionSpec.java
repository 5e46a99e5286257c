package org.doppel.sdk.attention;

import java.util.Objects;
import org.doppel.sdk.Parameters;

/**
 * The shape of an attention block and the scenario's settings for it.
 *
 * @param prefix prefix for every variable the block creates, so names stay unique
 * @param tokens the number of input tokens (time steps or patches)
 * @param width the width of each token's embedding
 * @param parameters the scenario's parameters for this variant (heads, k, window, ...)
 * @param seed the seed for weight initialisation
 */
public record AttentionSpec(String prefix, int tokens, int width, Parameters parameters,
    long seed) {

  public AttentionSpec {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(parameters, "parameters");
    if (tokens < 1 || width < 1) {
      throw new IllegalArgumentException("tokens and width must be positive, got " + tokens
          + " and " + width);
    }
  }
}
