package org.doppel.domains.traffic.motorway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.dynamics.Linearization;

/**
 * Ramp metering by model-predictive control over the calibrated cell transmission model,
 * through a {@link Controller} plugin (the {@code mpc} plugin: a quadratic cost, hard input
 * and state bounds).
 *
 * <p>Every minute the model is linearised around the current state, a rate at which the
 * ramp's release binds (95 % of demand plus queue) and the demands measured now, held over
 * the horizon (a persistence forecast). The controller's model keeps the cells from the
 * on-ramp down and the ramp queue (the rate reaches nothing upstream; those cells and the
 * origin queue stay at their current values in the affine term). The program: the linear
 * model z⁺ = A z + B v + w in the corridor's own units, with v = r − (ramp demand) the
 * rate's departure from no metering, z the state with the merge cell's density shifted by
 * its target, and w the affine term entering through G = I. The target is {@code margin}
 * times the density at which the merge cell feeds the bottleneck its capacity (an ALINEA
 * set-point, but predicted over the horizon). Cost Σ zᵀQz + vᵀRv: Q weighs the merge
 * density's departure from the target most, the ramp queue by 1 / storage², the other
 * densities lightly; R is small. Hard bounds: the metering bounds on the rate, and the ramp
 * queue within [0, storage] (a rate above what the ramp holds releases nothing more). So the
 * controller meters when the merge would feed the bottleneck more than it can pass, and
 * gives way when the ramp's storage binds.
 *
 * <p>When the plugin refuses a design (a linearisation with a mode no rate reaches, such as
 * a cell whose inflow and outflow both sit at capacity, or a ramp the merge blocks), the
 * design is retried with A contracted by 2 %; when that fails too the minute's rate is
 * ALINEA's (run alongside). ALINEA's queue override (with its queue limit) applies on top
 * of every plan. The retries, ALINEA minutes, overrides and the plugin's own fallback steps
 * (an infeasible program: the storage cannot be held) are counted in {@link #diagnostics()}.
 * Not thread-safe.
 */
public final class MpcMetering implements RampPolicy {

  /** The cost's weight on densities, relative to the ramp queue's. */
  private static final double DENSITY_WEIGHT = 1e-3;


  /** The linearisation's rate as a share of what the ramp holds (demand + queue). */
  private static final double BINDING = 0.95;

  /** The factor on the density block of A when a design is refused. */
  private static final double CONTRACTION = 0.98;

  /** The cost's weight on the rate's departure from demand, per (max rate)². */
  private static final double RATE_WEIGHT = 0.05;

  private final CellTransmissionModel model;
  private final MeteringBounds bounds;
  private final Controller controller;
  private final Parameters parameters;
  private final double margin;
  private final double mergeWeight;
  private final Alinea backup;
  private double previous = Double.NaN;
  private int regularised;
  private int backupMinutes;
  private int fallbackSteps;
  private int overrides;

  /**
   * @param controller the controller plugin ({@code mpc})
   * @param parameters its parameters ({@code horizon}, {@code moves})
   * @param margin the merge density's target as a share of the bottleneck-feeding density,
   *     in (0, 1]
   * @param mergeWeight the cost's weight on the merge density's departure from its target,
   *     relative to the ramp queue's (per target² against per storage²)
   * @param backup the ALINEA policy used when no design is possible
   */
  public MpcMetering(CellTransmissionModel model, MeteringBounds bounds, Controller controller,
      Parameters parameters, double margin, double mergeWeight, Alinea backup) {
    if (!(mergeWeight > 0)) {
      throw new PluginException("motorway: mpc merge_weight must be positive, got "
          + mergeWeight);
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new PluginException("motorway: mpc margin must be in (0, 1], got " + margin);
    }
    this.model = model;
    this.bounds = bounds;
    this.controller = controller;
    this.parameters = parameters;
    this.margin = margin;
    this.mergeWeight = mergeWeight;
    this.backup = backup;
  }

  @Override
  public String name() {
    return "mpc";
  }

  @Override
  public double rate(int minute, double[] state, double[] disturbance) {
    double alinea = backup.rate(minute, state, disturbance);
    if (Double.isNaN(previous)) {
      previous = bounds.max();
    }
    double reference = bounds.clip(disturbance[1]);

    // Linearised where the rate binds (just below what the ramp holds), or B would be zero.
    double held = disturbance[1] + state[model.rampQueue()] * 3600 / CellTransmissionModel.STEP_S;
    double[] operating = {bounds.clip(BINDING * held)};
    Linearization full = model.linearize(state, operating, disturbance);
    double[] next = model.evaluate(0, state, operating, disturbance);
    int[] kept = keptStates();
    int n = kept.length;

    double[][] a = new double[n][n];
    double[][] b = new double[n][1];
    double[] x = new double[n];
    double[] w = new double[n];
    double[][] fullA = full.a();
    double[][] fullB = full.b();
    for (int i = 0; i < n; i++) {
      x[i] = state[kept[i]];
      b[i][0] = fullB[kept[i]][0];
      w[i] = next[kept[i]] - b[i][0] * operating[0] + b[i][0] * reference;
      for (int j = 0; j < n; j++) {
        a[i][j] = fullA[kept[i]][kept[j]];
        w[i] -= a[i][j] * state[kept[j]];
      }
    }

    double v;
    try {
      v = plan(a, b, reference, x, w, minute);
    } catch (PluginException refused) {
      try {
        regularised++;
        v = plan(contracted(a), b, reference, x, w, minute);
      } catch (PluginException again) {
        backupMinutes++;
        previous = alinea;
        return previous;
      }
    }

    // The queue override of ALINEA on top: the plan's storage bound is hard only within the
    // plan, and a plan the plugin could not solve falls back to an LQR input that ignores it.
    double rate = reference + v;
    double release = Alinea.queueRelease(model, state, disturbance, backup.queueLimit());
    if (release > rate) {
      rate = release;
      overrides++;
    }
    previous = bounds.clip(rate);
    return previous;
  }

  /**
   * The first move of the plan. The merge cell's density is tracked around the feeding
   * density (the coordinates are shifted by it), so the affine term gains A x_ref − x_ref.
   */
  private double plan(double[][] a, double[][] b, double reference, double[] x, double[] w,
      int minute) {
    int n = x.length;
    double[] target = new double[n];
    target[0] = feedingDensity();
    double[] z = new double[n];
    double[] shifted = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = x[i] - target[i];
      shifted[i] = w[i] - target[i];
      for (int j = 0; j < n; j++) {
        shifted[i] += a[i][j] * target[j];
      }
    }
    return design(a, b, reference).input(minute, z, new double[][] {shifted})[0];
  }

  private ControlLaw design(double[][] a, double[][] b, double reference) {
    int n = a.length;
    int first = model.corridor().onRampCell();
    int cells = n - 1;
    double[][] q = new double[n][n];
    double storage = model.rampStorage();
    for (int i = 0; i < cells; i++) {
      q[i][i] = DENSITY_WEIGHT / Math.pow(model.criticalDensity(first + i), 2);
    }
    q[0][0] = mergeWeight / Math.pow(feedingDensity(), 2);
    q[cells][cells] = 1 / (storage * storage);
    double[][] r = {{RATE_WEIGHT / (bounds.max() * bounds.max())}};
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      g[i][i] = 1;
    }

    // The ramp queue (not shifted) within [0, storage]: a rate above what the ramp holds
    // releases nothing more.
    double[] stateMin = new double[n];
    double[] stateMax = new double[n];
    java.util.Arrays.fill(stateMin, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(stateMax, Double.POSITIVE_INFINITY);
    stateMin[cells] = 0;
    stateMax[cells] = storage;
    ControlProblem.Bounds limits = new ControlProblem.Bounds(
        new double[] {bounds.min() - reference}, new double[] {bounds.max() - reference}, null,
        stateMin, stateMax);
    ControlLaw law = controller.design(new ControlProblem(
        new Linearization(a, b, g, CellTransmissionModel.STEP_S), q, r, new double[0][n],
        new double[0], limits, CellTransmissionModel.STEP_S), parameters);
    return new CountingLaw(law);
  }

  /** The merge density's target: where it feeds the bottleneck its capacity, × margin. */
  double feedingDensity() {
    int bottleneck = model.corridor().bottleneckCell();
    return margin * model.capacity(bottleneck) / model.diagram().freeSpeedKmh();
  }

  /** The cells from the on-ramp down (the ones the rate reaches) and the ramp queue. */
  private int[] keptStates() {
    int first = model.corridor().onRampCell();
    int cells = model.corridor().cells() - first;
    int[] kept = new int[cells + 1];
    for (int i = 0; i < cells; i++) {
      kept[i] = first + i;
    }
    kept[cells] = model.rampQueue();
    return kept;
  }

  private static double[][] contracted(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
      for (int j = 0; j < a.length; j++) {
        c[i][j] *= CONTRACTION;
      }
    }
    return c;
  }

  @Override
  public Map<String, Double> diagnostics() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("regularised_designs", (double) regularised);
    d.put("alinea_backup_minutes", (double) backupMinutes);
    d.put("controller_fallback_steps", (double) fallbackSteps);
    d.put("queue_override_minutes", (double) overrides);
    return d;
  }

  /** Adds the law's fallback steps to this policy's count. */
  private final class CountingLaw implements ControlLaw {

    private final ControlLaw law;

    CountingLaw(ControlLaw law) {
      this.law = law;
    }

    @Override
    public double[] input(long step, double[] state, double[][] forecast) {
      double[] u = law.input(step, state, forecast);
      Object fallbacks = law.diagnostics().get("fallback_steps");
      if (fallbacks instanceof Number count) {
        fallbackSteps += count.intValue();
      }
      return u;
    }
  }
}
