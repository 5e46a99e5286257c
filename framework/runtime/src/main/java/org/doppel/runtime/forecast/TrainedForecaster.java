package org.doppel.runtime.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.runtime.pipeline.ComputeAccess;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.WindowSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained forecaster with the scaling it was trained in. Each call is serialised on this
 * object (one SameDiff graph) and runs through the compute access it was trained on.
 */
final class TrainedForecaster implements SequenceForecaster {

  /** Windows per forward pass, so a large set does not need one huge array. */
  private static final int CHUNK = 256;

  private final ComputeAccess compute;
  private final ForecastGraph model;
  private final WindowScaling scaling;
  private final List<String> featureNames;
  private final List<String> targetNames;
  private final List<String> tokenNames;
  private final List<Double> trainingLoss;
  private final List<Double> validationLoss;
  private final double seconds;
  private final Map<String, Object> description;

  TrainedForecaster(ComputeAccess compute, ForecastGraph model, WindowScaling scaling,
      WindowSet training, List<Double> trainingLoss, List<Double> validationLoss,
      double seconds, Map<String, Object> description) {
    this.compute = compute;
    this.model = model;
    this.scaling = scaling;
    this.featureNames = training.featureNames();
    this.targetNames = training.targetNames();
    this.tokenNames = training.tokenNames();
    this.trainingLoss = List.copyOf(trainingLoss);
    this.validationLoss = List.copyOf(validationLoss);
    this.seconds = seconds;
    this.description = new LinkedHashMap<>(description);
  }

  @Override
  public synchronized double[][] predict(WindowSet windows) {
    checkShape(windows);
    return compute.run("predict", () -> {
      double[][] result = new double[windows.size()][];
      for (int from = 0; from < windows.size(); from += CHUNK) {
        int to = Math.min(windows.size(), from + CHUNK);
        INDArray departure = model.departure(scaling.inputs(windows, from, to));
        for (int w = from; w < to; w++) {
          result[w] = scaling.forecast(
              windows.baseline() == null ? null : windows.baseline()[w],
              departure.getRow(w - from).toDoubleVector());
        }
      }
      return result;
    });
  }

  @Override
  public synchronized double[][][] attentionWeights(WindowSet windows) {
    checkShape(windows);
    if (!model.hasWeights()) {
      return new double[0][][];
    }
    return compute.run("attention", () -> {
      double[][][] result = new double[windows.size()][][];
      for (int from = 0; from < windows.size(); from += CHUNK) {
        int to = Math.min(windows.size(), from + CHUNK);
        INDArray weights = model.weights(scaling.inputs(windows, from, to));
        for (int w = from; w < to; w++) {
          INDArray one = weights.slice(w - from);
          double[][] queries = new double[(int) one.size(0)][];
          for (int q = 0; q < queries.length; q++) {
            queries[q] = one.getRow(q).toDoubleVector();
          }
          result[w] = queries;
        }
      }
      return result;
    });
  }

  /**
   * Names the first thing in which {@code windows} differs from the training windows: the
   * token count (token names may differ, they are labels of positions), then the feature
   * and target names.
   */
  private void checkShape(WindowSet windows) {
    if (windows.tokens() != tokenNames.size()) {
      throw new IllegalArgumentException("the windows have " + windows.tokens()
          + " tokens, but the forecaster was trained on " + tokenNames.size() + " tokens "
          + tokenNames);
    }
    same("features", featureNames, windows.featureNames());
    same("targets", targetNames, windows.targetNames());
  }

  private static void same(String what, List<String> trained, List<String> given) {
    if (trained.size() != given.size()) {
      throw new IllegalArgumentException("the windows have " + given.size() + " " + what
          + " " + given + ", but the forecaster was trained on " + trained.size() + " "
          + what + " " + trained);
    }
    for (int i = 0; i < trained.size(); i++) {
      if (!trained.get(i).equals(given.get(i))) {
        throw new IllegalArgumentException("the windows' " + what + " differ from the "
            + "training windows' at position " + i + ": '" + given.get(i) + "' instead of '"
            + trained.get(i) + "'");
      }
    }
  }

  @Override
  public long parameterCount() {
    return ((Number) description.get("parameters")).longValue();
  }

  @Override
  public List<Double> trainingLoss() {
    return trainingLoss;
  }

  @Override
  public List<Double> validationLoss() {
    return validationLoss;
  }

  @Override
  public double trainingSeconds() {
    return seconds;
  }

  @Override
  public Map<String, Object> describe() {
    return new LinkedHashMap<>(description);
  }
}
