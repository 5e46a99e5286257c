package org.doppel.runtime.surrogate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.runtime.evaluation.Baselines;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.evaluation.DayAheadEvaluator;
import org.doppel.sdk.Parameters;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The quick surrogate on the shipped demand data, against the naive baselines. */
class SmartGridSurrogateTest {

  private static final Logger LOG = LoggerFactory.getLogger(SmartGridSurrogateTest.class);

  @Test
  void quickModelBeatsPersistenceAndSeasonalNaiveOnTheDefaultSplit() {
    DemandSeries data = DemandSeries.load();
    SurrogateSettings settings = SurrogateSettingsTest.shipped().quick();
    SurrogateTrainer trainer = new SurrogateTrainer(settings, new MultiHeadAttention(),
        Parameters.of("attention/multi-head", java.util.Map.of("heads", 4)), 42);

    TrainedSurrogate surrogate = trainer.fit(data.timestamps, data.values,
        DemandSeries.TEST_START, record -> LOG.info("{}", record));
    DayAheadEvaluation twin = DayAheadEvaluator.evaluate(data.timestamps, data.values,
        DemandSeries.TEST_START, data.values.length, 48,
        surrogate.forecaster(data.timestamps, data.values));
    DayAheadEvaluation persistence = DayAheadEvaluator.evaluate(data.timestamps, data.values,
        DemandSeries.TEST_START, data.values.length, 48,
        Baselines.persistence(data.values, 48));

    DayAheadEvaluation seasonalWeek = DayAheadEvaluator.evaluate(data.timestamps,
        data.values, DemandSeries.TEST_START, data.values.length, 48,
        Baselines.seasonalNaive(data.values, 336, 48));

    LOG.info("quick twin {} vs persistence {} and seasonal naive (week) {}", twin.pooled(),
        persistence.pooled(), seasonalWeek.pooled());
    assertTrue(twin.pooled().mape() < persistence.pooled().mape(),
        "twin MAPE " + twin.pooled().mape() + " vs persistence "
            + persistence.pooled().mape());
    assertTrue(twin.pooled().mape() < seasonalWeek.pooled().mape(),
        "twin MAPE " + twin.pooled().mape() + " vs seasonal naive (week) "
            + seasonalWeek.pooled().mape());
  }
}
