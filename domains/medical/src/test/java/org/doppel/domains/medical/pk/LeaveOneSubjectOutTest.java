package org.doppel.domains.medical.pk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.junit.jupiter.api.Test;

class LeaveOneSubjectOutTest {

  @Test
  void theRealSurrogateForecastsAHeldOutSubjectAndShowsWhichSamplesMattered()
      throws IOException {
    List<PkSubject> subjects = PkStudies.theophylline();
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention/multi-head", Map.of("heads", 2)), 8, 3, 32, 3e-3, 1e-4, 0.15,
        3, 42);
    List<Integer> epochs = new ArrayList<>();
    LeaveOneSubjectOut evaluation = new LeaveOneSubjectOut(
        StandaloneForecasting.create(new AttentionModule()), settings, 5, 40);

    LeaveOneSubjectOut.Fold fold = evaluation.evaluate(subjects, 0,
        (epoch, total, training, validation) -> epochs.add(epoch));

    assertEquals("1", fold.subject().id());
    assertEquals(51, fold.trainingWindows());
    assertEquals(6, fold.surrogate().length);
    assertTrue(fold.epochs() >= 1 && fold.epochs() <= 3, "epochs " + fold.epochs());
    assertTrue(!epochs.isEmpty());
    assertTrue(fold.parameters() > 0);
    for (double forecast : fold.surrogate()) {
      assertTrue(Double.isFinite(forecast), "forecast " + forecast);
    }
    assertTrue(Double.isFinite(fold.surrogateRmse()));
    double sum = 0;
    for (double weight : fold.attention()) {
      assertTrue(weight >= 0, "weight " + weight);
      sum += weight;
    }
    assertEquals(1, sum, 1e-5);
    // Subject 1 eliminates slowly (ke 0.054/h against a typical 0.088/h): its first samples
    // pull the MAP fit well below the population model's error.
    assertTrue(fold.fitRmse() < fold.populationRmse(), fold.fitRmse() + " vs "
        + fold.populationRmse());
  }
}
