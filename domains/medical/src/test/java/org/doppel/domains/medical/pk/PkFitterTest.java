package org.doppel.domains.medical.pk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PkFitterTest {

  private static final double[] TIMES = {0.25, 0.5, 1, 2, 3.5, 5, 7, 9, 12, 24};

  @Test
  void theOralFitRecoversKnownParametersFromNoiseFreeSyntheticData() {
    double[] truth = {1.7, 0.09, 30};
    PkSubject subject = synthetic(PkModel.oralOneCompartment(), truth, 320, TIMES);

    PkFit fit = PkFitter.fit(PkModel.oralOneCompartment(), subject);

    for (int j = 0; j < truth.length; j++) {
      assertEquals(truth[j], fit.parameters()[j], 1e-6 * truth[j], "parameter " + j);
    }
    assertTrue(fit.rmse() < 1e-8, "rmse " + fit.rmse());
  }

  @Test
  void theOralFitPutsAFlipFlopSolutionWithKaAboveKe() {
    // Starting points include ka below ke's mirror; the result is always the ka > ke twin.
    double[] truth = {0.6, 0.2, 25};
    PkSubject subject = synthetic(PkModel.oralOneCompartment(), truth, 300, TIMES);

    PkFit fit = PkFitter.fit(PkModel.oralOneCompartment(), subject);

    assertEquals(0.6, fit.parameters()[0], 1e-6);
    assertEquals(0.2, fit.parameters()[1], 1e-7);
    assertEquals(25, fit.parameters()[2], 1e-5);
  }

  @Test
  void theIntravenousFitsRecoverKnownParameters() {
    PkSubject one = synthetic(PkModel.ivOneCompartment(), new double[] {0.4, 12}, 25, TIMES);
    double[] biexponential = {2.5, 2.2, 0.6, 0.25};
    PkSubject two = synthetic(PkModel.ivTwoCompartment(), biexponential, 25, TIMES);

    PkFit oneFit = PkFitter.fit(PkModel.ivOneCompartment(), one);
    PkFit twoFit = PkFitter.fit(PkModel.ivTwoCompartment(), two);

    assertEquals(0.4, oneFit.parameters()[0], 1e-8);
    assertEquals(12, oneFit.parameters()[1], 1e-6);
    for (int j = 0; j < 4; j++) {
      assertEquals(biexponential[j], twoFit.parameters()[j], 1e-5 * biexponential[j]);
    }
  }

  @Test
  void standardErrorsMatchTheSpreadOfFitsToNoisyReplicates() {
    // 200 replicates with noise of SD 0.3 mg/L: the reported standard error of each
    // parameter should match the SD of its estimates across replicates within 25 %.
    double[] truth = {1.5, 0.08, 32};
    java.util.Random random = new java.util.Random(7);
    int replicates = 200;
    double[][] estimates = new double[replicates][];
    double[][] errors = new double[replicates][];
    for (int r = 0; r < replicates; r++) {
      PkSubject clean = synthetic(PkModel.oralOneCompartment(), truth, 320, TIMES);
      double[] noisy = clean.concentrations();
      for (int i = 0; i < noisy.length; i++) {
        noisy[i] += 0.3 * random.nextGaussian();
      }
      PkSubject subject = new PkSubject("r" + r, PkSubject.Route.ORAL, 70, 320, TIMES, noisy);
      PkFit fit = PkFitter.fit(PkModel.oralOneCompartment(), subject);
      estimates[r] = fit.parameters();
      errors[r] = fit.standardErrors();
    }

    for (int j = 0; j < truth.length; j++) {
      final int column = j;
      double mean = java.util.Arrays.stream(estimates).mapToDouble(e -> e[column]).average()
          .orElseThrow();
      double spread = Math.sqrt(java.util.Arrays.stream(estimates)
          .mapToDouble(e -> (e[column] - mean) * (e[column] - mean)).sum() / (replicates - 1));
      double reported = java.util.Arrays.stream(errors).mapToDouble(e -> e[column]).average()
          .orElseThrow();
      assertEquals(1, reported / spread, 0.25, "parameter " + j + ": reported " + reported
          + ", spread " + spread);
    }
  }

  @Test
  void everyTheophyllineSubjectFitsWithFiniteStandardErrors() throws IOException {
    List<PkSubject> subjects = PkStudies.theophylline();

    for (PkSubject subject : subjects) {
      PkFit fit = PkFitter.fit(PkModel.oralOneCompartment(), subject);
      double[] p = fit.parameters();
      assertTrue(p[0] > p[1], subject + ": ka " + p[0] + " not above ke " + p[1]);
      assertTrue(p[1] > 0.02 && p[1] < 0.2, subject + ": ke " + p[1]);
      for (double se : fit.standardErrors()) {
        assertTrue(Double.isFinite(se) && se > 0, subject + ": standard error " + se);
      }
      assertTrue(fit.residualSd() < 1.5, subject + ": residual SD " + fit.residualSd());
    }
  }

  @Test
  void theophyllineFitsAndStandardErrorsMatchSciPy() throws IOException {
    // scipy.optimize.least_squares(method='lm') on the same log-parameters, standard errors
    // from s^2 (J'J)^-1 at the optimum (docs/notes/medical.md gives the script).
    double[][] scipy = {
        {1.77741, 0.05395, 29.39417, 0.3072, 0.0092, 1.7702},
        {8.86561, 0.08663, 32.59477, 3.8912, 0.0109, 1.5128},
        {0.8329, 0.10558, 24.06253, 0.1261, 0.0156, 1.9126}};
    int[] subjects = {0, 8, 11};
    List<PkSubject> theophylline = PkStudies.theophylline();

    for (int s = 0; s < subjects.length; s++) {
      PkFit fit = PkFitter.fit(PkModel.oralOneCompartment(), theophylline.get(subjects[s]));
      for (int j = 0; j < 3; j++) {
        assertEquals(scipy[s][j], fit.parameters()[j], 1e-5 * scipy[s][j] + 1e-5);
        assertEquals(scipy[s][3 + j], fit.standardErrors()[j], 1e-4 * scipy[s][3 + j] + 1e-4);
      }
    }
  }

  @Test
  void aPriorPullsAFitOnThreeSamplesTowardsThePopulation() throws IOException {
    List<PkSubject> subjects = PkStudies.theophylline();
    PopulationPrior prior = PopulationPrior.of(PkModel.oralOneCompartment(),
        subjects.subList(1, 12), 2);
    PkSubject few = subjects.get(0).firstSamples(3);

    PkFit map = PkFitter.fit(PkModel.oralOneCompartment(), few, prior);

    double[] typical = prior.typical(few);
    for (int j = 0; j < 3; j++) {
      double z = (Math.log(map.parameters()[j]) - Math.log(typical[j])) / prior.logSd()[j];
      assertTrue(Math.abs(z) < 3, "parameter " + j + " is " + z + " prior SDs away");
    }
    assertTrue(Double.isFinite(map.standardErrors()[1]));
  }

  static PkSubject synthetic(PkModel model, double[] parameters, double doseMg,
      double[] times) {
    double[] concentrations = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      concentrations[i] = model.concentration(parameters, doseMg, times[i]);
    }
    return new PkSubject("synthetic", PkSubject.Route.ORAL, 70, doseMg, times, concentrations);
  }
}
