package org.doppel.domains.logistics.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;

/**
 * A stand-in for the framework's forecasting service whose network adds nothing: every
 * forecast is the window's baseline, attention is uniform. It records what it was given.
 */
public final class BaselineForecasting implements SequenceForecasting {

  public final List<WindowSet> trainedOn = new ArrayList<>();

  @Override
  public SequenceForecaster train(WindowSet training, ForecasterSettings settings,
      EpochListener listener) {
    trainedOn.add(training);
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      listener.epoch(epoch, settings.epochs(), 1.0 / epoch, 2.0 / epoch);
    }
    return new SequenceForecaster() {
      @Override
      public double[][] predict(WindowSet windows) {
        double[][] result = new double[windows.size()][];
        for (int w = 0; w < result.length; w++) {
          result[w] = windows.baseline()[w].clone();
        }
        return result;
      }

      @Override
      public double[][][] attentionWeights(WindowSet windows) {
        double[][][] weights = new double[windows.size()][1][windows.tokens()];
        for (double[][] window : weights) {
          java.util.Arrays.fill(window[0], 1.0 / windows.tokens());
        }
        return weights;
      }

      @Override
      public long parameterCount() {
        return 0;
      }

      @Override
      public List<Double> trainingLoss() {
        return List.of(1.0);
      }

      @Override
      public List<Double> validationLoss() {
        return List.of(2.0);
      }

      @Override
      public double trainingSeconds() {
        return 0;
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of("network", "none: the baseline");
      }
    };
  }
}
