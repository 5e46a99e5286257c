package org.doppel.domains.traffic.motorway;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * The scenario's {@code motorway} section, checked and with its defaults:
 * <pre>
 * motorway:
 *   substep_s: 10                     # CTM sub-step (CFL: v Δt and w Δt within a cell)
 *   metering: {min_rate_veh_h: 240, max_rate_veh_h: 1800}
 *   alinea: {gain: 70, target_margin: 0.9, queue_limit_share: 0.8}
 *   mpc: {controller: mpc, horizon: 15, moves: 5, margin: 1.0, merge_weight: 1000}
 *   throughput_window: ["07:30", "09:00"]
 *   forecast: {horizons: [15, 30], input_minutes: 15, test_from: "09:00"}
 * </pre>
 * {@code alinea.gain} is K_R in veh/h per % of occupancy; {@code target_margin} sets ô as a
 * share of the occupancy at which the cell upstream of the bottleneck feeds it its capacity;
 * {@code queue_limit_share} sets the override's limit as a share of the ramp's storage.
 * Immutable.
 */
record MotorwaySettings(double substepS, MeteringBounds bounds, double alineaGain,
    double alineaMargin, double queueLimitShare, String controllerId,
    Parameters controllerParameters, double mpcMargin, double mergeWeight, String throughputFrom,
    String throughputTo, int[] horizons, int inputMinutes, String testFrom) {

  static final Set<String> KEYS = Set.of("substep_s", "metering", "alinea", "mpc",
      "throughput_window", "forecast");

  static MotorwaySettings of(Parameters section) {
    section.requireOnly(KEYS);
    Parameters metering = sub(section, "metering", Set.of("min_rate_veh_h", "max_rate_veh_h"));
    Parameters alinea = sub(section, "alinea", Set.of("gain", "target_margin",
        "queue_limit_share"));
    Parameters mpc = sub(section, "mpc", Set.of("controller", "horizon", "moves", "margin",
        "merge_weight"));
    Parameters forecast = sub(section, "forecast", Set.of("horizons", "input_minutes",
        "test_from"));

    List<String> window = strings(section, "throughput_window", List.of("07:30", "09:00"));
    if (window.size() != 2) {
      throw new PluginException(section.owner() + ": throughput_window needs two times"
          + " [from, to], got " + window);
    }
    double[] horizons = forecast.getDoubles("horizons", new double[] {15, 30});
    int[] whole = new int[horizons.length];
    for (int i = 0; i < horizons.length; i++) {
      whole[i] = (int) horizons[i];
      if (whole[i] != horizons[i] || whole[i] < StationForecast.AVERAGE || whole[i] > 60) {
        throw new PluginException(forecast.owner() + ": horizons must be whole minutes from "
            + StationForecast.AVERAGE + " to 60, got " + horizons[i]);
      }
    }
    if (whole.length == 0) {
      throw new PluginException(forecast.owner() + ": horizons must name at least one");
    }
    Parameters controller = Parameters.of("controller/" + mpc.getString("controller", "mpc"),
        Map.of("horizon", mpc.getInt("horizon", 15), "moves", mpc.getInt("moves", 5)));
    double gain = positive(alinea, "gain", 70);
    double share = alinea.getDouble("queue_limit_share", 0.8);
    if (!(share > 0 && share <= 1)) {
      throw new PluginException(alinea.owner() + ": queue_limit_share must be in (0, 1], got "
          + share);
    }
    return new MotorwaySettings(positive(section, "substep_s", 10),
        new MeteringBounds(metering.getDouble("min_rate_veh_h", 240),
            metering.getDouble("max_rate_veh_h", 1800)),
        gain, positive(alinea, "target_margin", 0.9), share, mpc.getString("controller", "mpc"),
        controller, positive(mpc, "margin", 1.0), positive(mpc, "merge_weight", 1000),
        window.get(0), window.get(1), whole, forecast.getInt("input_minutes", 15),
        forecast.getString("test_from", "09:00"));
  }

  /** A minute index of a {@code hh:mm} time on the data's clock. */
  static int minuteOf(String clock, MotorwayLoops loops, String key) {
    String[] parts = clock.split(":");
    try {
      int second = Integer.parseInt(parts[0].trim()) * 3600
          + Integer.parseInt(parts[1].trim()) * 60;
      int minute = (second - loops.startSecond()) / 60;
      if (parts.length != 2 || minute < 0 || minute > loops.minutes()) {
        throw new NumberFormatException();
      }
      return minute;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new PluginException("motorway: " + key + " '" + clock + "' is not a time hh:mm"
          + " within the data (" + loops.clock(0) + " to " + loops.clock(loops.minutes())
          + ")");
    }
  }

  private static Parameters sub(Parameters section, String key, Set<String> known) {
    Object value = section.asMap().get(key);
    if (value != null && !(value instanceof Map<?, ?>)) {
      throw new PluginException(section.owner() + ": '" + key + "' must be a section, got '"
          + value + "'");
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> map = (Map<String, ?>) value;
    return Parameters.of(section.owner() + "/" + key, map).requireOnly(known);
  }

  private static List<String> strings(Parameters section, String key, List<String> fallback) {
    Object value = section.asMap().get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof List<?> list)) {
      throw new PluginException(section.owner() + ": '" + key + "' must be a list, got '"
          + value + "'");
    }
    return list.stream().map(String::valueOf).toList();
  }

  private static double positive(Parameters p, String key, double fallback) {
    double value = p.getDouble(key, fallback);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException(p.owner() + ": '" + key + "' must be positive, got " + value);
    }
    return value;
  }
}
