package org.doppel.domains.logistics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.doppel.domains.logistics.chain.ChainKpis;
import org.doppel.domains.logistics.chain.ChainRun;
import org.doppel.domains.logistics.chain.ChainSimulation;
import org.doppel.domains.logistics.chain.DemandOutlook;
import org.doppel.domains.logistics.chain.ForecastOutlook;
import org.doppel.domains.logistics.chain.MpcOrderPolicy;
import org.doppel.domains.logistics.chain.OrderLimits;
import org.doppel.domains.logistics.chain.OrderPolicy;
import org.doppel.domains.logistics.chain.OrderUpToPolicy;
import org.doppel.domains.logistics.chain.PassAlongPolicy;
import org.doppel.domains.logistics.chain.SafetyStock;
import org.doppel.domains.logistics.chain.SerialSupplyChain;
import org.doppel.domains.logistics.demand.DemandData;
import org.doppel.domains.logistics.demand.DemandSeries;
import org.doppel.domains.logistics.demand.DemandWindows;
import org.doppel.domains.logistics.demand.ForecastEvaluation;
import org.doppel.domains.logistics.demand.NaiveForecasts;
import org.doppel.domains.logistics.demand.RollingOrigin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.study.DomainStudy;
import org.doppel.sdk.study.StudyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logistics study behind {@code doppel run logistics}: reads monthly demand, evaluates the
 * attention twin's 1–12-month forecasts against persistence and seasonal naive on rolling
 * origins over the last years, then runs every ordering policy on the serial supply chain
 * through the same test months and reports their costs, service and bullwhip. Stateless and
 * thread-safe: a run's state lives in its context.
 */
public final class LogisticsStudy implements DomainStudy {

  /** Months each policy runs, unscored, before the first scored month. */
  static final int WARM_UP_MONTHS = 12;

  private static final Logger LOG = LoggerFactory.getLogger(LogisticsStudy.class);

  @Override
  public Set<String> sections() {
    return StudySettings.SECTIONS;
  }

  @Override
  public void validate(StudyContext context) {
    StudySettings settings = StudySettings.from(context);
    // Order-up-to at the factory looks as far ahead as all the lead times together.
    int chainLead = Arrays.stream(settings.plant().leadTimes()).sum();
    if (settings.horizon() < chainLead) {
      throw new PluginException("surrogate: parameter 'horizon' (" + settings.horizon()
          + " months) must cover the lead times of the whole chain, " + chainLead + " months");
    }
    if (settings.policies().contains(MpcOrderPolicy.NAME)) {
      context.plugin(Controller.class, settings.controllerId());
    }

    // The untrained network is built once, so a faulty attention setting is refused now.
    context.forecasting().check(settings.forecaster(), settings.inputMonths(),
        DemandWindows.FEATURES.size());

    // The data is read here too (milliseconds), so a faulty file is the scenario's error,
    // found before a run folder exists, as for the day-ahead pipeline.
    try {
      read(context, settings);
    } catch (IOException e) {
      throw new PluginException("data: cannot read " + e.getMessage());
    }
  }

  @Override
  public void run(StudyContext context) throws IOException {
    validate(context);
    StudySettings settings = StudySettings.from(context);
    DemandSeries demand = read(context, settings);
    StudyReports reports = new StudyReports(context.report());
    reports.data(demand, new LogisticsDomain().dataAttribution());

    DemandWindows windows = new DemandWindows(demand, settings.inputMonths(),
        settings.horizon());
    RollingOrigin rolling = new RollingOrigin(demand, windows, settings.years());
    ForecastEvaluation evaluation;
    try (StudyContext.Progress progress = context.progress("Training the demand twin",
        (long) settings.years() * settings.forecaster().epochs(), "epochs")) {
      evaluation = rolling.run(context.forecasting(), settings.forecaster(),
          (index, count, month) -> LOG.info("Origin [{}] of [{}]: training on demand up to"
              + " [{}]", index + 1, count, month),
          (epoch, epochs, training, validation) -> progress.step(String.format(
              "loss %.4f / %.4f", training, validation)));
    }
    reports.forecasts(evaluation, settings);

    List<ChainKpis> kpis = new ArrayList<>();
    List<ChainRun> runs = new ArrayList<>();
    simulate(context, settings, evaluation, runs, kpis);
    reports.chain(settings, evaluation, runs, kpis);
  }

  private static DemandSeries read(StudyContext context, StudySettings settings)
      throws IOException {
    if (settings.file() != null) {
      Path file = context.resolve(settings.file());
      if (!Files.isRegularFile(file)) {
        throw new PluginException("data.file: no such file: " + file.toAbsolutePath());
      }
      return DemandData.read(context.ingest(), Files.readAllBytes(file), file.toString(),
          settings.column(), settings.gaps());
    }
    var url = new LogisticsDomain().datasets().get(settings.dataset());
    if (url == null) {
      throw new PluginException("data: unknown dataset '" + settings.dataset()
          + "'; shipped datasets: " + new LogisticsDomain().datasets().keySet());
    }
    try (InputStream in = url.openStream()) {
      return DemandData.read(context.ingest(), in.readAllBytes(), LogisticsDomain.SALES_FILE,
          settings.column(), settings.gaps());
    }
  }

  /**
   * Runs every policy through the months after the first origin, from the same state. Each
   * run starts {@link #WARM_UP_MONTHS} months earlier on the seasonal naive forecast (known
   * before the first origin), so the chain has settled into each policy's own rhythm when
   * the scored months begin; the warm-up is left out of every figure.
   */
  static void simulate(StudyContext context, StudySettings settings,
      ForecastEvaluation evaluation, List<ChainRun> runs, List<ChainKpis> kpis) {
    SerialSupplyChain plant = settings.plant();
    double[] y = evaluation.demand().values();
    int first = evaluation.firstIssue();
    int start = first + 1 - WARM_UP_MONTHS;
    double[] demand = Arrays.copyOfRange(y, start, y.length);
    DemandOutlook warmUp = warmUp(evaluation, start);
    DemandOutlook twin = warmedUp(warmUp, outlook(evaluation, ForecastEvaluation.TWIN));
    DemandOutlook naive = warmedUp(warmUp, outlook(evaluation,
        NaiveForecasts.SEASONAL_NAIVE));
    double before = Arrays.stream(Arrays.copyOfRange(y, 0, first + 1)).max().orElseThrow();
    OrderLimits limits = new OrderLimits(Math.floor(settings.capacityFactor() * before));
    SafetyStock safety = new SafetyStock(plant, settings.safetyFactor());
    double[] initial = plant.steadyState(y[start - 1], safety.targets(0, warmUp));
    LOG.info("Simulating [{}] months of the chain from [{}] after a warm-up of [{}] months,"
        + " order capacity [{}] M USD a month", demand.length - WARM_UP_MONTHS,
        evaluation.demand().months()[first + 1], WARM_UP_MONTHS, limits.capacity());

    for (String name : settings.policies()) {
      OrderPolicy policy = switch (name) {
        case PassAlongPolicy.NAME -> new PassAlongPolicy(limits);
        case OrderUpToPolicy.NAME -> new OrderUpToPolicy(plant, safety, limits);
        case StudySettings.ORDER_UP_TO_NAIVE -> new OrderUpToPolicy(name, plant, safety,
            limits);
        case MpcOrderPolicy.NAME -> new MpcOrderPolicy(context.plugin(Controller.class,
            settings.controllerId()), settings.controllerParameters(), plant, safety, limits,
            settings.stockWeight(), settings.orderWeight(), settings.redesignMonths());
        default -> throw new IllegalStateException("unknown policy " + name);
      };
      DemandOutlook outlook = name.equals(StudySettings.ORDER_UP_TO_NAIVE) ? naive : twin;
      ChainRun run = ChainSimulation.run(plant, policy, demand, outlook, initial)
          .after(WARM_UP_MONTHS);
      runs.add(run);
      kpis.add(ChainKpis.of(plant, run, settings.holdingCost(), settings.backorderCost()));
      if (policy instanceof MpcOrderPolicy mpc) {
        context.report().metric("chain/mpc/designs", mpc.designs());
        context.report().metric("chain/mpc/fallback_months", mpc.fallbackMonths());
      }
    }
  }

  /**
   * The seasonal naive outlook for the warm-up months from data month {@code start} on,
   * its error scaled as at the first origin.
   */
  static DemandOutlook warmUp(ForecastEvaluation evaluation, int start) {
    double[] y = evaluation.demand().values();
    double[][] atFirst = evaluation.forecasts().get(NaiveForecasts.SEASONAL_NAIVE);
    double relativeError = evaluation.errorScales().get(NaiveForecasts.SEASONAL_NAIVE)[0]
        / atFirst[0][0];
    double[][] forecasts = new double[WARM_UP_MONTHS][];
    double[] scales = new double[WARM_UP_MONTHS];
    for (int s = 0; s < WARM_UP_MONTHS; s++) {
      forecasts[s] = NaiveForecasts.issue(NaiveForecasts.SEASONAL_NAIVE, y, start + s,
          evaluation.horizon());
      scales[s] = relativeError * forecasts[s][0];
    }
    return new ForecastOutlook(forecasts, scales);
  }

  /** The warm-up's outlook for its months, then {@code scored}'s. */
  static DemandOutlook warmedUp(DemandOutlook warmUp, DemandOutlook scored) {
    return new DemandOutlook() {
      @Override
      public double[] forecast(int month) {
        return month < WARM_UP_MONTHS ? warmUp.forecast(month)
            : scored.forecast(month - WARM_UP_MONTHS);
      }

      @Override
      public double errorScale(int month) {
        return month < WARM_UP_MONTHS ? warmUp.errorScale(month)
            : scored.errorScale(month - WARM_UP_MONTHS);
      }
    };
  }

  /**
   * The outlook of one forecasting method for the scored months: scored month s is data
   * month first + 1 + s, whose forecast was issued at index s + 1 of the evaluation.
   */
  static DemandOutlook outlook(ForecastEvaluation evaluation, String method) {
    double[][] forecasts = evaluation.forecasts().get(method);
    double[] scales = evaluation.errorScales().get(method);
    return new ForecastOutlook(Arrays.copyOfRange(forecasts, 1, forecasts.length),
        Arrays.copyOfRange(scales, 1, scales.length));
  }
}
