package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.model.SurrogateModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract of a {@link CompressionStrategy} plugin, on the {@link CompressionFixture}'s
 * small trained surrogate: the strategy accepts its parameters and refuses an unknown one
 * by name, leaves the model it is given unchanged, returns a model that forecasts finite
 * values of the same shape and is no larger, does what was asked
 * ({@link #requireWhatWasAsked}), and the compressed model can be saved and copied.
 *
 * <pre>{@code
 * class PruningContractTest extends CompressionStrategyContract {
 *   protected CompressionStrategy strategy() {
 *     return new MagnitudePruning();
 *   }
 *
 *   protected Map<String, Object> parameters() {
 *     return Map.of("sparsity", 0.5);
 *   }
 *
 *   protected void requireWhatWasAsked(Parameters asked, SurrogateModel original,
 *       CompressionOutcome outcome) {
 *     assertEquals(0.5, 1 - (double) outcome.model().nonZeroParameterCount()
 *         / original.parameterCount(), 0.01);
 *   }
 * }
 * }</pre>
 *
 * <p>The SDK has no loader for saved surrogates (the framework's runtime reads them back),
 * so "the model still loads" is checked as far as the SDK reaches: the file is written
 * whole, and a copy forecasts exactly as the compressed model does.
 */
public abstract class CompressionStrategyContract {

  /** The strategy under test, as the bundle registers it. */
  protected abstract CompressionStrategy strategy();

  /** The scenario parameters the strategy compresses with; none by default. */
  protected Map<String, Object> parameters() {
    return Map.of();
  }

  /**
   * Checks that the outcome is what {@code asked} asked for (the sparsity reached, the
   * ranks kept, the bits per weight ...). The default checks that the compressed model has
   * no more non-zero parameters than the original; override it with the strategy's own
   * promise.
   */
  protected void requireWhatWasAsked(Parameters asked, SurrogateModel original,
      CompressionOutcome outcome) {
    long before = original.nonZeroParameterCount();
    long after = outcome.model().nonZeroParameterCount();
    if (after > before) {
      fail(id() + ": the compressed model has " + after + " non-zero parameters, more than"
          + " the original's " + before);
    }
  }

  @Test
  void identifiesItselfAsACompressionStrategy() {
    CompressionStrategy strategy = strategy();

    Contracts.requireId(strategy);
    assertEquals(PluginType.COMPRESSION, strategy.type(), strategy.id() + ": type()");
  }

  @Test
  void validateAcceptsTheParameters() {
    strategy().validate(asked());
  }

  @Test
  void anUnknownParameterIsRefusedByName() {
    Parameters unknown = asked().with("no_such_parameter", 1);
    CompressionFixture fixture = CompressionFixture.shared();

    try {
      strategy().validate(unknown);
      strategy().compress(fixture.trained.copy(), unknown, fixture);
    } catch (PluginException e) {
      assertTrue(String.valueOf(e.getMessage()).contains("no_such_parameter"), id()
          + ": the error for an unknown parameter does not name it: " + e.getMessage());
      return;
    }
    fail(id() + ": accepted the unknown parameter 'no_such_parameter'; refuse it"
        + " (Parameters.requireOnly) so a misspelt key is an error");
  }

  @Test
  void theModelGivenIsLeftUnchanged() {
    CompressionFixture fixture = CompressionFixture.shared();
    SurrogateModel original = fixture.trained.copy();
    INDArray windows = fixture.validation.getFeatures(0);
    INDArray before = original.predict(windows).dup();
    long parameters = original.parameterCount();
    long nonZero = original.nonZeroParameterCount();

    strategy().compress(original, asked(), fixture);

    assertEquals(parameters, original.parameterCount(), id() + ": compress changed the"
        + " parameter count of the model it was given; compress a copy");
    assertEquals(nonZero, original.nonZeroParameterCount(), id() + ": compress zeroed"
        + " weights of the model it was given; compress a copy");
    assertEquals(before, original.predict(windows), id() + ": compress changed the"
        + " forecasts of the model it was given; compress a copy");
  }

  @Test
  void theCompressedModelForecastsFiniteValuesOfTheSameShape() {
    CompressionFixture fixture = CompressionFixture.shared();
    INDArray windows = fixture.validation.getFeatures(0);

    CompressionOutcome outcome = strategy().compress(fixture.trained.copy(), asked(),
        fixture);

    INDArray forecasts = outcome.model().predict(windows);
    long[] expected = fixture.trained.predict(windows).shape();
    if (!Arrays.equals(expected, forecasts.shape())) {
      fail(id() + ": the compressed model forecasts shape " + Arrays.toString(
          forecasts.shape()) + ", the original " + Arrays.toString(expected));
    }
    double sum = forecasts.sumNumber().doubleValue();
    assertTrue(Double.isFinite(sum), id() + ": the compressed model forecasts non-finite"
        + " values (their sum is " + sum + ")");
  }

  @Test
  void whatWasAskedIsWhatWasDone() {
    CompressionFixture fixture = CompressionFixture.shared();
    SurrogateModel original = fixture.trained.copy();

    CompressionOutcome outcome = strategy().compress(original.copy(), asked(), fixture);

    assertTrue(outcome.details() != null && !outcome.details().isEmpty(), id()
        + ": the outcome's details are empty; report what was done for the report");
    requireWhatWasAsked(asked(), original, outcome);
  }

  @Test
  void theCompressedModelIsSavedWholeAndCopiedExactly() throws IOException {
    CompressionFixture fixture = CompressionFixture.shared();
    INDArray windows = fixture.validation.getFeatures(0);
    SurrogateModel compressed = strategy().compress(fixture.trained.copy(), asked(), fixture)
        .model();
    Path folder = Files.createTempDirectory("doppel-compression-contract");
    Path file = folder.resolve("model.bin");

    try {
      long bytes = compressed.save(file);

      assertTrue(bytes > 0 && bytes == Files.size(file), id() + ": save returned " + bytes
          + " bytes but wrote " + Files.size(file));
      assertEquals(compressed.predict(windows), compressed.copy().predict(windows), id()
          + ": a copy of the compressed model forecasts differently");
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
  }

  private Parameters asked() {
    return Parameters.of("compression/" + id(), new LinkedHashMap<>(parameters()));
  }

  private String id() {
    return strategy().id();
  }
}
