package org.doppel.runtime.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.simulation.ClosedLoopSetup;
import org.doppel.runtime.simulation.ClosedLoopSimulator;
import org.doppel.runtime.simulation.SimulationOptions;
import org.doppel.runtime.simulation.SimulationResult;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.domain.ControlCase;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.domain.ForecastTrace;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision twin: the domain turns the forecast errors into a closed-loop experiment, and
 * the scenario's controller and the domain's baseline each run it on the same plant and
 * disturbance. Not thread-safe.
 */
final class ControlStage {

  private static final Logger LOG = LoggerFactory.getLogger(ControlStage.class);

  /** Trajectory samples kept for charts; the KPIs use every step (full-rate statistics). */
  private static final int CHART_SAMPLES = 20_000;

  private final PluginLookup registry;
  private final Progress progress;

  ControlStage(PluginLookup registry, Progress progress) {
    this.registry = registry;
    this.progress = progress;
  }

  /** One controller's closed loop: its simulation, KPIs and design diagnostics. */
  record Loop(String controller, Parameters parameters, SimulationResult result,
      Map<String, Double> kpis, Map<String, Object> diagnostics) {
  }

  /** The loops of the scenario's controller and of the baseline, in that order. */
  Map<String, Loop> run(DomainModule domain, ForecastTrace trace, Parameters control,
      String controllerId, Parameters controllerParameters) {
    ControlCase controlCase = domain.controlCase(trace, control);
    SystemDynamics plant = registry.require(PluginType.DYNAMICS, controlCase.plantId(),
        SystemDynamics.class).configure(controlCase.plantParameters());

    Map<String, Loop> loops = new LinkedHashMap<>();
    loops.put(controllerId, loop(domain, controlCase, plant, controllerId,
        controllerParameters));
    String baseline = controlCase.baselineController();
    if (baseline != null && !baseline.equals(controllerId)) {
      loops.put(baseline, loop(domain, controlCase, plant, baseline,
          controlCase.baselineParameters()));
    }
    return loops;
  }

  private Loop loop(DomainModule domain, ControlCase controlCase, SystemDynamics plant,
      String controllerId, Parameters parameters) {
    Controller controller = registry.require(PluginType.CONTROLLER, controllerId,
        Controller.class);
    ControlLaw law;
    try {
      law = controller.design(controlCase.problem(), parameters);
    } catch (PluginException e) {
      throw new PluginException("controller/" + controllerId + ": " + e.getMessage(), e);
    }

    long steps = controlCase.disturbance().steps();
    double[] initial = new double[plant.stateNames().size()];
    ClosedLoopSetup setup = new ClosedLoopSetup(plant, law, controllerId, initial,
        controlCase.disturbance(), controlCase.problem().samplePeriod());
    SimulationResult result;
    try (Progress.Bar bar = progress.start("closed loop " + controllerId, 100, "%")) {
      SimulationOptions options = SimulationOptions.defaults()
          .withKeepEvery((int) Math.max(1, steps / CHART_SAMPLES))
          .withOutputs(controlCase.problem().outputMatrix(), controlCase.outputNames())
          .withProgress((done, total) -> bar.stepTo(100 * done / Math.max(1, total), ""));
      result = new ClosedLoopSimulator().simulate(setup, options);
    }

    Map<String, Double> kpis = domain.kpis(result.trajectory());
    LOG.info("Closed loop [{}]: [{}] steps, KPIs {}", controllerId, steps, kpis);
    return new Loop(controllerId, parameters, result, kpis, law.diagnostics());
  }
}
