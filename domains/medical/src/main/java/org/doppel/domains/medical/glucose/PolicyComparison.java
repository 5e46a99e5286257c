package org.doppel.domains.medical.glucose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The decision twin's study: every policy on every patient over the same multi-day meal
 * scenario and the same sensor noise (per patient), so the policies differ only in how they
 * dose. Not thread-safe.
 */
final class PolicyComparison {

  /** One patient under one policy. */
  record Outcome(String policy, VirtualPatient patient, GlucoseTrace trace,
      GlycemicKpis kpis) {
  }

  /** Tells the caller after each patient and policy. */
  interface Listener {
    void done(Outcome outcome);
  }

  private final GlucoseSettings settings;
  private final ClosedLoop loop;
  private final long seed;

  PolicyComparison(GlucoseSettings settings, long seed) {
    this.settings = settings;
    this.loop = new ClosedLoop(settings.sensor(), settings.pump(), settings.integrator(),
        settings.periodMinutes());
    this.seed = seed;
  }

  /**
   * Runs every policy on every patient.
   *
   * @param policies makes a fresh policy for a policy id and a patient
   * @return outcomes per policy id, patients in order
   */
  Map<String, List<Outcome>> run(BiFunction<String, VirtualPatient, InsulinPolicy> policies,
      Listener listener) {
    Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
    settings.policies().forEach(id -> outcomes.put(id, new ArrayList<>()));
    int minutes = settings.days() * 1440;
    for (int p = 0; p < settings.patients().size(); p++) {
      VirtualPatient patient = settings.patients().get(p);
      long patientSeed = seed * 1_000_003L + p;
      List<MealPlan.Meal> meals = settings.meals().meals(settings.days(),
          settings.periodMinutes(), patientSeed);
      for (String id : settings.policies()) {
        GlucoseTrace trace = loop.run(patient, policies.apply(id, patient), meals, minutes,
            patientSeed);
        Outcome outcome = new Outcome(id, patient, trace,
            GlycemicKpis.of(trace.bloodGlucose()));
        outcomes.get(id).add(outcome);
        listener.done(outcome);
      }
    }
    return outcomes;
  }
}
