package org.doppel.domains.medical.pk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.forecast.ForecasterSettings;

/**
 * The {@code pk} section of the medical scenario, and the shared {@code attention} section
 * (the surrogate's attention variant: {@code multi-head} with 2 heads unless it says
 * otherwise). A quick run caps the held-out subjects at 3, the virtual subjects at 60, the
 * epochs at 3 and the dosing at 3 subjects over 3 days.
 *
 * @param observedSamples samples of a new patient the twin sees before forecasting the rest
 * @param virtualSubjects simulated subjects added to each fold's training windows
 * @param heldOutSubjects how many subjects (from the first) are held out in turn; 0 for all
 * @param indomethacinDoseMg the indomethacin dose assumed (the data set has none)
 * @param integrator the plant simulation's integrator
 * @param surrogate the forecaster's settings
 * @param dosing the multiple-dose experiment
 */
public record PkSettings(int observedSamples, int virtualSubjects, int heldOutSubjects,
    double indomethacinDoseMg, IntegratorSettings integrator, ForecasterSettings surrogate,
    DosingSettings dosing) {

  /** The keys of the {@code pk} section. */
  public static final Set<String> KEYS = Set.of("observed_samples", "virtual_subjects",
      "held_out_subjects", "indomethacin_dose_mg", "integrator", "surrogate", "dosing");

  /**
   * The settings of a scenario.
   *
   * @param pk the {@code pk} section
   * @param attention the shared {@code attention} section ({@code {id: ..., ...}})
   * @param seed the scenario's seed
   * @param quick whether the run is a quick one
   * @throws PluginException naming the section, key and reason
   */
  public static PkSettings from(Parameters pk, Parameters attention, long seed, boolean quick) {
    pk.requireOnly(KEYS);
    int observed = Sections.atLeast(pk, "observed_samples", 5, 1);
    if (observed > 9) {
      throw new PluginException(pk.owner() + ": parameter 'observed_samples' must leave at"
          + " least two of the 11 theophylline samples to forecast, got " + observed);
    }
    int virtual = Sections.atLeast(pk, "virtual_subjects", 200, 0);
    int heldOut = Sections.atLeast(pk, "held_out_subjects", 0, 0);
    double dose = Sections.positive(pk, "indomethacin_dose_mg", 25);

    Map<String, Object> variant = new LinkedHashMap<>(attention.asMap());
    String id = String.valueOf(variant.getOrDefault("id", "multi-head"));
    variant.remove("id");
    if (attention.asMap().isEmpty()) {
      variant.put("heads", 2);
    }
    ForecasterSettings surrogate;
    try {
      surrogate = ForecasterSettings.fromScenario(Sections.sub(pk, "surrogate"), Set.of(), id,
          Parameters.of("attention/" + id, variant), seed);
    } catch (IllegalArgumentException e) {
      throw new PluginException(pk.owner() + ".surrogate: " + e.getMessage(), e);
    }
    DosingSettings dosing = DosingSettings.from(Sections.sub(pk, "dosing"));
    IntegratorSettings integrator = IntegratorSettings.from(Sections.sub(pk, "integrator"));

    if (quick) {
      heldOut = heldOut == 0 ? 3 : Math.min(heldOut, 3);
      virtual = Math.min(virtual, 60);
      surrogate = surrogate.withEpochs(Math.min(surrogate.epochs(), 3));
      dosing = dosing.withDays(Math.min(dosing.days(), 3))
          .withSubjects(dosing.subjects() == 0 ? 3 : Math.min(dosing.subjects(), 3));
    }
    return new PkSettings(observed, virtual, heldOut, dose, integrator, surrogate, dosing);
  }
}
