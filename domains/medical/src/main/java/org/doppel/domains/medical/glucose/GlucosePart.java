package org.doppel.domains.medical.glucose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.domains.medical.MedicalPart;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The type 1 diabetes twin of the medical study, section {@code glucose}: the UVA/Padova
 * model of the simglucose virtual patients with a noisy CGM and an insulin pump. The model
 * twin is an attention surrogate forecasting CGM 30–60 minutes ahead from the recent
 * readings, insulin and carbohydrate, scored on held-out days against persistence and linear
 * extrapolation; the decision twin compares open-loop basal-bolus therapy, a PID with an
 * insulin-on-board limit and MPC on the patient's twin over a multi-day meal scenario for
 * every patient, by time in range, time below 70 and 54 mg/dL, mean glucose, LBGI and HBGI.
 * Everything it reports is simulator output. Stateless and thread-safe.
 */
public final class GlucosePart implements MedicalPart {

  /** The scenario section. */
  public static final String SECTION = "glucose";

  private static final Logger LOG = LoggerFactory.getLogger(GlucosePart.class);
  private static final double[] RANGE = {70, 180};
  private static final int QUICK_EPOCHS = 3;
  private static final int HEATMAP_ROWS = 12;

  @Override
  public String section() {
    return SECTION;
  }

  @Override
  public void validate(StudyContext context, Parameters section) {
    GlucoseSettings settings = settings(context, section);
    List<String> attention = context.installed(AttentionVariant.class);
    String attentionId = settings.forecast().attentionId();
    if (!attention.contains(attentionId)) {
      String owner = settings.forecast().attention().owner();
      throw new PluginException(owner.substring(0, owner.lastIndexOf('/')) + ": no attention"
          + " variant '" + attentionId + "' is installed; installed: " + attention);
    }
    // The untrained network is built once, so a faulty attention setting is refused now.
    context.forecasting().check(training(context, settings), settings.forecast().history(),
        GlucoseWindows.FEATURES.size());
    if (settings.policies().contains(GlucoseSettings.MPC)) {
      // Designing for one patient checks the weights and the plugin's keys in milliseconds.
      design(context, settings, settings.reportPatient());
    }
  }

  @Override
  public void run(StudyContext context, Parameters section) throws IOException {
    GlucoseSettings settings = settings(context, section);
    StudyReport report = context.report();
    report.heading("Glucose: a type 1 diabetes twin (simulated patients)");
    report.paragraph("Simulator output, not patient data: the UVA/Padova type 1 diabetes"
        + " model (Dalla Man et al. 2007, as in the open simglucose simulator) with the"
        + " parameters of " + settings.patients().size() + " of simglucose's 30 virtual"
        + " patients, a " + settings.sensor().name() + " CGM noise model and an "
        + settings.pump().name() + " pump (parameter tables: simglucose, Jinyu Xie, MIT"
        + " licence). Meals: " + describe(settings.meals()) + ", over " + settings.days()
        + " day(s) per patient.");

    try {
      Map<String, List<PolicyComparison.Outcome>> outcomes = comparePolicies(context, settings);
      reportPolicies(report, settings, outcomes);
      ForecastStudy.Result forecast = forecast(context, settings);
      reportForecast(report, settings, forecast);
    } catch (SimulationException e) {
      // The run fails, but the minutes simulated up to the failure stay in its folder.
      reportPartialTrace(report, e);
      throw e;
    }
  }

  private static void reportPartialTrace(StudyReport report, SimulationException failure) {
    GlucoseTrace trace = failure.partialTrace();
    double[] glucose = trace.bloodGlucose();
    double[] cgm = trace.cgm();
    double[] basal = trace.basal();
    double[] bolus = trace.bolus();
    double[] carbs = trace.carbs();
    List<List<Object>> rows = new ArrayList<>();
    for (int m = 0; m < trace.minutes(); m++) {
      rows.add(List.of(m, glucose[m], cgm[m], basal[m], bolus[m], carbs[m]));
    }
    report.paragraph("The glucose simulation failed: " + failure.getMessage() + ". The "
        + trace.minutes() + " minutes before the failure are in glucose/failed_trace.csv.");
    report.csv(SECTION + "/failed_trace.csv", List.of("minute", "glucose_mg_dl", "cgm_mg_dl",
        "basal_u_per_min", "bolus_u_per_min", "carbs_g_per_min"), rows);
  }

  private static GlucoseSettings settings(StudyContext context, Parameters section) {
    Parameters named = section.owner().isEmpty()
        ? Parameters.of(SECTION, section.asMap()) : section;
    try {
      return GlucoseSettings.from(named, context.section("attention"), GlucoseTables.load(),
          context.quick());
    } catch (IOException e) {
      throw new PluginException(SECTION + ": cannot read the shipped simglucose tables: "
          + e.getMessage(), e);
    }
  }

  private static ForecasterSettings training(StudyContext context, GlucoseSettings settings) {
    GlucoseSettings.ForecastSettings forecast = settings.forecast();
    ForecasterSettings training;
    try {
      training = ForecasterSettings.fromScenario(forecast.surrogate(), Set.of(),
          forecast.attentionId(), forecast.attention(), context.seed());
    } catch (IllegalArgumentException e) {
      throw new PluginException(forecast.surrogate().owner() + ": " + e.getMessage(), e);
    }
    return context.quick() ? training.withEpochs(Math.min(QUICK_EPOCHS, training.epochs()))
        : training;
  }

  private static ControlLaw design(StudyContext context, GlucoseSettings settings,
      VirtualPatient patient) {
    Controller mpc = context.plugin(Controller.class, GlucoseSettings.MPC);
    return mpc.design(MpcPolicy.problem(patient, settings.mpc(), settings.periodMinutes()),
        MpcPolicy.pluginParameters(settings.mpc()));
  }

  private static InsulinPolicy policy(StudyContext context, GlucoseSettings settings,
      String id, VirtualPatient patient) {
    return switch (id) {
      case GlucoseSettings.BASAL_BOLUS -> new BasalBolusPolicy(patient,
          settings.basalBolusTarget());
      case GlucoseSettings.PID -> new IobPidPolicy(patient, settings.pid());
      case GlucoseSettings.MPC -> new MpcPolicy(patient, design(context, settings, patient),
          settings.mpc().getInt("horizon", MpcPolicy.DEFAULT_HORIZON));
      default -> throw new IllegalArgumentException("unknown policy " + id);
    };
  }

  private static Map<String, List<PolicyComparison.Outcome>> comparePolicies(
      StudyContext context, GlucoseSettings settings) {
    long runs = (long) settings.patients().size() * settings.policies().size();
    try (StudyContext.Progress progress = context.progress("glucose: closed loop", runs,
        "patient-policies")) {
      return new PolicyComparison(settings, context.seed()).run(
          (id, patient) -> policy(context, settings, id, patient),
          outcome -> {
            LOG.debug("Glucose [{}] on [{}]: time in range [{}] %", outcome.policy(),
                outcome.patient().name(), outcome.kpis().timeInRangePct());
            progress.step(outcome.policy() + " " + outcome.patient().name());
          });
    }
  }

  private static void reportPolicies(StudyReport report, GlucoseSettings settings,
      Map<String, List<PolicyComparison.Outcome>> outcomes) {
    report.heading("Glucose: insulin policies");
    report.paragraph("Basal-bolus: the patient's steady basal rate and a carbohydrate-ratio"
        + " bolus at each meal (open loop). PID: the CGM error on top of basal, capped by"
        + " insulin on board, with the meal boluses kept. MPC: the mpc controller on the"
        + " patient's model linearised at its basal state, told the announced meal, aiming at"
        + " the basal glucose Gb; its twin runs the patient's own parameters (a perfect model"
        + " and state, the usual in-silico upper bound). The pump rounds and clips every"
        + " dose. KPIs over plasma glucose, every minute, averaged over patients.");

    List<String> columns = new ArrayList<>(List.of("policy"));
    columns.addAll(List.of(GlycemicKpis.NAMES));
    List<List<Object>> rows = new ArrayList<>();
    List<List<Object>> perPatient = new ArrayList<>();
    for (Map.Entry<String, List<PolicyComparison.Outcome>> entry : outcomes.entrySet()) {
      GlycemicKpis mean = GlycemicKpis.mean(entry.getValue().stream()
          .map(PolicyComparison.Outcome::kpis).toList());
      rows.add(row(entry.getKey(), mean));
      mean.asMap().forEach((name, value) -> report.metric(SECTION + "/" + entry.getKey() + "/"
          + name, value));
      LOG.info("Glucose [{}] over [{}] patients: time in range [{}] %, below 70 [{}] %,"
          + " mean [{}] mg/dL", entry.getKey(), entry.getValue().size(),
          round(mean.timeInRangePct()), round(mean.timeBelow70Pct()),
          round(mean.meanGlucose()));
      for (PolicyComparison.Outcome outcome : entry.getValue()) {
        List<Object> patientRow = new ArrayList<>(List.of(outcome.patient().name()));
        patientRow.addAll(row(entry.getKey(), outcome.kpis()));
        perPatient.add(patientRow);
      }
    }
    report.table(SECTION + "/kpis", "Glycaemic outcome per policy (mean over patients)",
        columns, rows);
    List<String> patientColumns = new ArrayList<>(List.of("patient"));
    patientColumns.addAll(columns);
    report.csv(SECTION + "/kpis_per_patient.csv", patientColumns, perPatient);
    chartPatient(report, settings, outcomes);
  }

  private static void chartPatient(StudyReport report, GlucoseSettings settings,
      Map<String, List<PolicyComparison.Outcome>> outcomes) {
    VirtualPatient patient = settings.reportPatient();
    List<Chart.Series> glucose = new ArrayList<>();
    List<Chart.Series> insulin = new ArrayList<>();
    double[] hours = null;
    for (Map.Entry<String, List<PolicyComparison.Outcome>> entry : outcomes.entrySet()) {
      for (PolicyComparison.Outcome outcome : entry.getValue()) {
        if (outcome.patient() != patient) {
          continue;
        }
        int step = settings.periodMinutes();
        hours = every(indexHours(outcome.trace().minutes()), step);
        glucose.add(Chart.Series.line(entry.getKey(), every(outcome.trace().bloodGlucose(),
            step)));
        insulin.add(Chart.Series.line(entry.getKey(), scale(meanOver(outcome.trace().insulin(),
            step), 60)));
      }
    }
    if (hours == null) {
      return;
    }
    report.chart(SECTION + "/glucose_" + slug(patient.name()), new Chart.Lines("Plasma glucose"
        + " of " + patient.name() + " per policy (simulated)", "hours", "glucose [mg/dL]",
        hours, glucose, List.of(new Chart.Band("70-180 mg/dL", RANGE[0], RANGE[1]))));
    report.chart(SECTION + "/insulin_" + slug(patient.name()), new Chart.Lines("Insulin"
        + " delivered to " + patient.name() + " per policy (simulated)", "hours",
        "insulin [U/h]", hours, insulin, List.of()));
  }

  private static ForecastStudy.Result forecast(StudyContext context, GlucoseSettings settings) {
    ForecasterSettings training = training(context, settings);
    try (StudyContext.Progress progress = context.progress("glucose: surrogate training",
        training.epochs(), "epochs")) {
      return new ForecastStudy(settings, context.seed()).run(context.forecasting(), training,
          (epoch, epochs, trainingLoss, validationLoss) -> progress.step("loss "
              + round(trainingLoss)));
    }
  }

  private static void reportForecast(StudyReport report, GlucoseSettings settings,
      ForecastStudy.Result result) {
    GlucoseSettings.ForecastSettings forecast = settings.forecast();
    GlucoseWindows test = result.test();
    report.heading("Glucose: forecasting CGM");
    report.paragraph("The attention surrogate (" + forecast.attentionId() + ") reads the last "
        + forecast.history() * forecast.samplePeriod() + " min of CGM, insulin and"
        + " carbohydrate, one token per " + forecast.samplePeriod() + " min, and forecasts CGM "
        + Arrays.toString(forecast.horizons()) + " min ahead as persistence plus a learned"
        + " correction. Data: " + forecast.patients().size() + " simulated patient(s) on"
        + " basal-bolus therapy, " + forecast.trainingDays() + " training day(s) ("
        + result.trainingWindows() + " windows) and " + forecast.testDays() + " later,"
        + " held-out day(s) (" + test.size() + " windows) each.");

    double[][] actual = test.targets();
    Map<String, double[][]> models = new java.util.LinkedHashMap<>();
    models.put("surrogate", result.surrogate());
    models.put("persistence", test.persistence());
    models.put("linear_extrapolation", test.linearExtrapolation());
    List<String> columns = new ArrayList<>(List.of("model"));
    for (int h : forecast.horizons()) {
      columns.add("rmse_" + h + "_min_mg_dl");
      columns.add("mae_" + h + "_min_mg_dl");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, double[][]> model : models.entrySet()) {
      double[] rmse = ForecastStudy.rmse(model.getValue(), actual);
      double[] mae = ForecastStudy.mae(model.getValue(), actual);
      List<Object> row = new ArrayList<>(List.of(model.getKey()));
      for (int i = 0; i < rmse.length; i++) {
        int h = forecast.horizons()[i];
        report.metric(SECTION + "/forecast/" + model.getKey() + "/rmse_" + h + "_min_mg_dl",
            rmse[i]);
        report.metric(SECTION + "/forecast/" + model.getKey() + "/mae_" + h + "_min_mg_dl",
            mae[i]);
        row.add(rmse[i]);
        row.add(mae[i]);
      }
      rows.add(row);
      LOG.info("Glucose forecast [{}]: RMSE {} mg/dL at {} min", model.getKey(),
          Arrays.toString(Arrays.stream(rmse).map(GlucosePart::round).toArray()),
          Arrays.toString(forecast.horizons()));
    }
    report.metric(SECTION + "/forecast/surrogate/parameters",
        result.forecaster().parameterCount());
    report.metric(SECTION + "/forecast/surrogate/training_s",
        result.forecaster().trainingSeconds());
    report.table(SECTION + "/forecast_errors", "CGM forecast error on held-out days", columns,
        rows);
    chartForecast(report, settings, result);
    chartAttention(report, result);
  }

  private static void chartForecast(StudyReport report, GlucoseSettings settings,
      ForecastStudy.Result result) {
    GlucoseWindows test = result.test();
    String patient = settings.forecast().patients().get(0).name();
    List<String> labels = test.labels();
    double[][] actual = test.targets();
    double[][] persistence = test.persistence();
    int horizon = settings.forecast().horizons()[0];
    int count = 0;
    while (count < labels.size() && labels.get(count).startsWith(patient + " ")) {
      count++;
    }
    count = Math.min(count, 1440 / settings.periodMinutes());
    double[] hours = new double[count];
    double[] observed = new double[count];
    double[] surrogate = new double[count];
    double[] naive = new double[count];
    int firstTarget = result.testStartMinute() + (settings.forecast().history() - 1)
        * settings.periodMinutes() + horizon;
    for (int w = 0; w < count; w++) {
      hours[w] = (firstTarget + w * settings.periodMinutes()) / 60.0;
      observed[w] = actual[w][0];
      surrogate[w] = result.surrogate()[w][0];
      naive[w] = persistence[w][0];
    }
    report.chart(SECTION + "/forecast_" + slug(patient), new Chart.Lines("CGM and its "
        + horizon + "-min forecast, " + patient + ", held-out day (simulated)", "hours",
        "CGM [mg/dL]", hours, List.of(Chart.Series.points("CGM", observed),
        Chart.Series.line("surrogate", surrogate), Chart.Series.line("persistence", naive)),
        List.of(new Chart.Band("70-180 mg/dL", RANGE[0], RANGE[1]))));
  }

  private static void chartAttention(StudyReport report, ForecastStudy.Result result) {
    double[][][] weights = result.attention();
    if (weights.length == 0) {
      return;
    }
    List<String> labels = result.test().labels();
    int rows = Math.min(HEATMAP_ROWS, weights.length);
    int stride = Math.max(1, Math.min(weights.length, 288) / rows);
    List<String> rowNames = new ArrayList<>();
    double[][] values = new double[rows][];
    for (int r = 0; r < rows; r++) {
      int w = r * stride;
      rowNames.add(labels.get(w));
      values[r] = meanOverQueries(weights[w]);
    }
    report.chart(SECTION + "/attention", new Chart.Heatmap("Attention over the last hour's"
        + " tokens, held-out windows (mean over queries)", "token", "forecast made at",
        result.test().tokenNames(), rowNames, values));
  }

  private static double[] meanOverQueries(double[][] weights) {
    double[] mean = new double[weights[0].length];
    for (double[] query : weights) {
      for (int t = 0; t < mean.length; t++) {
        mean[t] += query[t] / weights.length;
      }
    }
    return mean;
  }

  private static List<Object> row(String policy, GlycemicKpis kpis) {
    List<Object> row = new ArrayList<>(List.of(policy));
    for (double value : kpis.values()) {
      row.add(value);
    }
    return row;
  }

  private static String describe(MealPlan meals) {
    StringBuilder text = new StringBuilder();
    for (MealPlan.DailyMeal meal : meals.daily()) {
      text.append(text.length() == 0 ? "" : ", ").append(round(meal.grams())).append(" g at ")
          .append(GlucoseWindows.clock((int) Math.round(meal.hour() * 60)).substring(3));
    }
    return text + " daily (times shifted up to " + round(meals.timeJitterMinutes())
        + " min, sizes varied up to " + round(100 * meals.sizeVariation()) + " %)";
  }

  private static double[] indexHours(int minutes) {
    double[] hours = new double[minutes];
    for (int m = 0; m < minutes; m++) {
      hours[m] = m / 60.0;
    }
    return hours;
  }

  private static double[] every(double[] values, int step) {
    double[] sampled = new double[(values.length + step - 1) / step];
    for (int i = 0; i < sampled.length; i++) {
      sampled[i] = values[i * step];
    }
    return sampled;
  }

  private static double[] meanOver(double[] values, int step) {
    double[] means = new double[(values.length + step - 1) / step];
    for (int i = 0; i < means.length; i++) {
      int end = Math.min(values.length, (i + 1) * step);
      for (int m = i * step; m < end; m++) {
        means[i] += values[m] / (end - i * step);
      }
    }
    return means;
  }

  private static double[] scale(double[] values, double factor) {
    return Arrays.stream(values).map(v -> v * factor).toArray();
  }

  private static String slug(String patient) {
    return patient.replace("#", "_");
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
