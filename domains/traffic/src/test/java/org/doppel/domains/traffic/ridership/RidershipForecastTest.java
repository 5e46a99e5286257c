package org.doppel.domains.traffic.ridership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.data.IngestException;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.WindowSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RidershipForecastTest {

  private static final Logger LOG = LoggerFactory.getLogger(RidershipForecastTest.class);

  @TempDir
  Path folder;

  private static RidershipData shipped() throws Exception {
    return RidershipData.read(RidershipForecastTest.class.getResource(
        "/org/doppel/domains/traffic/data/ridership/chicago_clark_lake_daily.csv"),
        "chicago_clark_lake_daily.csv");
  }

  @Test
  void theTwinBeatsPersistenceOnTheHeldOutYear() throws Exception {
    RidershipForecast problem = new RidershipForecast(shipped(), 14, 730, 365);
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention/multi-head", Map.of("heads", 2)), 16, 8, 32, 3e-3, 1e-4,
        0.15, 3, 42L);
    SequenceForecaster forecaster = StandaloneForecasting.create(new AttentionModule())
        .train(problem.training(), settings, null);
    WindowSet test = problem.test();

    double[] persistence = problem.persistence();
    double[][] twin = forecaster.predict(test);
    double twinMae = 0;
    double persistenceMae = 0;
    double weeklyMae = 0;
    for (int i = 0; i < test.size(); i++) {
      twinMae += Math.abs(twin[i][0] - test.targets()[i][0]) / test.size();
      persistenceMae += Math.abs(persistence[i] - test.targets()[i][0]) / test.size();
      weeklyMae += Math.abs(test.baseline()[i][0] - test.targets()[i][0]) / test.size();
    }
    LOG.info("held-out year MAE (thousands): twin [{}], persistence [{}], weekly [{}]",
        twinMae, persistenceMae, weeklyMae);
    assertTrue(twinMae < persistenceMae, twinMae + " vs " + persistenceMae);
    assertEquals(15, forecaster.attentionWeights(test)[0][0].length);
  }

  @Test
  void aGapInTheDatesIsAnErrorNamingFileLineAndColumn() throws Exception {
    Path file = folder.resolve("gap.csv");
    Files.writeString(file, "date,ridership,temp,percip,weather_rain,weather_snow\n"
        + "2001-01-22,15.7,19,0,0,0\n2001-01-24,15.8,30,0,0,0.2\n");

    IngestException error = assertThrows(IngestException.class,
        () -> RidershipData.read(file.toUri().toURL(), "gap.csv"));

    assertTrue(error.getMessage().contains("gap.csv:3 [date]"), error.getMessage());
  }

  @Test
  void aNegativeRidershipIsAnErrorNamingFileLineAndColumn() throws Exception {
    Path file = folder.resolve("negative.csv");
    Files.writeString(file, "date,ridership,temp,percip,weather_rain,weather_snow\n"
        + "2001-01-22,-1,19,0,0,0\n");

    IngestException error = assertThrows(IngestException.class,
        () -> RidershipData.read(file.toUri().toURL(), "negative.csv"));

    assertTrue(error.getMessage().contains("negative.csv:2 [ridership]"), error.getMessage());
  }
}
