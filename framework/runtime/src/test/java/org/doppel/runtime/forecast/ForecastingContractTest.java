package org.doppel.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.plugins.attention.NoAttention;
import org.doppel.runtime.pipeline.ComputeAccess;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;
import org.junit.jupiter.api.Test;

/** Shapes, errors, scaling, baseline and determinism of the forecasting service. */
class ForecastingContractTest {

  private static final SequenceForecasting FORECASTING = StandaloneForecasting.create(
      List.of(new MultiHeadAttention(), new NoAttention()));

  static ForecasterSettings settings(String attention, int epochs, double validation) {
    return new ForecasterSettings(attention, Parameters.of("attention/" + attention,
        Map.of()), 8, epochs, 32, 1e-2, 1e-4, validation, 0, 7);
  }

  @Test
  void attentionWeightsHaveOneRowPerQuerySummingToOne() {
    WindowSet windows = CopyWindows.of(40, 6, 2, 1, 3);

    double[][][] weights = FORECASTING.train(windows, settings("multi-head", 2, 0.2), null)
        .attentionWeights(windows);

    assertEquals(40, weights.length);
    for (double[][] window : weights) {
      assertEquals(6, window.length, "multi-head: every token is a query");
      for (double[] query : window) {
        assertEquals(6, query.length);
        double sum = 0;
        for (double weight : query) {
          assertTrue(weight >= 0, "weight " + weight);
          sum += weight;
        }
        assertEquals(1.0, sum, 1e-5);
      }
    }
  }

  @Test
  void aVariantWithoutAttentionGivesNoWeights() {
    WindowSet windows = CopyWindows.of(20, 4, 2, 1, 3);

    SequenceForecaster forecaster = FORECASTING.train(windows, settings("none", 1, 0.2),
        null);

    assertEquals(0, forecaster.attentionWeights(windows).length);
    assertEquals(20, forecaster.predict(windows).length);
  }

  /**
   * A perfect baseline leaves nothing to learn: every gradient is zero, the zero-initialised
   * head stays zero, and the forecast is the baseline given, exactly, also for new windows.
   */
  @Test
  void theForecastIsTheBaselineWhenTheBaselineIsPerfect() {
    WindowSet copy = CopyWindows.of(30, 4, 2, 1, 3);
    WindowSet training = new WindowSet(copy.inputs(), copy.targets(), copy.targets(),
        copy.featureNames(), copy.targetNames(), copy.tokenNames());
    WindowSet other = CopyWindows.of(10, 4, 2, 1, 4);
    double[][] otherBaseline = new double[10][];
    for (int w = 0; w < 10; w++) {
      otherBaseline[w] = new double[] {1000.25 + w};
    }

    SequenceForecaster forecaster = FORECASTING.train(training, settings("multi-head", 2,
        0.2), null);

    double[][] forecast = forecaster.predict(training);
    for (int w = 0; w < training.size(); w++) {
      assertArrayEquals(copy.targets()[w], forecast[w], 1e-9, "window " + w);
    }
    assertArrayEquals(otherBaseline, forecaster.predict(WindowSet.unlabelled(other.inputs(),
        otherBaseline, other.featureNames(), other.targetNames(), other.tokenNames())));
  }

  @Test
  void aConstantFeatureTrainsWithoutNaN() {
    WindowSet copy = CopyWindows.of(30, 4, 2, 1, 3);
    double[][][] inputs = copy.inputs();
    for (double[][] window : inputs) {
      for (double[] token : window) {
        token[1] = 5.0;
      }
    }
    WindowSet windows = new WindowSet(inputs, null, copy.targets(), copy.featureNames(),
        copy.targetNames(), copy.tokenNames());

    SequenceForecaster forecaster = FORECASTING.train(windows, settings("multi-head", 2,
        0.2), null);

    forecaster.trainingLoss().forEach(loss -> assertTrue(Double.isFinite(loss)));
    for (double[] row : forecaster.predict(windows)) {
      assertTrue(Double.isFinite(row[0]), "forecast " + row[0]);
    }
  }

  /** C11: seven windows and batches of 32 are one partial batch per epoch. */
  @Test
  void sevenWindowsTrainInOnePartialBatch() {
    WindowSet windows = CopyWindows.of(7, 4, 2, 1, 3);
    List<Integer> epochs = new ArrayList<>();

    SequenceForecaster forecaster = FORECASTING.train(windows, settings("multi-head", 3,
        0.15), (epoch, of, train, validation) -> epochs.add(epoch));

    assertEquals(List.of(1, 2, 3), epochs);
    assertEquals(3, forecaster.trainingLoss().size());
    assertEquals(3, forecaster.validationLoss().size());
    assertEquals(6, forecaster.describe().get("training_windows"));
    assertEquals(1, forecaster.describe().get("validation_windows"));
  }

  @Test
  void withoutValidationThereAreNoValidationLosses() {
    WindowSet windows = CopyWindows.of(20, 4, 2, 1, 3);
    List<Double> heard = new ArrayList<>();

    SequenceForecaster forecaster = FORECASTING.train(windows, settings("multi-head", 2, 0),
        (epoch, of, train, validation) -> heard.add(validation));

    assertEquals(List.of(), forecaster.validationLoss());
    assertEquals(2, forecaster.trainingLoss().size());
    heard.forEach(loss -> assertTrue(Double.isNaN(loss), "validation loss " + loss));
  }

  @Test
  void theSameSeedGivesTheSameForecasts() {
    WindowSet windows = CopyWindows.of(60, 6, 2, 1, 3);

    SequenceForecaster first = FORECASTING.train(windows, settings("multi-head", 3, 0.2),
        null);
    SequenceForecaster second = FORECASTING.train(windows, settings("multi-head", 3, 0.2),
        null);

    assertEquals(first.trainingLoss(), second.trainingLoss());
    assertEquals(first.validationLoss(), second.validationLoss());
    assertArrayEquals(first.predict(windows), second.predict(windows));
  }

  /** The weights kept are those of the epoch with the lowest validation loss. */
  @Test
  void theBestEpochsWeightsAreRestored() {
    WindowSet windows = CopyWindows.of(100, 6, 2, 1, 3);
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention/multi-head", Map.of()), 8, 6, 16, 0.05, 1e-4, 0.2, 0, 7);

    SequenceForecaster forecaster = FORECASTING.train(windows, settings, null);

    // The validation loss is in units of the training targets' standard deviation.
    double[] trainTargets = new double[80];
    for (int w = 0; w < 80; w++) {
      trainTargets[w] = windows.targets()[w][0];
    }
    double variance = variance(trainTargets);
    double[][] forecast = forecaster.predict(windows);
    double sum = 0;
    for (int w = 80; w < 100; w++) {
      double error = forecast[w][0] - windows.targets()[w][0];
      sum += error * error;
    }
    double best = forecaster.validationLoss().stream().mapToDouble(Double::doubleValue).min()
        .orElseThrow();
    assertEquals(best, sum / 20 / variance, 1e-3 * best, "losses "
        + forecaster.validationLoss());
    assertEquals(forecaster.validationLoss().indexOf(best) + 1,
        forecaster.describe().get("best_epoch"));
  }

  @Test
  void windowsUnlikeTheTrainingWindowsAreRejectedByName() {
    WindowSet training = CopyWindows.of(20, 4, 2, 1, 3);
    SequenceForecaster forecaster = FORECASTING.train(training, settings("multi-head", 1,
        0.2), null);

    IllegalArgumentException tokens = assertThrows(IllegalArgumentException.class,
        () -> forecaster.predict(CopyWindows.of(5, 5, 2, 1, 3)));
    assertTrue(tokens.getMessage().contains("5 tokens"), tokens.getMessage());
    assertTrue(tokens.getMessage().contains("trained on 4 tokens"), tokens.getMessage());

    WindowSet renamed = new WindowSet(training.inputs(), null, null,
        List.of("feature0", "speed"), training.targetNames(), training.tokenNames());
    IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
        () -> forecaster.attentionWeights(renamed));
    assertTrue(features.getMessage().contains("'speed' instead of 'feature1'"),
        features.getMessage());
  }

  @Test
  void trainingNeedsTargets() {
    WindowSet copy = CopyWindows.of(20, 4, 2, 1, 3);
    WindowSet unlabelled = WindowSet.unlabelled(copy.inputs(), null, copy.featureNames(),
        copy.targetNames(), copy.tokenNames());

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> FORECASTING.train(unlabelled, settings("multi-head", 1, 0.2), null));

    assertTrue(error.getMessage().contains("no targets"), error.getMessage());
  }

  @Test
  void oneWindowIsTooFewForAValidationSplit() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> FORECASTING.train(CopyWindows.of(1, 4, 2, 1, 3), settings("multi-head", 1,
            0.2), null));

    assertTrue(error.getMessage().contains("at least 2 windows"), error.getMessage());
  }

  @Test
  void aNonFiniteInputIsRejectedNamingWindowTokenAndFeature() {
    WindowSet copy = CopyWindows.of(3, 4, 2, 1, 3);
    double[][][] inputs = copy.inputs();
    inputs[2][3][1] = Double.NaN;

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new WindowSet(inputs, null, copy.targets(), copy.featureNames(),
            copy.targetNames(), copy.tokenNames()));

    assertEquals("window 2, token token3, feature feature1 is NaN", error.getMessage());
  }

  @Test
  void anUnknownVariantIsAPluginErrorListingTheInstalledOnes() {
    PluginException error = assertThrows(PluginException.class,
        () -> FORECASTING.train(CopyWindows.of(10, 4, 2, 1, 3), settings("sparse", 1, 0.2),
            null));

    assertTrue(error.getMessage().contains("'sparse'"), error.getMessage());
    assertTrue(error.getMessage().contains("multi-head, none"), error.getMessage());
  }

  @Test
  void anInvalidAttentionParameterIsNamed() {
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention/multi-head", Map.of("heads", 3)), 8, 1, 32, 1e-2, 1e-4, 0.2,
        0, 7);

    PluginException error = assertThrows(PluginException.class,
        () -> FORECASTING.train(CopyWindows.of(10, 4, 2, 1, 3), settings, null));

    assertTrue(error.getMessage().contains("heads"), error.getMessage());
  }

  @Test
  void checkRefusesWhatTrainingWouldWithoutTraining() {
    ForecasterSettings threeHeads = new ForecasterSettings("multi-head",
        Parameters.of("attention/multi-head", Map.of("heads", 3)), 8, 1, 32, 1e-2, 1e-4, 0.2,
        0, 7);
    ForecasterSettings twoHeads = new ForecasterSettings("multi-head",
        Parameters.of("attention/multi-head", Map.of("heads", 2)), 8, 1, 32, 1e-2, 1e-4, 0.2,
        0, 7);

    PluginException badParameter = assertThrows(PluginException.class,
        () -> FORECASTING.check(threeHeads, 4, 2));
    PluginException unknown = assertThrows(PluginException.class,
        () -> FORECASTING.check(settings("sparse", 1, 0.2), 4, 2));
    FORECASTING.check(twoHeads, 4, 2);

    assertTrue(badParameter.getMessage().contains("heads"), badParameter.getMessage());
    assertTrue(unknown.getMessage().contains("'sparse'"), unknown.getMessage());
  }

  /** A study's attention section, {@code {id: multi-head, heads: 2}}, can be passed as is. */
  @Test
  void theAttentionSectionsOwnIdIsNotAVariantParameter() {
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention", Map.of("id", "multi-head", "heads", 2)), 8, 1, 32, 1e-2,
        1e-4, 0.2, 0, 7);

    SequenceForecaster forecaster = FORECASTING.train(CopyWindows.of(10, 4, 2, 1, 3),
        settings, null);

    assertEquals(Map.of("heads", 2), forecaster.describe().get("attention_parameters"));
  }

  @Test
  void anAttentionSectionNamingAnotherVariantIsAnError() {
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention", Map.of("id", "none")), 8, 1, 32, 1e-2, 1e-4, 0.2, 0, 7);

    PluginException error = assertThrows(PluginException.class,
        () -> FORECASTING.train(CopyWindows.of(10, 4, 2, 1, 3), settings, null));

    assertEquals("attention: parameter 'id' names attention 'none', but the forecaster was "
        + "asked for 'multi-head'", error.getMessage());
  }

  @Test
  void aDivergingLossStopsTrainingNamingTheEpoch() {
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention/multi-head", Map.of()), 8, 3, 32, 1e30, 0, 0.2, 0, 7);

    PluginException error = assertThrows(PluginException.class,
        () -> FORECASTING.train(CopyWindows.of(40, 4, 2, 1, 3), settings, null));

    assertTrue(error.getMessage().contains("diverged in epoch"), error.getMessage());
  }

  @Test
  void everyModelCallRunsThroughTheComputeService() {
    List<String> owners = new ArrayList<>();
    ComputeService service = new ComputeService() {
      @Override
      public ComputeInfo info() {
        return new ComputeInfo("CPU", List.of(), "test", 1, -1, -1);
      }

      @Override
      public <T> T run(String owner, Callable<T> work) {
        owners.add(owner);
        try {
          return work.call();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
    SequenceForecasting forecasting = new SameDiffForecasting(
        ComputeAccess.through(service, "forecast"),
        PluginLookup.of(List.of(new MultiHeadAttention())));
    WindowSet windows = CopyWindows.of(10, 4, 2, 1, 3);

    SequenceForecaster forecaster = forecasting.train(windows, settings("multi-head", 1, 0.2),
        null);
    forecaster.predict(windows);
    forecaster.attentionWeights(windows);

    assertEquals(List.of("forecast/train", "forecast/predict", "forecast/attention"), owners);
    assertTrue(forecaster.parameterCount() > 0);
    assertEquals(forecaster.parameterCount(), forecaster.describe().get("parameters"));
    assertEquals("multi-head", forecaster.describe().get("attention"));
  }

  private static double variance(double[] values) {
    double mean = 0;
    for (double value : values) {
      mean += value / values.length;
    }
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return sum / values.length;
  }
}
