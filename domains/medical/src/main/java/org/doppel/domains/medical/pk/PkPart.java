package org.doppel.domains.medical.pk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.doppel.domains.medical.MedicalPart;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pharmacokinetic part of the medical study, section {@code pk}: per-subject fits of
 * both shipped studies with standard errors, the population prior, the attention
 * surrogate's leave-one-subject-out evaluation against the fit and the population model, and
 * multiple-dose control of theophylline in the therapeutic window. Everything it reports is
 * named under {@code pk/}. Stateless and thread-safe.
 */
public final class PkPart implements MedicalPart {

  /** The section this part reads. */
  public static final String SECTION = "pk";

  private static final Logger LOG = LoggerFactory.getLogger(PkPart.class);

  @Override
  public String section() {
    return SECTION;
  }

  @Override
  public void validate(StudyContext context, Parameters section) {
    PkSettings settings = settings(context, section);
    context.plugin(Controller.class, "mpc");
    context.plugin(Controller.class, "pid");
    String attention = settings.surrogate().attentionId();
    List<String> installed = context.installed(AttentionVariant.class);
    if (!installed.contains(attention)) {
      throw new PluginException("attention: no attention variant '" + attention + "' is"
          + " installed; installed: " + installed);
    }
    // The untrained surrogate is built once, so a faulty attention setting is refused now;
    // its tokens are the samples of a theophylline subject.
    int samples;
    try {
      samples = PkStudies.theophylline().get(0).samples();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped theophylline study", e);
    }
    context.forecasting().check(settings.surrogate(), samples,
        SurrogateWindows.FEATURES.size());
    LOG.debug("PK settings checked: {}", settings);
  }

  @Override
  public void run(StudyContext context, Parameters section) throws IOException {
    PkSettings settings = settings(context, section);
    StudyReport report = context.report();
    report.heading("Pharmacokinetics: theophylline and indomethacin");
    report.paragraph("Data: " + PkStudies.ATTRIBUTION + " The indomethacin data carry no"
        + " dose; " + settings.indomethacinDoseMg() + " mg is assumed, which scales the"
        + " fitted volume and nothing else.");

    List<PkSubject> theophylline = PkStudies.theophylline();
    List<PkFit> fits = TheophyllineFits.report(report, theophylline);
    IndomethacinFits.report(report, PkStudies.indomethacin(settings.indomethacinDoseMg()));
    Surrogate.report(context, settings, theophylline);
    Dosing.report(context, settings, theophylline, fits);
  }

  private static PkSettings settings(StudyContext context, Parameters section) {
    return PkSettings.from(section, context.section("attention"), context.seed(),
        context.quick());
  }

  /** The per-subject theophylline fits and the population prior. */
  static final class TheophyllineFits {

    private TheophyllineFits() {
    }

    static List<PkFit> report(StudyReport report, List<PkSubject> subjects) {
      report.heading("Theophylline: one-compartment fits per subject");
      List<PkFit> fits = new ArrayList<>();
      List<List<Object>> rows = new ArrayList<>();
      double residualSds = 0;
      for (PkSubject subject : subjects) {
        PkFit fit = PkFitter.fit(PkModel.oralOneCompartment(), subject);
        fits.add(fit);
        double[] p = fit.parameters();
        double[] se = fit.standardErrors();
        rows.add(List.of(subject.id(), subject.weightKg(), subject.doseMg(), p[0], se[0], p[1],
            se[1], p[2], se[2], p[1] * p[2], Math.log(2) / p[1], fit.residualSd(),
            fit.iterations()));
        residualSds += fit.residualSd();
        report.chart("pk/theophylline_fit_subject_" + subject.id(), fitChart(subject,
            "Theophylline subject " + subject.id() + ": one-compartment fit",
            Map.of("one-compartment fit", fit), 25));
      }
      report.table("pk/theophylline_fits", "Theophylline fits (Levenberg-Marquardt; standard"
          + " errors from the Jacobian at the optimum)", List.of("subject", "weight_kg",
          "dose_mg", "ka_per_h", "ka_se", "ke_per_h", "ke_se", "v_l", "v_se", "cl_l_per_h",
          "half_life_h", "residual_sd_mg_per_l", "iterations"), rows);
      report.metric("pk/theophylline/residual_sd_mean_mg_per_l",
          residualSds / subjects.size());

      PopulationPrior prior = PopulationPrior.of(PkModel.oralOneCompartment(), subjects, 2);
      List<String> names = List.of("ka_per_h", "ke_per_h", "v_l_per_kg");
      List<List<Object>> priorRows = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        priorRows.add(List.of(names.get(j), Math.exp(prior.logMeans()[j]),
            prior.logMeans()[j], prior.logSds()[j]));
      }
      report.table("pk/population_prior", "Population prior from all 12 subjects (two-stage:"
          + " mean and SD of the log-parameters; V per kg of body weight); residual SD "
          + String.format(Locale.ROOT, "%.3f", prior.residualSd()) + " mg/L",
          List.of("parameter", "typical", "log_mean", "log_sd"), priorRows);
      report.metric("pk/theophylline/population_residual_sd_mg_per_l", prior.residualSd());
      return fits;
    }
  }

  /** One- and two-compartment fits of the indomethacin study, with their residuals. */
  static final class IndomethacinFits {

    private IndomethacinFits() {
    }

    static void report(StudyReport report, List<PkSubject> subjects) {
      report.heading("Indomethacin: one- against two-compartment intravenous fits");
      report.paragraph("Indomethacin falls fast and then slowly (a distribution phase, then"
          + " elimination), which one compartment cannot follow: its curve sits below the"
          + " first sample, above those of 0.5-1 h and below every sample of the tail (see"
          + " the residuals table). The bi-exponential"
          + " (two-compartment) fit is shown beside it for comparison.");
      List<List<Object>> rows = new ArrayList<>();
      List<List<Object>> residuals = new ArrayList<>();
      double oneRmse = 0;
      double twoRmse = 0;
      for (PkSubject subject : subjects) {
        PkFit single = PkFitter.fit(PkModel.ivOneCompartment(), subject);
        PkFit biexponential = PkFitter.fit(PkModel.ivTwoCompartment(), subject);
        double[] p = single.parameters();
        double[] q = biexponential.parameters();
        rows.add(List.of(subject.id(), p[0], single.standardErrors()[0], p[1],
            single.standardErrors()[1], single.rmse(), q[0], q[1], q[2], q[3],
            biexponential.rmse()));
        oneRmse += single.rmse();
        twoRmse += biexponential.rmse();
        double[] r1 = single.residuals(subject);
        double[] r2 = biexponential.residuals(subject);
        for (int i = 0; i < subject.samples(); i++) {
          residuals.add(List.of(subject.id(), subject.timesH()[i],
              subject.concentrations()[i], r1[i], r2[i]));
        }
        report.chart("pk/indomethacin_fit_subject_" + subject.id(), fitChart(subject,
            "Indomethacin subject " + subject.id() + ": one- and two-compartment fits",
            Map.of("one-compartment", single, "two-compartment", biexponential), 8));
      }
      report.table("pk/indomethacin_fits", "Indomethacin fits: one compartment (ke, V) and"
          + " bi-exponential (A, alpha, B, beta)", List.of("subject", "ke_per_h", "ke_se",
          "v_l", "v_se", "rmse_one_mg_per_l", "a_mg_per_l", "alpha_per_h", "b_mg_per_l",
          "beta_per_h", "rmse_two_mg_per_l"), rows);
      report.table("pk/indomethacin_residuals", "Indomethacin residuals (observed minus"
          + " fitted) of both models", List.of("subject", "time_h", "observed_mg_per_l",
          "residual_one_mg_per_l", "residual_two_mg_per_l"), residuals);
      report.metric("pk/indomethacin/one_compartment_rmse_mean_mg_per_l",
          oneRmse / subjects.size());
      report.metric("pk/indomethacin/two_compartment_rmse_mean_mg_per_l",
          twoRmse / subjects.size());
    }
  }

  /** The attention surrogate's leave-one-subject-out evaluation. */
  static final class Surrogate {

    private Surrogate() {
    }

    static void report(StudyContext context, PkSettings settings, List<PkSubject> subjects) {
      StudyReport report = context.report();
      report.heading("Model twin: forecasting a new patient from the first "
          + settings.observedSamples() + " samples (leave one subject out)");
      report.paragraph("For each held-out subject, from the other 11 only: the population"
          + " prior (two-stage fit), the subject's maximum a posteriori fit on its first "
          + settings.observedSamples() + " samples under that prior, and the attention"
          + " surrogate (" + settings.surrogate().attentionId() + ") trained on the other"
          + " subjects plus " + settings.virtualSubjects() + " virtual subjects simulated from"
          + " the prior (simulator output), with the population curve as its baseline. Each"
          + " forecasts the remaining samples; the errors are RMSEs over those samples. The"
          + " subject's own fit to all 11 samples is an in-sample floor, not a competitor.");
      int folds = settings.heldOutSubjects() == 0 ? subjects.size()
          : Math.min(settings.heldOutSubjects(), subjects.size());
      LeaveOneSubjectOut evaluation = new LeaveOneSubjectOut(context.forecasting(),
          settings.surrogate(), settings.observedSamples(), settings.virtualSubjects());

      List<LeaveOneSubjectOut.Fold> results = new ArrayList<>();
      try (StudyContext.Progress progress = context.progress("pk: leave one subject out",
          folds, "subjects")) {
        for (int i = 0; i < folds; i++) {
          LeaveOneSubjectOut.Fold fold = evaluation.evaluate(subjects, i,
              (epoch, epochs, training, validation) -> { });
          results.add(fold);
          progress.step("subject " + fold.subject().id() + ": surrogate RMSE "
              + String.format(Locale.ROOT, "%.2f", fold.surrogateRmse()) + " mg/L");
        }
      }

      List<List<Object>> rows = new ArrayList<>();
      List<List<Object>> forecasts = new ArrayList<>();
      double[] sums = new double[4];
      for (LeaveOneSubjectOut.Fold fold : results) {
        rows.add(List.of(fold.subject().id(), fold.surrogateRmse(), fold.fitRmse(),
            fold.populationRmse(), fold.fullFitRmse(), fold.epochs(), fold.trainingSeconds()));
        sums[0] += fold.surrogateRmse();
        sums[1] += fold.fitRmse();
        sums[2] += fold.populationRmse();
        sums[3] += fold.fullFitRmse();
        for (int i = 0; i < fold.timesH().length; i++) {
          forecasts.add(List.of(fold.subject().id(), fold.timesH()[i], fold.observed()[i],
              fold.surrogate()[i], fold.fit()[i], fold.population()[i], fold.fullFit()[i]));
        }
        report.chart("pk/forecast_subject_" + fold.subject().id(), forecastChart(fold));
      }
      report.table("pk/loso", "Leave-one-subject-out RMSE over the later samples, mg/L",
          List.of("subject", "surrogate_rmse", "fit_rmse", "population_rmse",
              "full_fit_rmse_in_sample", "epochs", "training_s"), rows);
      report.csv("pk/loso_forecasts.csv", List.of("subject", "time_h", "observed_mg_per_l",
          "surrogate", "fit", "population", "full_fit"), forecasts);
      String[] names = {"surrogate", "fit", "population", "full_fit"};
      for (int k = 0; k < 4; k++) {
        report.metric("pk/loso/" + names[k] + "_rmse_mean_mg_per_l", sums[k] / folds);
      }
      report.metric("pk/loso/held_out_subjects", folds);
      report.metric("pk/loso/surrogate_parameters", results.get(0).parameters());

      double[][] attention = results.stream().map(LeaveOneSubjectOut.Fold::attention)
          .toArray(double[][]::new);
      if (Arrays.stream(attention).flatMapToDouble(Arrays::stream).anyMatch(Double::isFinite)) {
        report.chart("pk/attention", new Chart.Heatmap("Attention each sample received"
            + " (mean over queries), per held-out subject", "sample", "held-out subject",
            new SurrogateWindows(subjects.get(0).samples(), settings.observedSamples())
                .tokenNames(),
            results.stream().map(f -> "subject " + f.subject().id()).toList(), attention));
      }
    }

    private static Chart forecastChart(LeaveOneSubjectOut.Fold fold) {
      PkSubject subject = fold.subject();
      double[] x = subject.timesH();
      int observed = x.length - fold.timesH().length;
      double[] measured = subject.concentrations();
      double[] surrogate = new double[x.length];
      double[] fit = new double[x.length];
      double[] population = new double[x.length];
      Arrays.fill(surrogate, Double.NaN);
      Arrays.fill(fit, Double.NaN);
      Arrays.fill(population, Double.NaN);
      for (int i = observed; i < x.length; i++) {
        surrogate[i] = fold.surrogate()[i - observed];
        fit[i] = fold.fit()[i - observed];
        population[i] = fold.population()[i - observed];
      }
      return new Chart.Lines("Subject " + subject.id() + " held out: forecast of the later"
          + " samples against observed", "time since dose (h)", "concentration (mg/L)", x,
          List.of(Chart.Series.points("observed", measured),
              Chart.Series.line("attention surrogate", surrogate),
              Chart.Series.line("MAP fit on first samples", fit),
              Chart.Series.line("population model", population)), List.of());
    }
  }

  /** Multiple-dose control of theophylline. */
  static final class Dosing {

    private Dosing() {
    }

    static void report(StudyContext context, PkSettings settings, List<PkSubject> subjects,
        List<PkFit> fits) {
      DosingSettings dosing = settings.dosing();
      StudyReport report = context.report();
      report.heading("Decision twin: theophylline dosing in the 10-20 mg/L window");
      report.paragraph("Each dosed subject is simulated as its own calibrated one-compartment"
          + " plant (the fit above) over " + dosing.days() + " days, starting drug-free, with"
          + " a dose every " + dosing.intervalH() + " h within [0, " + dosing.maxDoseMg()
          + "] mg and the concentration measured before each dose with a "
          + Math.round(dosing.measurementCv() * 100) + " % error. Policies: fixed "
          + dosing.fixedDoseMg() + " mg every " + dosing.intervalH() + " h; MPC (mpc plugin)"
          + " on the calibrated twin aiming at a mean of " + dosing.mpcTarget() + " mg/L with"
          + " a predicted peak of at most " + dosing.mpcPeakLimit() + " mg/L; PID (pid"
          + " plugin) on the measured trough aiming at " + dosing.pidTarget() + " mg/L. MPC's"
          + " twin: " + switch (dosing.twin()) {
            case "fit" -> "the subject's own fit (the simulated patient itself, so the twin"
                + " errs only through the measurements)";
            case "map" -> "the MAP fit on the subject's first " + settings.observedSamples()
                + " samples under the prior of the other subjects";
            default -> "the MAP fit on the subject's first " + settings.observedSamples()
                + " samples and every trough measured so far, under the prior of the other"
                + " subjects, refitted before each dose";
          } + ".");
      int count = dosing.subjects() == 0 ? subjects.size()
          : Math.min(dosing.subjects(), subjects.size());
      Controller mpc = context.plugin(Controller.class, "mpc");
      Controller pid = context.plugin(Controller.class, "pid");
      DosingSimulation simulation = new DosingSimulation(
          new PlantSimulator(settings.integrator()), dosing);

      List<List<Object>> rows = new ArrayList<>();
      Map<String, double[]> sums = new java.util.TreeMap<>();
      List<DosingCourse> shown = List.of();
      try (StudyContext.Progress progress = context.progress("pk: dosing", count, "subjects")) {
        for (int s = 0; s < count; s++) {
          PkSubject subject = subjects.get(s);
          PkPlant patient = fits.get(s).plant();
          List<DosingPolicy> policies = List.of(new FixedRegimen(dosing.fixedDoseMg()),
              mpcPolicy(mpc, settings, subjects, s, fits.get(s)),
              PidDosing.design(pid, patient, dosing));
          List<DosingCourse> courses = new ArrayList<>();
          for (DosingPolicy policy : policies) {
            DosingCourse course = run(report, simulation, patient, policy, subject,
                context.seed() + s);
            courses.add(course);
            DosingKpis kpis = course.kpis(dosing.windowLow(), dosing.windowHigh(),
                dosing.toxic());
            Object fallbacks = policy.diagnostics().getOrDefault("fallback_steps", "");
            rows.add(List.of(subject.id(), policy.name(), kpis.timeInWindowPct(),
                kpis.timeAboveToxicPct(), kpis.timeBelowWindowPct(), kpis.totalDoseMg(),
                kpis.maxConcentration(), kpis.meanConcentration(), String.valueOf(fallbacks)));
            double[] sum = sums.computeIfAbsent(policy.name(), k -> new double[3]);
            sum[0] += kpis.timeInWindowPct();
            sum[1] += kpis.timeAboveToxicPct();
            sum[2] += kpis.totalDoseMg();
          }
          if (s == 0) {
            shown = courses;
          }
          progress.step("subject " + subject.id());
        }
      }
      report.table("pk/dosing_kpis", "Dosing KPIs per subject and policy", List.of("subject",
          "policy", "time_in_window_pct", "time_above_toxic_pct", "time_below_window_pct",
          "total_dose_mg", "max_conc_mg_per_l", "mean_conc_mg_per_l", "mpc_fallback_steps"),
          rows);
      for (Map.Entry<String, double[]> entry : sums.entrySet()) {
        String prefix = "pk/dosing/" + entry.getKey() + "/";
        report.metric(prefix + "time_in_window_pct", entry.getValue()[0] / count);
        report.metric(prefix + "time_above_toxic_pct", entry.getValue()[1] / count);
        report.metric(prefix + "total_dose_mg", entry.getValue()[2] / count);
      }
      charts(report, dosing, subjects.get(0), shown);
    }

    /**
     * MPC on the twin the section names: the subject's own fit, the MAP fit to its first
     * samples under the prior of the other subjects, or that MAP fit refitted after every
     * trough. The PID needs no twin: it reads only the measured concentration.
     */
    static DosingPolicy mpcPolicy(Controller mpc, PkSettings settings,
        List<PkSubject> subjects, int index, PkFit fit) {
      DosingSettings dosing = settings.dosing();
      if (dosing.twin().equals("fit")) {
        return MpcDosing.design(mpc, fit.plant(), dosing);
      }
      List<PkSubject> others = new ArrayList<>(subjects);
      others.remove(index);
      PopulationPrior prior = PopulationPrior.of(PkModel.oralOneCompartment(), others, 2);
      PkSubject first = subjects.get(index).firstSamples(settings.observedSamples());
      if (dosing.twin().equals("adaptive")) {
        return new AdaptiveMpcDosing(mpc, first, prior, dosing);
      }
      return MpcDosing.design(mpc, PkFitter.fit(PkModel.oralOneCompartment(), first, prior)
          .plant(), dosing);
    }

    private static DosingCourse run(StudyReport report, DosingSimulation simulation,
        PkPlant patient, DosingPolicy policy, PkSubject subject, long seed) {
      try {
        return simulation.run(patient, policy, seed);
      } catch (DosingSimulation.Failure failure) {
        // The run fails, but what was simulated up to the integrator's failure is kept.
        DosingCourse partial = failure.partial();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < partial.timesH().length; i++) {
          rows.add(List.of(partial.timesH()[i], partial.concentrations()[i]));
        }
        report.csv("pk/dosing_partial_subject_" + subject.id() + "_" + policy.name() + ".csv",
            List.of("time_h", "conc_mg_per_l"), rows);
        throw failure;
      }
    }

    private static void charts(StudyReport report, DosingSettings dosing, PkSubject subject,
        List<DosingCourse> courses) {
      double[] x = courses.get(0).timesH();
      List<Chart.Series> series = new ArrayList<>();
      for (DosingCourse course : courses) {
        series.add(Chart.Series.line(course.policy(), course.concentrations()));
      }
      report.chart("pk/dosing_concentration", new Chart.Lines("Theophylline subject "
          + subject.id() + ": concentration under each policy", "time (h)",
          "concentration (mg/L)", x, series, List.of(new Chart.Band("therapeutic window",
          dosing.windowLow(), dosing.windowHigh()))));

      List<String> times = new ArrayList<>();
      for (double t : courses.get(0).doseTimesH()) {
        times.add(String.format(Locale.ROOT, "%.0f h", t));
      }
      report.chart("pk/dosing_schedule", new Chart.Bars("Theophylline subject " + subject.id()
          + ": doses (mg)", "dose (mg)", times,
          courses.stream().map(DosingCourse::policy).toList(),
          courses.stream().map(DosingCourse::dosesMg).toArray(double[][]::new)));

      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        List<Object> row = new ArrayList<>();
        row.add(x[i]);
        for (DosingCourse course : courses) {
          row.add(course.concentrations()[i]);
        }
        rows.add(row);
      }
      List<String> columns = new ArrayList<>(List.of("time_h"));
      courses.forEach(c -> columns.add(c.policy() + "_mg_per_l"));
      report.csv("pk/dosing_course_subject_" + subject.id() + ".csv", columns, rows);
    }
  }

  /** A fitted-curve chart: each fit on a fine grid, the samples as points. */
  static Chart fitChart(PkSubject subject, String title, Map<String, PkFit> fits,
      double endH) {
    TreeSet<Double> grid = new TreeSet<>();
    for (int i = 0; i <= endH * 10; i++) {
      grid.add(i / 10.0);
    }
    for (double t : subject.timesH()) {
      grid.add(t);
    }
    double[] x = grid.stream().mapToDouble(Double::doubleValue).toArray();
    double[] observed = new double[x.length];
    Arrays.fill(observed, Double.NaN);
    double[] times = subject.timesH();
    double[] concentrations = subject.concentrations();
    for (int i = 0; i < times.length; i++) {
      observed[Arrays.binarySearch(x, times[i])] = concentrations[i];
    }
    List<Chart.Series> series = new ArrayList<>();
    series.add(Chart.Series.points("observed", observed));
    new java.util.TreeMap<>(fits).forEach((name, fit) -> series.add(Chart.Series.line(name,
        Arrays.stream(x).map(t -> fit.concentration(subject.doseMg(), t)).toArray())));
    return new Chart.Lines(title, "time since dose (h)", "concentration (mg/L)", x, series,
        List.of());
  }
}
