package org.doppel.domains.medical.pk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.plugins.controllers.PidController;
import org.doppel.sdk.Parameters;
import org.junit.jupiter.api.Test;

class DosingSimulationTest {

  private static final PlantSimulator SIMULATOR = new PlantSimulator(IntegratorSettings.DEFAULT);

  @Test
  void aFixedRegimenGivesTheSuperposedClosedFormCurve() {
    DosingSettings settings = settings(Map.of("days", 3, "measurement_cv", 0));
    OralOneCompartment patient = new OralOneCompartment(1.5, 0.08, 32);

    DosingCourse course = new DosingSimulation(SIMULATOR, settings).run(patient,
        new FixedRegimen(300), 1);

    double[] times = course.timesH();
    for (int i = 0; i < times.length; i += 37) {
      double expected = 0;
      for (int k = 0; k < 6; k++) {
        expected += PkModel.oralOneCompartment().concentration(new double[] {1.5, 0.08, 32},
            300, times[i] - 12 * k);
      }
      assertEquals(expected, course.concentrations()[i], 1e-7, "at " + times[i] + " h");
    }
    assertEquals(72, times[times.length - 1], 1e-9);
    assertEquals(1800, course.kpis(10, 20, 20).totalDoseMg(), 1e-9);
  }

  @Test
  void noPolicyEverLeavesTheDoseBoundsOnAnyTheophyllineSubject() throws IOException {
    DosingSettings settings = settings(Map.of("days", 5, "max_dose_mg", 500,
        "mpc", Map.of("horizon", 6), "pid", Map.of("kp", 60, "ti", 43200)));
    DosingSimulation simulation = new DosingSimulation(SIMULATOR, settings);

    List<PkSubject> subjects = PkStudies.theophylline();
    PopulationPrior prior = PopulationPrior.of(PkModel.oralOneCompartment(), subjects, 2);
    for (PkSubject subject : subjects) {
      PkPlant patient = PkFitter.fit(PkModel.oralOneCompartment(), subject).plant();
      List<DosingPolicy> policies = List.of(new FixedRegimen(300),
          MpcDosing.design(new MpcController(), patient, settings),
          new AdaptiveMpcDosing(new MpcController(), subject.firstSamples(5), prior, settings),
          PidDosing.design(new PidController(), patient, settings));
      for (DosingPolicy policy : policies) {
        DosingCourse course = simulation.run(patient, policy, 11);
        for (double dose : course.dosesMg()) {
          assertTrue(dose >= 0 && dose <= 500, policy.name() + " on " + subject + ": " + dose);
        }
      }
    }
  }

  @Test
  void mpcKeepsATypicalPatientInTheWindowLongerThanTheFixedRegimen() {
    DosingSettings settings = settings(Map.of("days", 7));
    OralOneCompartment patient = new OralOneCompartment(1.5, 0.06, 32);
    DosingSimulation simulation = new DosingSimulation(SIMULATOR, settings);

    DosingKpis fixed = simulation.run(patient, new FixedRegimen(300), 5).kpis(10, 20, 20);
    MpcDosing mpc = MpcDosing.design(new MpcController(), patient, settings);
    DosingKpis model = simulation.run(patient, mpc, 5).kpis(10, 20, 20);

    assertTrue(model.timeInWindowPct() > fixed.timeInWindowPct() + 10,
        "mpc " + model + " vs fixed " + fixed);
    assertTrue(model.timeAboveToxicPct() < 1, "mpc above toxic: " + model);
    assertEquals(15 * 0.06 * 32 * 12, mpc.steadyDose(), 1e-6 * mpc.steadyDose());
  }

  @Test
  void anAdaptiveTwinLearnsASlowEliminatorFromItsTroughsAndStaysBelowToxic()
      throws IOException {
    // Subject 1 clears theophylline slowly (ke 0.054/h); its first 5 samples do not show it,
    // so a twin fitted on them alone overdoses (see the notes). Refitted on every trough, the
    // twin's ke comes close to the patient's and MPC keeps it out of the toxic range.
    DosingSettings settings = settings(Map.of("days", 7));
    List<PkSubject> subjects = PkStudies.theophylline();
    PkFit truth = PkFitter.fit(PkModel.oralOneCompartment(), subjects.get(0));
    PopulationPrior prior = PopulationPrior.of(PkModel.oralOneCompartment(),
        subjects.subList(1, 12), 2);
    PkSubject first = subjects.get(0).firstSamples(5);
    DosingSimulation simulation = new DosingSimulation(SIMULATOR, settings);

    DosingKpis fixedTwin = simulation.run(truth.plant(), MpcDosing.design(new MpcController(),
        PkFitter.fit(PkModel.oralOneCompartment(), first, prior).plant(), settings), 3)
        .kpis(10, 20, 20);
    AdaptiveMpcDosing adaptive = new AdaptiveMpcDosing(new MpcController(), first, prior,
        settings);
    DosingKpis adapted = simulation.run(truth.plant(), adaptive, 3).kpis(10, 20, 20);

    assertTrue(fixedTwin.timeAboveToxicPct() > 10, "map twin: " + fixedTwin);
    assertTrue(adapted.timeAboveToxicPct() < fixedTwin.timeAboveToxicPct() / 3,
        "adaptive " + adapted + " vs map twin " + fixedTwin);
    assertEquals(truth.parameters()[1], adaptive.parameters()[1],
        0.25 * truth.parameters()[1]);
  }

  @Test
  void aPolicyOutsideTheBoundsIsAnErrorNamingIt() {
    DosingSettings settings = settings(Map.of("days", 1));
    DosingPolicy rogue = new DosingPolicy() {
      @Override
      public String name() {
        return "rogue";
      }

      @Override
      public double dose(int index, double measuredConcentration) {
        return 1000;
      }
    };

    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> new DosingSimulation(SIMULATOR, settings).run(new OralOneCompartment(), rogue, 1));

    assertTrue(error.getMessage().startsWith("policy rogue chose dose 0 of 1000.0 mg"),
        error.getMessage());
  }

  static DosingSettings settings(Map<String, Object> values) {
    return DosingSettings.from(Parameters.of("pk.dosing", values));
  }
}
