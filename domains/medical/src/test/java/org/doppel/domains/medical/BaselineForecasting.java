package org.doppel.domains.medical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;

/**
 * A stand-in forecasting service for tests that need no network: it forecasts each window's
 * baseline and spreads attention evenly over the tokens, and records what it was given.
 */
public final class BaselineForecasting implements SequenceForecasting {

  public final List<WindowSet> trained = new ArrayList<>();
  public final List<ForecasterSettings> settings = new ArrayList<>();

  @Override
  public SequenceForecaster train(WindowSet training, ForecasterSettings settings,
      EpochListener listener) {
    trained.add(training);
    this.settings.add(settings);
    return new SequenceForecaster() {
      @Override
      public double[][] predict(WindowSet windows) {
        double[][] forecast = new double[windows.size()][windows.outputs()];
        for (int w = 0; w < windows.size(); w++) {
          if (windows.baseline() != null) {
            forecast[w] = windows.baseline()[w].clone();
          }
        }
        return forecast;
      }

      @Override
      public double[][][] attentionWeights(WindowSet windows) {
        int tokens = windows.tokens();
        double[][][] weights = new double[windows.size()][tokens][tokens];
        for (double[][] window : weights) {
          for (double[] query : window) {
            java.util.Arrays.fill(query, 1.0 / tokens);
          }
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
        return List.of();
      }

      @Override
      public double trainingSeconds() {
        return 0;
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of("kind", "baseline stand-in");
      }
    };
  }
}
