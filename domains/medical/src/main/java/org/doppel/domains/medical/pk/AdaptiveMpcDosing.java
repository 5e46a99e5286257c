package org.doppel.domains.medical.pk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.control.Controller;

/**
 * MPC on a twin that is recalibrated as the course goes: before each dose the twin is the
 * maximum a posteriori fit, under the population prior, of the patient's first samples of
 * the single-dose study together with every trough measured so far in the course; the MPC
 * (the {@code mpc} plugin, as in {@link MpcDosing}) is redesigned on it and its state is the
 * refitted model's own (gut and central amounts from the dose history), so no observer gain
 * is needed.
 *
 * <p>The single-dose study and the course are put on one time line: the study's dose is
 * placed 1000 h before the course, long enough for it to have washed out, so one
 * superposition model ({@link DoseHistoryModel}) fits both. Not thread-safe.
 */
public final class AdaptiveMpcDosing implements DosingPolicy {

  /** Where the single-dose study sits on the course's time line, hours. */
  static final double STUDY_OFFSET_H = -1000;

  private final Controller mpc;
  private final PkSubject firstSamples;
  private final PopulationPrior prior;
  private final DosingSettings settings;
  private final List<Double> doseTimes = new ArrayList<>();
  private final List<Double> doses = new ArrayList<>();
  private final List<Double> troughTimes = new ArrayList<>();
  private final List<Double> troughs = new ArrayList<>();
  private double[] parameters;
  private long fallbackSteps;

  /**
   * @param firstSamples the patient's samples known before the course (a single dose)
   * @param prior the population prior the twin is pulled towards
   */
  public AdaptiveMpcDosing(Controller mpc, PkSubject firstSamples, PopulationPrior prior,
      DosingSettings settings) {
    this.mpc = mpc;
    this.firstSamples = firstSamples;
    this.prior = prior;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "mpc";
  }

  @Override
  public double dose(int index, double measuredConcentration) {
    double now = index * settings.intervalH();
    if (index > 0) {
      troughTimes.add(now);
      troughs.add(measuredConcentration);
    }
    DoseHistoryModel model = history();
    parameters = PkFitter.fit(model, timeline(), prior).parameters();

    OralOneCompartment twin = new OralOneCompartment(parameters[0], parameters[1],
        parameters[2]);
    MpcDosing law = MpcDosing.design(mpc, twin, settings);
    double dose = law.dose(index, model.state(parameters, now));
    Object fallbacks = law.diagnostics().get("fallback_steps");
    if (fallbacks instanceof Number number) {
      fallbackSteps += number.longValue();
    }
    doseTimes.add(now);
    doses.add(dose);
    return dose;
  }

  /** The twin's current parameters (ka, ke, V), or null before the first dose. */
  public double[] parameters() {
    return parameters == null ? null : parameters.clone();
  }

  @Override
  public Map<String, Object> diagnostics() {
    return Map.of("fallback_steps", fallbackSteps, "twin_parameters",
        parameters == null ? List.of() : Arrays.stream(parameters).boxed().toList());
  }

  private DoseHistoryModel history() {
    double[] times = new double[doseTimes.size() + 1];
    double[] amounts = new double[doseTimes.size() + 1];
    times[0] = STUDY_OFFSET_H;
    amounts[0] = firstSamples.doseMg();
    for (int j = 0; j < doseTimes.size(); j++) {
      times[j + 1] = doseTimes.get(j);
      amounts[j + 1] = doses.get(j);
    }
    return new DoseHistoryModel(times, amounts);
  }

  private PkSubject timeline() {
    int first = firstSamples.samples();
    double[] times = new double[first + troughs.size()];
    double[] values = new double[times.length];
    for (int i = 0; i < first; i++) {
      times[i] = STUDY_OFFSET_H + firstSamples.timesH()[i];
      values[i] = firstSamples.concentrations()[i];
    }
    for (int i = 0; i < troughs.size(); i++) {
      times[first + i] = troughTimes.get(i);
      values[first + i] = troughs.get(i);
    }
    return new PkSubject(firstSamples.id(), firstSamples.route(), firstSamples.weightKg(),
        firstSamples.doseMg(), times, values);
  }
}
