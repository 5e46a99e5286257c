package org.doppel.domains.traffic.grid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * The store-and-forward model of the signalised grid, id {@code traffic-grid}, a
 * discrete-time plant stepped once per signal cycle (T = C).
 *
 * <p><b>State</b> x: the vehicles on each signalised approach [veh], in
 * {@link GridNetwork#approaches()} order. <b>Input</b> g: the green of each junction's
 * north-south and east-west stage [s], two per junction. <b>Disturbance</b> d: the vehicles
 * entering each approach from outside the modelled links during the step, as a rate [veh/h].
 *
 * <p>One step: approach w can discharge at most S_w · g_w / C · T vehicles, and no more than
 * it holds plus what arrives from outside, out_w = min(S_w g_w T / C, x_w + d_w T). A share
 * t_wz of that wants to enter approach z and the rest (1 − Σ_z t_wz) leaves the network.
 * Approach z accepts at most its free storage, storage_z − x_z; when more wants in, every
 * upstream movement into z is scaled by the same factor and what is held back stays in its
 * queue (spillback). Then x_z' = x_z + d_z T + Σ_w moved_wz − left_z, so vehicles are
 * conserved exactly: Σ x' = Σ x + Σ d T − exits.
 *
 * <p><b>Linearisation</b> (the TUC model): while every queue discharges at saturation and no
 * link is full, x[k+1] = x[k] + B g[k] + G d[k] with A = I,
 * B_z,s = T/C · (Σ_{w served by s} t_wz S_w − S_z [z served by s]) (flows per second) and
 * G = T · I. At an operating point where an approach is not saturated its green moves
 * nothing, and its terms drop out of B.
 *
 * <p>The registered service is calibrated lazily from the shipped SUMO grid data with the
 * default timing; {@link #configure} takes {@code cycle_s}, {@code lost_time_s},
 * {@code min_green_s}. Immutable and thread-safe.
 */
public final class StoreAndForwardPlant implements SystemDynamics {

  /** The plugin id. */
  public static final String ID = "traffic-grid";

  private static final Set<String> KEYS = Set.of("cycle_s", "lost_time_s", "min_green_s");

  private final Supplier<GridModel> model;

  /** The plant calibrated from the shipped data with the default timing, when first used. */
  public StoreAndForwardPlant() {
    this(GridSettings.defaults().timing());
  }

  private StoreAndForwardPlant(SignalTiming timing) {
    this.model = new Lazy<>(() -> {
      try {
        return GridSettings.defaults().withTiming(timing).calibrate(GridDataset.shipped());
      } catch (IOException e) {
        throw new UncheckedIOException("reading the shipped grid data", e);
      }
    });
  }

  /** The plant of a calibrated model. */
  public StoreAndForwardPlant(GridModel model) {
    this.model = () -> model;
  }

  /** The calibrated model this plant steps. */
  public GridModel model() {
    return model.get();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Store-and-forward queue model of the 4x4 signalised grid (one queue per approach,"
        + " greens as input), calibrated from SUMO-simulated loop data";
  }

  @Override
  public List<String> stateNames() {
    return model().network().approaches().stream().map(a -> "queue " + a.edgeId() + " [veh]")
        .toList();
  }

  @Override
  public List<String> inputNames() {
    List<String> names = new ArrayList<>();
    for (String junction : model().network().junctions()) {
      for (String stage : GridNetwork.STAGES) {
        names.add("green " + junction + " " + stage + " [s]");
      }
    }
    return names;
  }

  @Override
  public List<String> disturbanceNames() {
    return model().network().approaches().stream()
        .map(a -> "arrivals " + a.edgeId() + " [veh/h]").toList();
  }

  @Override
  public double samplePeriod() {
    return model().timing().cycleSeconds();
  }

  @Override
  public double[] evaluate(double time, double[] state, double[] input, double[] disturbance) {
    return step(state, input, disturbance).state();
  }

  /**
   * One step with its flows.
   *
   * @return the next state, the vehicles that entered from outside and that left the network
   */
  public Step step(double[] state, double[] greens, double[] arrivalsPerHour) {
    GridModel m = model();
    int n = m.queues();
    checkLength("state", state, n);
    checkLength("input", greens, m.network().greens());
    checkLength("disturbance", arrivalsPerHour, n);
    double period = samplePeriod();
    double cycle = m.timing().cycleSeconds();

    double[] arrived = new double[n];
    double[] discharge = new double[n];
    for (int w = 0; w < n; w++) {
      arrived[w] = Math.max(0, arrivalsPerHour[w]) * period / 3600;
      double capacity = m.saturationFlow()[w] * greens[m.greenOf(w)] / cycle * period / 3600;
      discharge[w] = Math.max(0, Math.min(capacity, state[w] + arrived[w]));
    }

    // Movements into each approach are scaled down together when its free storage is short.
    double[] wanting = new double[n];
    for (int w = 0; w < n; w++) {
      for (int z = 0; z < n; z++) {
        wanting[z] += m.turning()[w][z] * discharge[w];
      }
    }
    double[] admitted = new double[n];
    for (int z = 0; z < n; z++) {
      double space = Math.max(0, m.storage()[z] - state[z]);
      admitted[z] = wanting[z] <= space ? 1 : space / wanting[z];
    }

    double[] next = new double[n];
    double[] left = new double[n];
    double exited = 0;
    for (int w = 0; w < n; w++) {
      left[w] = m.exitShare(w) * discharge[w];
      exited += left[w];
      for (int z = 0; z < n; z++) {
        double moved = m.turning()[w][z] * discharge[w] * admitted[z];
        left[w] += moved;
        next[z] += moved;
      }
      next[w] += state[w] + arrived[w] - left[w];
    }
    double entered = 0;
    for (double a : arrived) {
      entered += a;
    }
    return new Step(next, left, entered, exited);
  }

  @Override
  public Linearization linearize(double[] state, double[] input) {
    return linearize(state, input, new double[model().queues()]);
  }

  /**
   * The Jacobian of a step at an operating point with arrivals: a green moves an approach's
   * discharge only while the approach is saturated there, holding at least what the green
   * clears (x_w + d_w T ≥ S_w g_w T / C); the columns of an unsaturated approach are zero.
   * Spillback is left out (it is the plant's constraint, not its slope). At an operating
   * point where every queue is saturated this is the TUC model of the class comment.
   */
  public Linearization linearize(double[] state, double[] greens, double[] arrivalsPerHour) {
    GridModel m = model();
    int n = m.queues();
    checkLength("state", state, n);
    checkLength("input", greens, m.network().greens());
    double period = samplePeriod();
    double cycle = m.timing().cycleSeconds();
    double[][] a = new double[n][n];
    double[][] b = new double[n][m.network().greens()];
    double[][] g = new double[n][n];
    for (int w = 0; w < n; w++) {
      a[w][w] = 1;
      g[w][w] = period / 3600;
      double capacity = m.saturationFlow()[w] * greens[m.greenOf(w)] / cycle * period / 3600;
      if (state[w] + Math.max(0, arrivalsPerHour[w]) * period / 3600 < capacity) {
        continue;
      }
      double perSecondOfGreen = m.saturationFlow()[w] / 3600 * period / cycle;
      b[w][m.greenOf(w)] -= perSecondOfGreen;
      for (int z = 0; z < n; z++) {
        b[z][m.greenOf(w)] += m.turning()[w][z] * perSecondOfGreen;
      }
    }
    return new Linearization(a, b, g, period);
  }

  @Override
  public SystemDynamics configure(Parameters parameters) {
    parameters.requireOnly(KEYS);
    SignalTiming defaults = GridSettings.defaults().timing();
    SignalTiming timing;
    try {
      timing = new SignalTiming(parameters.getDouble("cycle_s", defaults.cycleSeconds()),
          parameters.getDouble("lost_time_s", defaults.lostSeconds()),
          parameters.getDouble("min_green_s", defaults.minGreenSeconds()));
    } catch (IllegalArgumentException e) {
      throw new org.doppel.sdk.PluginException(parameters.owner() + ": " + e.getMessage(), e);
    }
    return new StoreAndForwardPlant(timing);
  }

  private static void checkLength(String what, double[] values, int expected) {
    if (values.length != expected) {
      throw new IllegalArgumentException("the grid plant's " + what + " needs " + expected
          + " values, got " + values.length);
    }
  }

  /**
   * One step's outcome.
   *
   * @param state the queues after the step, veh
   * @param discharged the vehicles that crossed each approach's stop line, veh
   * @param entered vehicles that entered from outside during the step
   * @param exited vehicles that left the network during the step
   */
  public record Step(double[] state, double[] discharged, double entered, double exited) {
  }

  /** A value computed once, on first use, by whichever thread asks first. */
  private static final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    Lazy(Supplier<T> compute) {
      this.compute = compute;
    }

    @Override
    public T get() {
      T result = value;
      if (result == null) {
        synchronized (this) {
          result = value;
          if (result == null) {
            result = compute.get();
            value = result;
          }
        }
      }
      return result;
    }
  }
}
