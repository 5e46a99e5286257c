package org.doppel.plugins.compression.internal;

import org.doppel.plugins.compression.Int8Quantization;
import org.doppel.plugins.compression.LowRankFactorization;
import org.doppel.plugins.compression.MagnitudePruning;
import org.doppel.plugins.compression.StructuredPruning;
import org.doppel.sdk.wiring.PluginModule;

/** What the compression bundle contributes: one service per strategy. */
public final class CompressionPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addCompressionStrategy(MagnitudePruning.class);
    addCompressionStrategy(Int8Quantization.class);
    addCompressionStrategy(LowRankFactorization.class);
    addCompressionStrategy(StructuredPruning.class);
  }
}
