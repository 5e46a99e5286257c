package org.doppel.plugins.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.model.SurrogateModel;
import org.doppel.sdk.testkit.CompressionStrategyContract;
import org.junit.jupiter.api.Nested;

/** The SDK test kit's compression contract, run on every strategy of this bundle. */
class CompressionStrategyContractsTest {

  /** Half the matrix weights are zero afterwards, and the report says so. */
  @Nested
  class PruneMagnitude extends CompressionStrategyContract {

    @Override
    protected CompressionStrategy strategy() {
      return new MagnitudePruning();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("sparsity", 0.5, "fine_tune_epochs", 0);
    }

    @Override
    protected void requireWhatWasAsked(Parameters asked, SurrogateModel original,
        CompressionOutcome outcome) {
      double achieved = ((Number) outcome.details().get("sparsity_achieved")).doubleValue();
      long zeros = ((Number) outcome.details().get("weights_zero")).longValue();
      SurrogateModel model = outcome.model();

      assertEquals(0.5, achieved, 0.01, "sparsity achieved");
      assertTrue(model.parameterCount() - model.nonZeroParameterCount() >= zeros,
          "the model holds fewer zeros than the report's " + zeros);
    }
  }

  @Nested
  class PruneStructured extends CompressionStrategyContract {

    @Override
    protected CompressionStrategy strategy() {
      return new StructuredPruning();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("sparsity", 0.25, "fine_tune_epochs", 0);
    }
  }

  @Nested
  class QuantizeInt8 extends CompressionStrategyContract {

    @Override
    protected CompressionStrategy strategy() {
      return new Int8Quantization();
    }

    @Override
    protected void requireWhatWasAsked(Parameters asked, SurrogateModel original,
        CompressionOutcome outcome) {
      super.requireWhatWasAsked(asked, original, outcome);
      assertEquals(8, outcome.details().get("bits"));
    }
  }

  @Nested
  class LowRank extends CompressionStrategyContract {

    @Override
    protected CompressionStrategy strategy() {
      return new LowRankFactorization();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("rank", 4, "fine_tune_epochs", 0);
    }
  }

  @Nested
  class Distill extends CompressionStrategyContract {

    @Override
    protected CompressionStrategy strategy() {
      return new Distillation();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("width", 0.25, "epochs", 2);
    }
  }
}
