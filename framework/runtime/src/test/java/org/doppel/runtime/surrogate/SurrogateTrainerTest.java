package org.doppel.runtime.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.junit.jupiter.api.Test;

class SurrogateTrainerTest {

  /** A small network over one day of hourly values, forecasting 6 hours. */
  static SurrogateSettings small(int epochs, double learningRate) {
    return new SurrogateSettings(24, 6, 4, 8, epochs, 16, learningRate, 1e-4, 0.0, 0.2, 3);
  }

  static SurrogateTrainer trainer(SurrogateSettings settings, long seed) {
    return new SurrogateTrainer(settings, new MultiHeadAttention(),
        Parameters.of("attention/multi-head", Map.of("heads", 2)), seed);
  }

  @Test
  void theSameSeedGivesTheSameLossesAndForecasts() {
    SyntheticSeries data = SyntheticSeries.hourly(24 * 12, 7);

    TrainedSurrogate first = trainer(small(3, 0.01), 11).fit(data.timestamps, data.values,
        24 * 10, record -> { });
    TrainedSurrogate second = trainer(small(3, 0.01), 11).fit(data.timestamps, data.values,
        24 * 10, record -> { });

    assertEquals(first.history(), withSameSeconds(second.history(), first.history()));
    assertArrayEquals(first.forecaster(data.timestamps, data.values).forecast(24 * 10),
        second.forecaster(data.timestamps, data.values).forecast(24 * 10));
  }

  @Test
  void trainingLowersTheLossAndRestoresTheBestEpoch() {
    SyntheticSeries data = SyntheticSeries.hourly(24 * 20, 3);
    List<EpochRecord> heard = new ArrayList<>();

    TrainedSurrogate surrogate = trainer(small(8, 0.01), 5).fit(data.timestamps, data.values,
        24 * 18, heard::add);

    assertEquals(surrogate.history(), heard);
    assertTrue(heard.get(heard.size() - 1).trainLoss() < heard.get(0).trainLoss(),
        "losses " + heard);
    EpochRecord best = heard.get(surrogate.bestEpoch() - 1);
    assertTrue(best.improved());
    assertEquals(best.validationLoss(), heard.stream()
        .mapToDouble(EpochRecord::validationLoss).min().orElseThrow());
  }

  /** C11, first case: 8 hourly values, window 1, horizon 1, batch 32: one partial batch. */
  @Test
  void aSeriesShorterThanOneBatchTrainsOnAPartialBatch() {
    SyntheticSeries data = SyntheticSeries.hourly(8, 1);
    SurrogateSettings settings = new SurrogateSettings(1, 1, 1, 4, 3, 32, 0.01, 0, 0, 0, 3);

    TrainedSurrogate surrogate = trainer(settings, 1).fit(data.timestamps, data.values, 8,
        record -> { });

    assertEquals(3, surrogate.history().size());
    for (EpochRecord record : surrogate.history()) {
      assertTrue(Double.isFinite(record.trainLoss()), record.toString());
    }
    assertEquals(1, surrogate.forecaster(data.timestamps, data.values).forecast(8).length);
  }

  /** C11, second case: 20 values with an input window of 24. */
  @Test
  void aSeriesShorterThanOneWindowNamesThePointsNeededAndGiven() {
    SyntheticSeries data = SyntheticSeries.hourly(20, 1);
    SurrogateSettings settings = new SurrogateSettings(24, 1, 1, 4, 3, 32, 0.01, 0, 0, 0, 3);

    SurrogateTrainingException error = assertThrows(SurrogateTrainingException.class,
        () -> trainer(settings, 1).fit(data.timestamps, data.values, 20, record -> { }));
    assertTrue(error.getMessage().contains("at least 25 points"), error.getMessage());
    assertTrue(error.getMessage().contains("20 were given"), error.getMessage());
  }

  /** C04: an absurd learning rate stops training with the epoch and variable named. */
  @Test
  void aDivergingLossStopsTrainingNamingTheEpochAndVariable() {
    SyntheticSeries data = SyntheticSeries.hourly(24 * 12, 7);

    SurrogateTrainingException error = assertThrows(SurrogateTrainingException.class,
        () -> trainer(small(3, 1e30), 1).fit(data.timestamps, data.values, 24 * 10,
            record -> { }));
    assertTrue(error.getMessage().contains("epoch 1, iteration "), error.getMessage());
    assertTrue(error.getMessage().contains("variable '"), error.getMessage());
  }

  @Test
  void anUnknownAttentionParameterIsNamed() {
    SyntheticSeries data = SyntheticSeries.hourly(24 * 12, 7);
    SurrogateTrainer trainer = new SurrogateTrainer(small(1, 0.01), new MultiHeadAttention(),
        Parameters.of("attention/multi-head", Map.of("hedas", 2)), 1);

    PluginException error = assertThrows(PluginException.class,
        () -> trainer.fit(data.timestamps, data.values, 24 * 10, record -> { }));
    assertTrue(error.getMessage().contains("hedas"), error.getMessage());
  }

  private static List<EpochRecord> withSameSeconds(List<EpochRecord> records,
      List<EpochRecord> timing) {
    List<EpochRecord> result = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      EpochRecord r = records.get(i);
      result.add(new EpochRecord(r.epoch(), r.maxEpochs(), r.trainLoss(), r.validationLoss(),
          timing.get(i).seconds(), r.improved()));
    }
    return result;
  }
}
