package org.doppel.sdk.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;

/**
 * A stand-in for the framework's forecasting service whose network adds nothing: each
 * forecast is the window's baseline (zero without one) and attention is spread evenly over
 * the tokens, so a study's twin equals its naive forecast and a test can check the study's
 * plumbing without training. It records every training set and its settings.
 *
 * <p>Training tells the listener every epoch of the settings, with a training loss of
 * {@code 1/epoch} and a validation loss of {@code 2/epoch} ({@code NaN} and none kept when
 * the settings hold no windows out); a {@code null} listener is not told. Not thread-safe,
 * unlike the real service.
 */
public final class BaselineForecasting implements SequenceForecasting {

  private final List<WindowSet> trained = new ArrayList<>();
  private final List<ForecasterSettings> settings = new ArrayList<>();

  @Override
  public SequenceForecaster train(WindowSet training, ForecasterSettings settings,
      EpochListener listener) {
    if (training.targets() == null) {
      throw new IllegalArgumentException("the training windows have no targets");
    }
    trained.add(training);
    this.settings.add(settings);

    boolean validates = settings.validationFraction() > 0;
    List<Double> trainingLoss = new ArrayList<>();
    List<Double> validationLoss = new ArrayList<>();
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      trainingLoss.add(1.0 / epoch);
      if (validates) {
        validationLoss.add(2.0 / epoch);
      }
      if (listener != null) {
        listener.epoch(epoch, settings.epochs(), 1.0 / epoch,
            validates ? 2.0 / epoch : Double.NaN);
      }
    }
    return new Baseline(settings, trainingLoss, validationLoss);
  }

  /** The training sets given to {@link #train}, in order. */
  public List<WindowSet> trained() {
    return List.copyOf(trained);
  }

  /** The settings given to {@link #train}, in order. */
  public List<ForecasterSettings> settings() {
    return List.copyOf(settings);
  }

  /** A forecaster that forecasts the baseline. */
  private record Baseline(ForecasterSettings settings, List<Double> trainingLoss,
      List<Double> validationLoss) implements SequenceForecaster {

    Baseline {
      trainingLoss = List.copyOf(trainingLoss);
      validationLoss = List.copyOf(validationLoss);
    }

    @Override
    public double[][] predict(WindowSet windows) {
      double[][] forecast = new double[windows.size()][windows.outputs()];
      if (windows.baseline() != null) {
        for (int w = 0; w < forecast.length; w++) {
          forecast[w] = windows.baseline()[w].clone();
        }
      }
      return forecast;
    }

    /** One query per token, each spreading its weight evenly over the tokens. */
    @Override
    public double[][][] attentionWeights(WindowSet windows) {
      int tokens = windows.tokens();
      double[][][] weights = new double[windows.size()][tokens][tokens];
      for (double[][] window : weights) {
        for (double[] query : window) {
          Arrays.fill(query, 1.0 / tokens);
        }
      }
      return weights;
    }

    @Override
    public long parameterCount() {
      return 0;
    }

    @Override
    public double trainingSeconds() {
      return 0;
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("network", "none: forecasts the baseline", "attention",
          settings.attentionId(), "epochs", trainingLoss.size());
    }
  }
}
