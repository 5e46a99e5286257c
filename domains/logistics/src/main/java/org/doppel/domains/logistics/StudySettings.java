package org.doppel.domains.logistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.domains.logistics.chain.MpcOrderPolicy;
import org.doppel.domains.logistics.chain.OrderUpToPolicy;
import org.doppel.domains.logistics.chain.PassAlongPolicy;
import org.doppel.domains.logistics.chain.SerialSupplyChain;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.data.IngestSpec.GapPolicy;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.study.StudyContext;

/**
 * The logistics scenario, read and checked in one place. Every key, its default and meaning
 * is listed in {@code docs/notes/logistics.md}; {@code --quick} caps the epochs at
 * {@link #QUICK_EPOCHS} and the evaluation at {@link #QUICK_YEARS} years. Immutable.
 */
record StudySettings(String dataset, String file, String column, GapPolicy gaps,
    int inputMonths, int horizon, ForecasterSettings forecaster, int years,
    SerialSupplyChain plant, List<String> policies, double safetyFactor, double capacityFactor,
    double[] holdingCost, double[] backorderCost, String controllerId,
    Parameters controllerParameters, double stockWeight, double orderWeight,
    int redesignMonths) {

  /** The scenario sections the study reads. */
  static final Set<String> SECTIONS =
      Set.of("data", "surrogate", "attention", "evaluation", "chain", "control");

  /** The order-up-to policy fed the seasonal naive forecast instead of the twin's. */
  static final String ORDER_UP_TO_NAIVE = "order-up-to-naive";

  static final List<String> POLICIES = List.of(PassAlongPolicy.NAME, OrderUpToPolicy.NAME,
      ORDER_UP_TO_NAIVE, MpcOrderPolicy.NAME);

  static final int QUICK_EPOCHS = 3;
  static final int QUICK_YEARS = 2;

  private static final Set<String> DATA_KEYS = Set.of("dataset", "file", "column", "gaps");
  private static final Set<String> SURROGATE_EXTRA = Set.of("input_months", "horizon");
  private static final Set<String> EVALUATION_KEYS = Set.of("years");
  private static final Set<String> CONTROL_KEYS = Set.of("policies", "safety_factor",
      "capacity_factor", "holding_cost", "backorder_cost", "controller", "mpc_stock_weight",
      "mpc_order_weight", "redesign_months");

  static StudySettings from(StudyContext context) {
    Parameters data = context.section("data").requireOnly(DATA_KEYS);
    Parameters surrogate = context.section("surrogate");
    Parameters attention = context.section("attention");
    Parameters evaluation = context.section("evaluation").requireOnly(EVALUATION_KEYS);
    Parameters control = context.section("control").requireOnly(CONTROL_KEYS);

    String attentionId = attention.getString("id", "multi-head");
    Parameters attentionParameters = without(attention, "attention/" + attentionId);
    ForecasterSettings forecaster = ForecasterSettings.fromScenario(surrogate, SURROGATE_EXTRA,
        attentionId, attentionParameters, context.seed());
    int years = positive(evaluation, "years", 5);
    if (context.quick()) {
      forecaster = forecaster.withEpochs(Math.min(forecaster.epochs(), QUICK_EPOCHS));
      years = Math.min(years, QUICK_YEARS);
    }

    Map<String, Object> controller = controller(control);
    String controllerId = String.valueOf(controller.getOrDefault("id", MpcOrderPolicy.NAME));
    Map<String, Object> controllerValues = new LinkedHashMap<>(controller);
    controllerValues.remove("id");

    return new StudySettings(data.getString("dataset", LogisticsDomain.SALES),
        data.getString("file", null), data.getString("column", "sales_musd"), gaps(data),
        surrogate.getInt("input_months", 24), surrogate.getInt("horizon", 12), forecaster,
        years, new SerialSupplyChain().configure(context.section("chain")), policies(control),
        nonNegative(control, "safety_factor", 1.65),
        positiveReal(control, "capacity_factor", 1.5),
        perEchelon(control, "holding_cost", 0.02), perEchelon(control, "backorder_cost", 0.2),
        controllerId, Parameters.of("control/controller/" + controllerId, controllerValues),
        positiveReal(control, "mpc_stock_weight", 1), positiveReal(control, "mpc_order_weight",
            0.05), positive(control, "redesign_months", 12));
  }

  private static GapPolicy gaps(Parameters data) {
    String gaps = data.getString("gaps", "fail");
    return switch (gaps) {
      case "fail" -> GapPolicy.FAIL;
      case "interpolate" -> GapPolicy.INTERPOLATE;
      default -> throw new PluginException(data.owner() + ": parameter 'gaps' must be 'fail'"
          + " or 'interpolate', got '" + gaps + "'");
    };
  }

  private static List<String> policies(Parameters control) {
    Object value = control.asMap().get("policies");
    if (value == null) {
      return POLICIES;
    }
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new PluginException(control.owner() + ": parameter 'policies' must be a list of"
          + " policies from " + POLICIES + ", got '" + value + "'");
    }
    List<String> policies = new ArrayList<>();
    for (Object policy : list) {
      if (!POLICIES.contains(String.valueOf(policy))) {
        throw new PluginException(control.owner() + ": unknown policy '" + policy
            + "' in 'policies'; known policies: " + POLICIES);
      }
      policies.add(String.valueOf(policy));
    }
    return List.copyOf(policies);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> controller(Parameters control) {
    Object value = control.asMap().get("controller");
    if (value == null) {
      return Map.of("id", MpcOrderPolicy.NAME, "horizon", 12);
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    return Map.of("id", value.toString());
  }

  private static Parameters without(Parameters section, String owner) {
    Map<String, Object> values = new LinkedHashMap<>(section.asMap());
    values.remove("id");
    return Parameters.of(owner, values);
  }

  private static double[] perEchelon(Parameters control, String key, double fallback) {
    Object value = control.asMap().get(key);
    double[] costs;
    if (value instanceof List<?>) {
      costs = control.getDoubles(key, null);
    } else {
      costs = new double[SerialSupplyChain.SIZE];
      java.util.Arrays.fill(costs, control.getDouble(key, fallback));
    }
    if (costs.length != SerialSupplyChain.SIZE) {
      throw new PluginException(control.owner() + ": parameter '" + key + "' needs one number"
          + " or " + SerialSupplyChain.SIZE + " (" + SerialSupplyChain.ECHELONS + "), got "
          + costs.length);
    }
    for (double cost : costs) {
      if (!(cost >= 0) || !Double.isFinite(cost)) {
        throw new PluginException(control.owner() + ": parameter '" + key + "' must not be"
            + " negative, got " + java.util.Arrays.toString(costs));
      }
    }
    return costs;
  }

  private static int positive(Parameters section, String key, int fallback) {
    int value = section.getInt(key, fallback);
    if (value < 1) {
      throw new PluginException(section.owner() + ": parameter '" + key + "' must be at least"
          + " 1, got " + value);
    }
    return value;
  }

  private static double positiveReal(Parameters section, String key, double fallback) {
    double value = section.getDouble(key, fallback);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException(section.owner() + ": parameter '" + key + "' must be positive,"
          + " got " + value);
    }
    return value;
  }

  private static double nonNegative(Parameters section, String key, double fallback) {
    double value = section.getDouble(key, fallback);
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new PluginException(section.owner() + ": parameter '" + key + "' must not be"
          + " negative, got " + value);
    }
    return value;
  }
}
