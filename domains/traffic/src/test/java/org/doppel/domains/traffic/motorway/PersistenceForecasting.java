package org.doppel.domains.traffic.motorway;

import java.util.List;
import java.util.Map;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;

/** A forecasting service whose network adds nothing to the baseline, with uniform attention. */
final class PersistenceForecasting implements SequenceForecasting {

  @Override
  public SequenceForecaster train(WindowSet training, ForecasterSettings settings,
      EpochListener listener) {
    listener.epoch(1, 1, 0, 0);
    return new SequenceForecaster() {
      @Override
      public double[][] predict(WindowSet windows) {
        return windows.baseline();
      }

      @Override
      public double[][][] attentionWeights(WindowSet windows) {
        double[][][] w = new double[windows.size()][windows.tokens()][windows.tokens()];
        for (double[][] window : w) {
          for (double[] query : window) {
            java.util.Arrays.fill(query, 1.0 / windows.tokens());
          }
        }
        return w;
      }

      @Override
      public long parameterCount() {
        return 0;
      }

      @Override
      public List<Double> trainingLoss() {
        return List.of(0.0);
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
        return Map.of("network", "none");
      }
    };
  }
}
