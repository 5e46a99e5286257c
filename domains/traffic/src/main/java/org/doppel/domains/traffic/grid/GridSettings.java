package org.doppel.domains.traffic.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * The scenario's {@code grid} section. Immutable.
 *
 * @param data a folder holding the three grid files, or {@code null} for the shipped data
 * @param timing cycle ({@code cycle_s}, 90), lost time ({@code lost_time_s}, 6) and minimum
 *     green ({@code min_green_s}, 12)
 * @param saturationQuantile {@code saturation_quantile} (0.999)
 * @param policies {@code policies} ([fixed-time, lqr, lqr-relinearised, mpc]); see
 *     {@link GridPolicies}
 * @param demandScales {@code demand_scales} ([1, 2]): every policy runs at the data's
 *     arrivals times each of these
 * @param inputWeight {@code input_weight} (0.01): R = r·I of LQR and MPC, per s² of green
 * @param greenRateSeconds {@code green_rate_s} (10): the most a stage's green may change from
 *     one cycle to the next under MPC, s
 * @param mpcHorizon {@code mpc_horizon} (10 cycles)
 * @param mpcMoves {@code mpc_moves} (3)
 * @param lookbackMinutes {@code lookback_min} (15): recent minutes each forecast sees
 * @param horizonMinutes {@code horizon_min} (15): the forecast is the mean flow over the next
 *     this many minutes
 * @param testMinutes {@code test_min} (60): the held-out last minutes
 * @param neighbours {@code neighbours} (8): the loops in each forecast window, the forecast
 *     loop and its nearest others
 * @param trainStrideMinutes {@code train_stride_min} (10): minutes between training origins
 *     (a quick run uses at least 15)
 * @see org.doppel.domains.traffic.sumo.SumoSettings the section's {@code plant} and
 *     {@code sumo_minutes}, read there
 */
public record GridSettings(Path data, SignalTiming timing,
    double saturationQuantile, List<String> policies, double[] demandScales,
    double inputWeight,
    double greenRateSeconds, int mpcHorizon, int mpcMoves, int lookbackMinutes,
    int horizonMinutes, int testMinutes, int neighbours, int trainStrideMinutes) {

  /** The policies a scenario may name. */
  public static final Set<String> POLICIES = Set.of("fixed-time", "lqr", "lqr-relinearised",
      "mpc");

  private static final Set<String> KEYS = Set.of("data", "cycle_s", "lost_time_s",
      "min_green_s", "saturation_quantile", "policies", "demand_scales", "input_weight",
      "green_rate_s", "mpc_horizon", "mpc_moves", "lookback_min", "horizon_min", "test_min",
      "neighbours", "train_stride_min", "plant", "sumo_minutes");

  public GridSettings {
    policies = List.copyOf(policies);
    demandScales = demandScales.clone();
    for (double scale : demandScales) {
      if (!(scale > 0) || scale > 10) {
        throw new IllegalArgumentException("'demand_scales' must lie in (0, 10], got "
            + scale);
      }
    }
  }

  /** Every default. */
  public static GridSettings defaults() {
    return new GridSettings(null, new SignalTiming(90, 6, 12), 0.999,
        List.of("fixed-time", "lqr", "lqr-relinearised", "mpc"), new double[] {1, 2}, 0.01,
        10, 10, 3, 15, 15, 60, 8, 10);
  }

  /**
   * Reads the section.
   *
   * @throws PluginException naming the section, key and reason
   */
  public static GridSettings of(Parameters section) {
    section.requireOnly(KEYS);
    GridSettings d = defaults();
    String owner = section.owner().isEmpty() ? "grid" : section.owner();
    try {
      SignalTiming timing = new SignalTiming(
          section.getDouble("cycle_s", d.timing().cycleSeconds()),
          section.getDouble("lost_time_s", d.timing().lostSeconds()),
          section.getDouble("min_green_s", d.timing().minGreenSeconds()));
      List<String> policies = policies(section, owner, d.policies());
      GridSettings settings = new GridSettings(
          section.has("data") ? Path.of(section.getString("data", "")) : null, timing,
          section.getDouble("saturation_quantile", d.saturationQuantile()), policies,
          section.getDoubles("demand_scales", d.demandScales()),
          section.getDouble("input_weight", d.inputWeight()),
          section.getDouble("green_rate_s", d.greenRateSeconds()),
          section.getInt("mpc_horizon", d.mpcHorizon()),
          section.getInt("mpc_moves", d.mpcMoves()),
          section.getInt("lookback_min", d.lookbackMinutes()),
          section.getInt("horizon_min", d.horizonMinutes()),
          section.getInt("test_min", d.testMinutes()),
          section.getInt("neighbours", d.neighbours()),
          section.getInt("train_stride_min", d.trainStrideMinutes()));
      settings.check(owner);
      return settings;
    } catch (IllegalArgumentException e) {
      throw new PluginException(owner + ": " + e.getMessage(), e);
    }
  }

  private static List<String> policies(Parameters section, String owner,
      List<String> fallback) {
    Object value = section.asMap().get("policies");
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new PluginException(owner + ": parameter 'policies' must be a non-empty list of "
          + new java.util.TreeSet<>(POLICIES) + ", got '" + value + "'");
    }
    for (Object p : list) {
      if (!POLICIES.contains(String.valueOf(p))) {
        throw new PluginException(owner + ": parameter 'policies' names '" + p + "'; known"
            + " policies: " + new java.util.TreeSet<>(POLICIES));
      }
    }
    return list.stream().map(String::valueOf).toList();
  }

  private void check(String owner) {
    if (!(inputWeight > 0) || !(greenRateSeconds > 0)) {
      throw new IllegalArgumentException("'input_weight' and 'green_rate_s' must be positive,"
          + " got " + inputWeight + " and " + greenRateSeconds);
    }
    if (mpcHorizon < 1 || mpcMoves < 1 || mpcMoves > mpcHorizon) {
      throw new IllegalArgumentException("'mpc_horizon' must be at least 1 and 'mpc_moves'"
          + " between 1 and it, got " + mpcHorizon + " and " + mpcMoves);
    }
    if (neighbours < 1 || neighbours > 128 || trainStrideMinutes < 1) {
      throw new IllegalArgumentException("'neighbours' must be 1 to 128 and"
          + " 'train_stride_min' at least 1, got " + neighbours + " and "
          + trainStrideMinutes);
    }
    if (lookbackMinutes < 5 || lookbackMinutes % 5 != 0 || horizonMinutes < 1
        || testMinutes < horizonMinutes) {
      throw new IllegalArgumentException("'lookback_min' must be a multiple of 5 minutes,"
          + " 'horizon_min' at least 1 and 'test_min' at least 'horizon_min', got "
          + lookbackMinutes + ", " + horizonMinutes + " and " + testMinutes);
    }
  }

  /** A copy with another timing. */
  public GridSettings withTiming(SignalTiming timing) {
    return new GridSettings(data, timing, saturationQuantile, policies, demandScales,
        inputWeight, greenRateSeconds, mpcHorizon, mpcMoves, lookbackMinutes, horizonMinutes,
        testMinutes, neighbours, trainStrideMinutes);
  }

  /** The data these settings name. */
  public GridDataset dataset() throws IOException {
    return data == null ? GridDataset.shipped() : GridDataset.folder(data);
  }

  /** Reads {@code dataset} and calibrates the model. */
  public GridModel calibrate(GridDataset dataset) throws IOException {
    GridNetwork network = dataset.network();
    return GridCalibration.calibrate(network, dataset.loops(network), timing,
        saturationQuantile);
  }
}
