package org.doppel.domains.medical.glucose;

import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.forecast.WindowSet;

/**
 * Forecasting examples cut from simulated days: each window's tokens are the last
 * {@code history} CGM samples (one per control period), each with the reading, the insulin
 * delivered and the carbohydrate eaten over the period that starts at it (both known when the
 * forecast is made: the dose was just decided and the meal announced); the targets are the
 * readings {@code horizons} minutes after the last token, and the baseline is persistence
 * (the last reading). Immutable once built.
 */
final class GlucoseWindows {

  static final List<String> FEATURES = List.of("cgm_mg_dl", "insulin_u", "carbs_g");

  private final List<double[][]> inputs = new ArrayList<>();
  private final List<double[]> baseline = new ArrayList<>();
  private final List<double[]> targets = new ArrayList<>();
  private final List<double[]> slopes = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final int history;
  private final int[] horizons;
  private final int period;

  GlucoseWindows(int history, int[] horizons, int period) {
    this.history = history;
    this.horizons = horizons.clone();
    this.period = period;
  }

  /**
   * Adds the windows of minutes [{@code from}, {@code to}) of a trace whose every origin has
   * its full history before it and its targets before {@code to}.
   */
  void add(String patient, GlucoseTrace trace, int fromMinute, int toMinute) {
    double[] cgm = trace.cgm();
    double[] insulin = trace.insulin();
    double[] carbs = trace.carbs();
    int samples = Math.min(toMinute, trace.minutes()) / period;
    double[][] perSample = new double[samples][3];
    for (int s = 0; s < samples; s++) {
      perSample[s][0] = cgm[s * period];
      for (int m = s * period; m < (s + 1) * period; m++) {
        perSample[s][1] += insulin[m];
        perSample[s][2] += carbs[m];
      }
    }
    int longest = 0;
    for (int h : horizons) {
      longest = Math.max(longest, h / period);
    }
    int first = Math.max(history - 1, (fromMinute + period - 1) / period + history - 1);
    for (int origin = first; origin + longest < samples; origin++) {
      double[][] tokens = new double[history][];
      for (int t = 0; t < history; t++) {
        tokens[t] = perSample[origin - history + 1 + t].clone();
      }
      double now = perSample[origin][0];
      double[] target = new double[horizons.length];
      double[] persistence = new double[horizons.length];
      for (int i = 0; i < horizons.length; i++) {
        target[i] = perSample[origin + horizons[i] / period][0];
        persistence[i] = now;
      }
      int back = Math.min(3, history - 1);
      double slope = back == 0 ? 0
          : (now - perSample[origin - back][0]) / (back * period);
      inputs.add(tokens);
      baseline.add(persistence);
      targets.add(target);
      slopes.add(new double[] {slope});
      labels.add(patient + " " + clock(origin * period));
    }
  }

  int size() {
    return inputs.size();
  }

  /** The windows with their targets. */
  WindowSet windowSet() {
    return new WindowSet(inputs.toArray(double[][][]::new), baseline.toArray(double[][]::new),
        targets.toArray(double[][]::new), FEATURES, targetNames(), tokenNames());
  }

  double[][] targets() {
    return targets.toArray(double[][]::new);
  }

  double[][] persistence() {
    return baseline.toArray(double[][]::new);
  }

  /** Linear extrapolation of the last 15 minutes' CGM trend to each horizon. */
  double[][] linearExtrapolation() {
    double[][] forecast = new double[inputs.size()][horizons.length];
    for (int w = 0; w < forecast.length; w++) {
      for (int i = 0; i < horizons.length; i++) {
        forecast[w][i] = baseline.get(w)[i] + slopes.get(w)[0] * horizons[i];
      }
    }
    return forecast;
  }

  /** "patient d1 07:05" per window: who and when the forecast is made. */
  List<String> labels() {
    return List.copyOf(labels);
  }

  List<String> targetNames() {
    List<String> names = new ArrayList<>();
    for (int h : horizons) {
      names.add("cgm_plus_" + h + "_min");
    }
    return names;
  }

  List<String> tokenNames() {
    List<String> names = new ArrayList<>();
    for (int t = history - 1; t >= 0; t--) {
      names.add("t-" + t * period + " min");
    }
    return names;
  }

  static String clock(int minute) {
    return String.format("d%d %02d:%02d", minute / 1440 + 1, minute % 1440 / 60, minute % 60);
  }
}
