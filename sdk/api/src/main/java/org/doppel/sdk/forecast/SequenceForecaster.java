package org.doppel.sdk.forecast;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A trained attention forecaster. Thread-safe: calls are serialised on the compute service.
 */
@ProviderType
public interface SequenceForecaster {

  /**
   * Forecasts for each window, {@code [windows][targets]}, in the targets' units.
   *
   * @param windows the same tokens, features and targets the forecaster was trained on;
   *     their targets, if any, are ignored
   * @throws IllegalArgumentException naming the first shape that differs from training
   */
  double[][] predict(WindowSet windows);

  /**
   * The attention weights the forecast used, {@code [windows][queries][tokens]}: non-negative
   * and summing to one over tokens for each query (averaged over heads).
   *
   * @return an empty array for a variant without attention ({@code none})
   */
  double[][][] attentionWeights(WindowSet windows);

  /** The number of trainable parameters. */
  long parameterCount();

  /** Training loss per epoch, in the scaled units the network trains in. */
  List<Double> trainingLoss();

  /** Validation loss per epoch; empty without a validation split. */
  List<Double> validationLoss();

  /** Wall-clock seconds the training took. */
  double trainingSeconds();

  /** Architecture and settings, for the report. */
  Map<String, Object> describe();
}
