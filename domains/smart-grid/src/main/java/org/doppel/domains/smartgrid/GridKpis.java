package org.doppel.domains.smartgrid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.domain.ClosedLoopTrajectory;
import org.doppel.sdk.domain.SignalStatistics;

/**
 * The smart-grid KPIs of one closed-loop run, computed over the trajectory's samples with
 * equal weight (the simulator samples at a fixed period, so sample means are time means):
 * <ul>
 *   <li>{@code freq_dev_rms_hz}, {@code freq_dev_peak_hz}: Δf1 and Δf2 pooled, Hz;</li>
 *   <li>{@code ace_rms}: ACE1 and ACE2 pooled, pu MW;</li>
 *   <li>{@code tie_line_rms_pu}: ΔPtie12, pu MW;</li>
 *   <li>{@code effort}: the RMS of the secondary-control inputs ΔPc1 and ΔPc2 pooled, pu MW:
 *       how hard the controller works the units, since u is the change of set-point the
 *       governors are asked to follow.</li>
 * </ul>
 * When the trajectory carries full-rate statistics of every signal (the simulator's, with
 * the outputs {@link #OUTPUTS} = ACE1, ACE2) the KPIs are exact over every simulated step;
 * otherwise they are computed from the kept samples, with ACE from β and a12 of the
 * parameters given, as sample estimates of the full-rate figures. Stateless and thread-safe.
 */
final class GridKpis {

  /** The names of the control case's outputs: the rows of its output matrix. */
  static final List<String> OUTPUTS = List.of("ace1", "ace2");

  private GridKpis() {
  }

  static Map<String, Double> of(ClosedLoopTrajectory trajectory, LfcParameters parameters) {
    Map<String, SignalStatistics> statistics = trajectory.statistics();
    List<String> states = TwoAreaLoadFrequencyControl.STATES;
    List<String> needed = List.of(states.get(0), states.get(5), states.get(4), OUTPUTS.get(0),
        OUTPUTS.get(1));
    if (statistics.keySet().containsAll(needed)
        && statistics.keySet().containsAll(trajectory.inputNames())) {
      return fromStatistics(statistics, trajectory.inputNames());
    }
    return fromSamples(trajectory, parameters);
  }

  private static Map<String, Double> fromStatistics(Map<String, SignalStatistics> statistics,
      List<String> inputs) {
    List<String> states = TwoAreaLoadFrequencyControl.STATES;
    SignalStatistics df1 = statistics.get(states.get(0));
    SignalStatistics df2 = statistics.get(states.get(5));

    Map<String, Double> kpis = new LinkedHashMap<>();
    kpis.put("freq_dev_rms_hz", pooledRms(df1, df2));
    kpis.put("freq_dev_peak_hz", Math.max(df1.peak(), df2.peak()));
    kpis.put("ace_rms", pooledRms(statistics.get(OUTPUTS.get(0)),
        statistics.get(OUTPUTS.get(1))));
    kpis.put("tie_line_rms_pu", statistics.get(states.get(4)).rms());
    kpis.put("effort", pooledRms(inputs.stream().map(statistics::get)
        .toArray(SignalStatistics[]::new)));
    return kpis;
  }

  private static double pooledRms(SignalStatistics... signals) {
    double sum = 0;
    long count = 0;
    for (SignalStatistics signal : signals) {
      sum += signal.rms() * signal.rms() * signal.samples();
      count += signal.samples();
    }
    return Math.sqrt(sum / count);
  }

  private static Map<String, Double> fromSamples(ClosedLoopTrajectory trajectory,
      LfcParameters parameters) {
    double[] df1 = trajectory.state(TwoAreaLoadFrequencyControl.STATES.get(0));
    double[] df2 = trajectory.state(TwoAreaLoadFrequencyControl.STATES.get(5));
    double[] tie = trajectory.state(TwoAreaLoadFrequencyControl.STATES.get(4));
    if (df1.length == 0) {
      throw new IllegalArgumentException("domain/smart-grid: the trajectory of controller '"
          + trajectory.controller() + "' has no samples");
    }
    double[] ace1 = new double[df1.length];
    double[] ace2 = new double[df1.length];
    for (int k = 0; k < df1.length; k++) {
      ace1[k] = parameters.beta() * df1[k] + tie[k];
      ace2[k] = parameters.beta() * df2[k] + parameters.a12() * tie[k];
    }
    double[][] inputs = trajectory.inputs();
    double[] u1 = new double[inputs.length];
    double[] u2 = new double[inputs.length];
    for (int k = 0; k < inputs.length; k++) {
      u1[k] = inputs[k][0];
      u2[k] = inputs[k][1];
    }

    Map<String, Double> kpis = new LinkedHashMap<>();
    kpis.put("freq_dev_rms_hz", pooledRms(df1, df2));
    kpis.put("freq_dev_peak_hz", Math.max(peak(df1), peak(df2)));
    kpis.put("ace_rms", pooledRms(ace1, ace2));
    kpis.put("tie_line_rms_pu", pooledRms(tie));
    kpis.put("effort", pooledRms(u1, u2));
    return kpis;
  }

  private static double pooledRms(double[]... signals) {
    double sum = 0;
    long count = 0;
    for (double[] signal : signals) {
      for (double value : signal) {
        sum += value * value;
      }
      count += signal.length;
    }
    return Math.sqrt(sum / count);
  }

  private static double peak(double[] signal) {
    double peak = 0;
    for (double value : signal) {
      peak = Math.max(peak, Math.abs(value));
    }
    return peak;
  }
}
