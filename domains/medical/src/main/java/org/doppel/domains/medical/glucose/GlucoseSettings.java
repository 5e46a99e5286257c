package org.doppel.domains.medical.glucose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * The {@code glucose} section of the medical scenario, read and checked in one place. Every
 * error names the key ({@code glucose.<key>}) and the reason. Immutable.
 *
 * @param patients the virtual patients of the closed-loop study, in order
 * @param days simulated days per patient and policy
 * @param sensor the CGM model
 * @param pump the pump model
 * @param periodMinutes minutes between policy decisions
 * @param meals the daily meals, their jitter and size variation
 * @param policies the policy ids, in report order
 * @param basalBolusTarget the basal-bolus correction target, mg/dL
 * @param pid the PID tuning
 * @param mpc the {@code mpc} section (plugin and problem keys)
 * @param integrator the ODE integrator's set-up
 * @param reportPatient the patient whose traces are charted
 * @param forecast the surrogate study's set-up
 */
record GlucoseSettings(List<VirtualPatient> patients, int days, SensorModel sensor,
    InsulinPump pump, int periodMinutes, MealPlan meals, List<String> policies,
    double basalBolusTarget, IobPidPolicy.Tuning pid, Parameters mpc,
    IntegratorSettings integrator, VirtualPatient reportPatient, ForecastSettings forecast) {

  static final String BASAL_BOLUS = "basal-bolus";
  static final String PID = "pid";
  static final String MPC = "mpc";
  static final List<String> POLICIES = List.of(BASAL_BOLUS, PID, MPC);

  static final Set<String> KEYS = Set.of("patients", "days", "sensor", "pump",
      "control_period_min", "meals", "meal_time_jitter_min", "meal_size_variation", "policies",
      "basal_bolus", "pid", "mpc", "integrator", "report_patient", "forecast", "surrogate",
      "attention", "quick_patients");

  /** Patients and days of a quick run, at most. */
  static final int QUICK_DAYS = 1;

  /**
   * The surrogate's set-up.
   *
   * @param history tokens of the window (one per CGM sample)
   * @param horizons forecast horizons, min (each a multiple of the sample period)
   * @param samplePeriod minutes per token (the control period)
   * @param trainingDays simulated days per patient that train the surrogate
   * @param testDays later days per patient, held out for evaluation
   * @param patients the patients whose days make the data
   * @param surrogate the {@code surrogate} section (framework keys)
   * @param attentionId the attention variant
   * @param attention the variant's parameters
   */
  record ForecastSettings(int history, int[] horizons, int samplePeriod, int trainingDays,
      int testDays, List<VirtualPatient> patients, Parameters surrogate, String attentionId,
      Parameters attention) {

    static final Set<String> KEYS = Set.of("history_min", "horizons_min", "training_days",
        "test_days", "patients");

    /** Patients whose days make the forecasting data unless {@code patients} names them. */
    static final int DEFAULT_PATIENTS = 6;
  }

  /**
   * Reads the section; {@code quick} trims patients, days and epochs for a quick run.
   *
   * @param sharedAttention the study's top-level {@code attention} section, used when the
   *     glucose section has none; empty for the default {@code {id: multi-head, heads: 2}}
   */
  static GlucoseSettings from(Parameters section, Parameters sharedAttention,
      GlucoseTables tables, boolean quick) {
    section.requireOnly(KEYS);
    String owner = section.owner().isEmpty() ? "glucose" : section.owner();

    List<VirtualPatient> patients = patients(owner, "patients", section.asMap().get("patients"),
        tables);
    int quickPatients = atLeast(owner, "quick_patients", section.getInt("quick_patients", 3),
        1);
    int days = atLeast(owner, "days", section.getInt("days", 3), 1);
    if (quick) {
      patients = patients.subList(0, Math.min(quickPatients, patients.size()));
      days = Math.min(days, QUICK_DAYS);
    }

    SensorModel sensor = named(owner, "sensor", section.getString("sensor", "GuardianRT"),
        tables.sensors());
    InsulinPump pump = named(owner, "pump", section.getString("pump", "Insulet"),
        tables.pumps());
    int period = section.getInt("control_period_min", 5);
    if (period < 1 || period > 60 || period % Math.round(sensor.samplePeriod()) != 0) {
      throw new PluginException(owner + ": 'control_period_min' must be 1 to 60 min and a"
          + " multiple of the " + sensor.name() + " sample time (" + sensor.samplePeriod()
          + " min), got " + period);
    }

    MealPlan meals = meals(owner, section);
    List<String> policies = policies(owner, section.asMap().get("policies"));
    Parameters basalBolus = sub(owner, section, "basal_bolus").requireOnly(Set.of("target"));
    double target = basalBolus.getDouble("target", 140);
    if (!(target >= 70 && target <= 250)) {
      throw new PluginException(owner + ".basal_bolus: 'target' must be 70 to 250 mg/dL, got "
          + target);
    }
    IobPidPolicy.Tuning pid = IobPidPolicy.Tuning.from(sub(owner, section, "pid"));
    Parameters mpc = sub(owner, section, "mpc");
    MpcPolicy.pluginParameters(mpc);
    IntegratorSettings integrator = IntegratorSettings.from(sub(owner, section, "integrator"));

    VirtualPatient reportPatient = section.has("report_patient")
        ? named(owner, "report_patient", section.getString("report_patient", ""),
            tables.patients()) : patients.get(0);
    if (!patients.contains(reportPatient)) {
      reportPatient = patients.get(0);
    }
    ForecastSettings forecast = forecast(owner, section, sharedAttention, tables, period,
        patients, quick);
    return new GlucoseSettings(List.copyOf(patients), days, sensor, pump, period, meals,
        policies, target, pid, mpc, integrator, reportPatient, forecast);
  }

  private static ForecastSettings forecast(String owner, Parameters section,
      Parameters sharedAttention, GlucoseTables tables, int period,
      List<VirtualPatient> runPatients, boolean quick) {
    Parameters forecast = sub(owner, section, "forecast").requireOnly(ForecastSettings.KEYS);
    String where = owner + ".forecast";
    int historyMinutes = forecast.getInt("history_min", 60);
    if (historyMinutes < period || historyMinutes % period != 0 || historyMinutes > 720) {
      throw new PluginException(where + ": 'history_min' must be a multiple of the control"
          + " period (" + period + " min) up to 720, got " + historyMinutes);
    }
    double[] horizons = forecast.getDoubles("horizons_min", new double[] {30, 60});
    if (horizons.length == 0) {
      throw new PluginException(where + ": 'horizons_min' needs at least one horizon");
    }
    int[] steps = new int[horizons.length];
    for (int i = 0; i < horizons.length; i++) {
      if (!(horizons[i] >= period && horizons[i] <= 240) || horizons[i] % period != 0) {
        throw new PluginException(where + ": 'horizons_min' must be multiples of the control"
            + " period (" + period + " min) up to 240, got " + horizons[i]);
      }
      steps[i] = (int) horizons[i];
    }
    int trainingDays = atLeast(where, "training_days", forecast.getInt("training_days", 3), 1);
    int testDays = atLeast(where, "test_days", forecast.getInt("test_days", 1), 1);
    List<VirtualPatient> patients = forecast.has("patients")
        ? patients(where, "patients", forecast.asMap().get("patients"), tables)
        : spread(runPatients, ForecastSettings.DEFAULT_PATIENTS);
    if (quick) {
      trainingDays = Math.min(trainingDays, 1);
      testDays = 1;
      patients = patients.subList(0, Math.min(2, patients.size()));
    }

    Parameters surrogate = sub(owner, section, "surrogate");
    Object attention = section.asMap().get("attention");
    String attentionOwner = owner + ".attention";
    if (attention == null && !sharedAttention.asMap().isEmpty()) {
      attention = sharedAttention.asMap();
      attentionOwner = "attention";
    }
    String attentionId = "multi-head";
    Map<String, Object> attentionParameters = new LinkedHashMap<>(Map.of("heads", 2));
    if (attention instanceof String id) {
      attentionId = id;
      attentionParameters.clear();
    } else if (attention instanceof Map<?, ?> map) {
      attentionParameters.clear();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if ("id".equals(entry.getKey())) {
          attentionId = String.valueOf(entry.getValue());
        } else {
          attentionParameters.put(String.valueOf(entry.getKey()), entry.getValue());
        }
      }
    } else if (attention != null) {
      throw new PluginException(attentionOwner + ": must be an id or a map with 'id', got '"
          + attention + "'");
    }
    return new ForecastSettings(historyMinutes / period, steps, period, trainingDays, testDays,
        List.copyOf(patients), surrogate, attentionId,
        Parameters.of(attentionOwner + "/" + attentionId, attentionParameters));
  }

  /** At most {@code count} patients spread evenly over the list (all groups when it is all). */
  private static List<VirtualPatient> spread(List<VirtualPatient> patients, int count) {
    if (patients.size() <= count) {
      return patients;
    }
    List<VirtualPatient> chosen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chosen.add(patients.get(i * patients.size() / count));
    }
    return chosen;
  }

  private static MealPlan meals(String owner, Parameters section) {
    Object raw = section.asMap().get("meals");
    List<MealPlan.DailyMeal> daily = new ArrayList<>();
    if (raw == null) {
      daily.addAll(List.of(new MealPlan.DailyMeal(7, 45), new MealPlan.DailyMeal(12, 70),
          new MealPlan.DailyMeal(18.5, 80), new MealPlan.DailyMeal(22, 15)));
    } else if (raw instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof List<?> pair) || pair.size() != 2
            || !(pair.get(0) instanceof Number hour) || !(pair.get(1) instanceof Number grams)) {
          throw new PluginException(owner + ": 'meals' entry " + (i + 1) + " must be [hour,"
              + " grams], got '" + list.get(i) + "'");
        }
        try {
          daily.add(new MealPlan.DailyMeal(hour.doubleValue(), grams.doubleValue()));
        } catch (IllegalArgumentException e) {
          throw new PluginException(owner + ": 'meals' entry " + (i + 1) + ": "
              + e.getMessage());
        }
      }
    } else {
      throw new PluginException(owner + ": 'meals' must be a list of [hour, grams], got '"
          + raw + "'");
    }
    try {
      return new MealPlan(daily, section.getDouble("meal_time_jitter_min", 30),
          section.getDouble("meal_size_variation", 0.2));
    } catch (IllegalArgumentException e) {
      throw new PluginException(owner + ": " + e.getMessage());
    }
  }

  private static List<String> policies(String owner, Object raw) {
    if (raw == null) {
      return POLICIES;
    }
    List<String> policies = new ArrayList<>();
    List<?> list = raw instanceof List<?> l ? l : List.of(raw);
    for (Object item : list) {
      String id = String.valueOf(item);
      if (!POLICIES.contains(id)) {
        throw new PluginException(owner + ": unknown policy '" + id + "' in 'policies'; known: "
            + POLICIES);
      }
      if (!policies.contains(id)) {
        policies.add(id);
      }
    }
    if (policies.isEmpty()) {
      throw new PluginException(owner + ": 'policies' names no policy; known: " + POLICIES);
    }
    return List.copyOf(policies);
  }

  private static List<VirtualPatient> patients(String owner, String key, Object raw,
      GlucoseTables tables) {
    if (raw == null || "all".equals(raw)) {
      return List.copyOf(tables.patients().values());
    }
    List<?> names = raw instanceof List<?> list ? list : List.of(raw);
    List<VirtualPatient> patients = new ArrayList<>();
    for (Object name : names) {
      VirtualPatient patient = named(owner, key, String.valueOf(name), tables.patients());
      if (!patients.contains(patient)) {
        patients.add(patient);
      }
    }
    if (patients.isEmpty()) {
      throw new PluginException(owner + ": '" + key + "' names no patient");
    }
    return patients;
  }

  private static <T> T named(String owner, String key, String name, Map<String, T> known) {
    T value = known.get(name);
    if (value == null) {
      throw new PluginException(owner + ": '" + key + "' names unknown '" + name + "'; known: "
          + known.keySet());
    }
    return value;
  }

  private static Parameters sub(String owner, Parameters section, String key) {
    Object raw = section.asMap().get(key);
    if (raw == null) {
      return Parameters.of(owner + "." + key, Map.of());
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new PluginException(owner + ": '" + key + "' must be a section of keys, got '"
          + raw + "'");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach((k, v) -> values.put(String.valueOf(k), v));
    return Parameters.of(owner + "." + key, values);
  }

  private static int atLeast(String owner, String key, int value, int min) {
    if (value < min) {
      throw new PluginException(owner + ": '" + key + "' must be at least " + min + ", got "
          + value);
    }
    return value;
  }
}
