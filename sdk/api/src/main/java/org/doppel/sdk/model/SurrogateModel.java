package org.doppel.sdk.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A trained forecasting surrogate: input windows in, forecasts (and attention weights) out.
 *
 * <p>Inputs are {@code [batch, tokens, features]} in the model's normalised units; outputs
 * are {@code [batch, horizon]}. Not thread-safe: run models through the
 * {@link org.doppel.sdk.compute.ComputeService}.
 */
@ProviderType
public interface SurrogateModel {

  /** Forecasts for a batch of input windows. */
  INDArray predict(INDArray windows);

  /**
   * The attention weights the model used for each window, {@code [batch, queries, tokens]};
   * {@code null} when the model has no attention.
   */
  INDArray attentionWeights(INDArray windows);

  /** The graph, for compression strategies that rewrite weights or structure. */
  SameDiff graph();

  /** All trainable parameters. */
  long parameterCount();

  /** Trainable parameters that are not exactly zero. */
  long nonZeroParameterCount();

  /** Writes the model to {@code file} (atomically) and returns the bytes written. */
  long save(Path file) throws IOException;

  /** A deep copy that can be changed without touching this model. */
  SurrogateModel copy();

  /** Facts about the model that a report shows (architecture, variant, sizes). */
  Map<String, Object> describe();
}
