package org.doppel.domains.medical.pk;

import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.forecast.WindowSet;

/**
 * Subjects as windows for the attention surrogate: one window per subject, one token per
 * blood sample, in time order. A token's features are its time, its concentration (0 when
 * the sample is still to be forecast), whether it is observed, and the subject's dose and
 * weight; the first {@code observed} samples are observed, the rest are the targets (their
 * times stay visible, so the network knows when to forecast). The baseline is the population
 * model's curve at the target times, so the network learns how the first samples move a
 * patient away from the typical one.
 */
public final class SurrogateWindows {

  /** The features of a token, in order. */
  public static final List<String> FEATURES = List.of("time_h", "conc_mg_per_L", "observed",
      "dose_mg", "weight_kg");

  private final int samples;
  private final int observed;

  /**
   * Windows of {@code samples} tokens of which the first {@code observed} are observed.
   *
   * @throws IllegalArgumentException unless 1 ≤ observed < samples
   */
  public SurrogateWindows(int samples, int observed) {
    if (observed < 1 || observed >= samples) {
      throw new IllegalArgumentException("the observed samples must be between 1 and "
          + (samples - 1) + " of " + samples + ", got " + observed);
    }
    this.samples = samples;
    this.observed = observed;
  }

  /** The token names, {@code sample 1} onwards. */
  public List<String> tokenNames() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= samples; i++) {
      names.add("sample " + i);
    }
    return names;
  }

  /** The target names: the samples after the observed ones. */
  public List<String> targetNames() {
    return tokenNames().subList(observed, samples);
  }

  /**
   * The windows of {@code subjects} with the baseline of {@code prior}; with
   * {@code labelled} their later samples are the targets.
   *
   * @throws IllegalArgumentException naming a subject with another number of samples or no
   *     weight
   */
  public WindowSet windows(List<PkSubject> subjects, PopulationPrior prior, boolean labelled) {
    int count = subjects.size();
    double[][][] inputs = new double[count][samples][FEATURES.size()];
    double[][] baseline = new double[count][samples - observed];
    double[][] targets = new double[count][samples - observed];
    for (int s = 0; s < count; s++) {
      PkSubject subject = subjects.get(s);
      if (subject.samples() != samples) {
        throw new IllegalArgumentException(subject + " has " + subject.samples()
            + " samples; the surrogate's windows need " + samples);
      }
      if (!(subject.weightKg() > 0)) {
        throw new IllegalArgumentException(subject + " has no weight, a surrogate feature");
      }
      double[] times = subject.timesH();
      double[] concentrations = subject.concentrations();
      for (int i = 0; i < samples; i++) {
        boolean seen = i < observed;
        inputs[s][i] = new double[] {times[i], seen ? concentrations[i] : 0, seen ? 1 : 0,
            subject.doseMg(), subject.weightKg()};
        if (!seen) {
          baseline[s][i - observed] = prior.concentration(subject, times[i]);
          targets[s][i - observed] = concentrations[i];
        }
      }
    }
    return new WindowSet(inputs, baseline, labelled ? targets : null, FEATURES, targetNames(),
        tokenNames());
  }
}
