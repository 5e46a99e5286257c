package org.doppel.domains.traffic.motorway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * The motorway corridor as a cell transmission model with a capacity drop, an on-ramp queue
 * and an origin queue, id {@value #ID}; discrete time, one step per minute.
 *
 * <p>State x = [k_1 … k_N (veh/km over all lanes), mainline origin queue (veh), on-ramp
 * queue (veh)]; input u = [ramp metering rate r (veh/h)]; disturbance w = [mainline demand
 * (veh/h), on-ramp demand (veh/h), exit share at the off-ramp (–)]. Each minute is integrated
 * in sub-steps of {@code substep_s} seconds (Godunov scheme; the sub-step must satisfy
 * v Δt ≤ L and w Δt ≤ L). Per cell i with n_i lanes: sending flow min(v k_i, Q n_i),
 * receiving flow min(Q n_i, w (k_jam n_i − k_i)); a cell above its critical density k_c (a
 * queue) sends at most (1 − δ) Q min(n_i, n_{i+1}), the capacity drop, which sets in
 * linearly between k_c and 1.2 k_c so the map stays continuous. The off-ramp takes the
 * exit share of the flow leaving its cell (a blocked through movement holds the exits too);
 * at the on-ramp's cell the ramp outflow min(r, ramp demand + queue / Δt) and the mainline
 * share the supply, the ramp getting at least 1 / n of it. The origin queue holds the
 * mainline demand the first cell cannot take.
 *
 * <p>The linearisation is by central finite differences of the one-minute map around the
 * operating point, the disturbance at the configured nominal demand. Immutable and
 * thread-safe.
 */
public final class CellTransmissionModel implements SystemDynamics {

  /** The plugin id. */
  public static final String ID = "motorway-ctm";

  /**
   * What {@link Calibration} gives on the shipped data, rounded (a test checks they agree):
   * the plugin's parameters before a scenario configures it.
   */
  public static final FundamentalDiagram SHIPPED_DIAGRAM =
      new FundamentalDiagram(100.9, 2358, 91.5, 34.6, 0.093);

  /** The densities above critical, as a share of it, over which the capacity drop sets in. */
  static final double DROP_BAND = 0.2;

  /** Seconds per step. */
  public static final double STEP_S = 60;

  static final Set<String> KEYS;

  static {
    Set<String> keys = new HashSet<>(FundamentalDiagram.KEYS);
    keys.addAll(Set.of("substep_s", "nominal_demand_veh_h", "nominal_ramp_demand_veh_h",
        "nominal_exit_share"));
    KEYS = Set.copyOf(keys);
  }

  private final Corridor corridor;
  private final FundamentalDiagram diagram;
  private final double substepS;
  private final double[] nominalDisturbance;

  /** The shipped corridor with {@link #SHIPPED_DIAGRAM}. */
  public CellTransmissionModel() {
    this(Corridor.SHIPPED, SHIPPED_DIAGRAM, 10, new double[] {4000, 800, 0.12});
  }

  public CellTransmissionModel(Corridor corridor, FundamentalDiagram diagram, double substepS,
      double[] nominalDisturbance) {
    this.corridor = corridor;
    this.diagram = diagram;
    this.substepS = substepS;
    this.nominalDisturbance = nominalDisturbance.clone();
    if (!(substepS > 0) || STEP_S / substepS != Math.rint(STEP_S / substepS)) {
      throw new PluginException(ID + ": substep_s must divide " + STEP_S + " s, got "
          + substepS);
    }
    double fastest = Math.max(diagram.freeSpeedKmh(), diagram.waveSpeedKmh()) * substepS
        / 3600;
    for (int i = 0; i < corridor.cells(); i++) {
      if (fastest > corridor.length(i) + 1e-12) {
        throw new PluginException(ID + ": substep_s " + substepS + " s is too long for cell "
            + corridor.names().get(i) + " of " + corridor.length(i) + " km: traffic at "
            + Math.max(diagram.freeSpeedKmh(), diagram.waveSpeedKmh())
            + " km/h would cross it in one sub-step (CFL condition)");
      }
    }
  }

  public Corridor corridor() {
    return corridor;
  }

  public FundamentalDiagram diagram() {
    return diagram;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Motorway corridor: cell transmission model with capacity drop, off-ramp, metered"
        + " on-ramp queue and origin queue (one-minute steps)";
  }

  @Override
  public List<String> stateNames() {
    List<String> names = new ArrayList<>();
    for (String cell : corridor.names()) {
      names.add("density " + cell + " [veh/km]");
    }
    names.add("origin queue [veh]");
    names.add("ramp queue [veh]");
    return names;
  }

  @Override
  public List<String> inputNames() {
    return List.of("metering rate [veh/h]");
  }

  @Override
  public List<String> disturbanceNames() {
    return List.of("mainline demand [veh/h]", "ramp demand [veh/h]", "exit share [-]");
  }

  @Override
  public double samplePeriod() {
    return STEP_S;
  }

  /** The index of the origin queue in the state. */
  public int originQueue() {
    return corridor.cells();
  }

  /** The index of the ramp queue in the state. */
  public int rampQueue() {
    return corridor.cells() + 1;
  }

  /** The capacity of a cell, veh/h. */
  public double capacity(int cell) {
    return diagram.capacityPerLane() * corridor.lanes(cell);
  }

  /** The critical density of a cell, veh/km. */
  public double criticalDensity(int cell) {
    return diagram.criticalDensityPerLane() * corridor.lanes(cell);
  }

  /** The on-ramp's queue storage, veh: its length at jam density. */
  public double rampStorage() {
    return corridor.rampLengthKm() * diagram.jamDensityPerLane();
  }

  @Override
  public double[] evaluate(double time, double[] state, double[] input, double[] disturbance) {
    return advance(state, input[0], disturbance).state();
  }

  /**
   * One minute, with what flowed.
   *
   * @param rate the metering rate, veh/h (clipped at 0)
   */
  public Step advance(double[] state, double rate, double[] disturbance) {
    int n = corridor.cells();
    double[] x = state.clone();
    double[] cellOut = new double[n];
    double rampFlow = 0;
    double exitFlow = 0;
    double entryFlow = 0;
    int substeps = (int) Math.rint(STEP_S / substepS);
    for (int s = 0; s < substeps; s++) {
      double[] flows = substep(x, Math.max(0, rate), disturbance);
      for (int i = 0; i < n; i++) {
        cellOut[i] += flows[i] / substeps;
      }
      entryFlow += flows[n] / substeps;
      rampFlow += flows[n + 1] / substeps;
      exitFlow += flows[n + 2] / substeps;
    }
    return new Step(x, cellOut, entryFlow, rampFlow, exitFlow);
  }

  /**
   * What one minute did.
   *
   * @param state the state after the minute
   * @param cellOutflow mean flow leaving each cell downstream (through traffic only), veh/h
   * @param entryFlow mean flow entering the first cell, veh/h
   * @param rampFlow mean flow from the ramp into the mainline, veh/h
   * @param exitFlow mean flow onto the off-ramp, veh/h
   */
  public record Step(double[] state, double[] cellOutflow, double entryFlow, double rampFlow,
      double exitFlow) {
  }

  /** One sub-step in place; returns [cell outflows..., entry, ramp, exit] in veh/h. */
  private double[] substep(double[] x, double rate, double[] w) {
    int n = corridor.cells();
    double dt = substepS / 3600;
    double exitShare = Math.min(Math.max(w[2], 0), 0.95);
    double[] send = new double[n];
    double[] receive = new double[n];
    for (int i = 0; i < n; i++) {
      double k = Math.max(0, x[i]);
      double capacity = capacity(i);
      send[i] = Math.min(diagram.freeSpeedKmh() * k, capacity);
      double critical = criticalDensity(i);
      if (k > critical) {
        // The drop sets in over a band of densities, so the map stays continuous and its
        // finite-difference Jacobian finite.
        int next = Math.min(i + 1, n - 1);
        double onset = Math.min(1, (k - critical) / (DROP_BAND * critical));
        double discharge = (1 - onset * diagram.capacityDrop()) * diagram.capacityPerLane()
            * Math.min(corridor.lanes(i), corridor.lanes(next));
        send[i] = Math.min(send[i], discharge);
      }
      receive[i] = Math.min(capacity,
          diagram.waveSpeedKmh() * Math.max(0, diagram.jamDensityPerLane()
              * corridor.lanes(i) - k));
    }

    // Boundary flows: out[i] leaves cell i into cell i + 1 (the last into the open road).
    double[] out = new double[n + 3];
    double rampDemand = Math.max(0, w[1]) + x[rampQueue()] / dt;
    double rampFlow = 0;
    double exitFlow = 0;
    for (int i = 0; i < n; i++) {
      if (i == n - 1) {
        out[i] = send[i];
      } else if (i == corridor.offRampCell()) {
        double through = Math.min((1 - exitShare) * send[i], receive[i + 1]);
        out[i] = through;
        exitFlow = through * exitShare / (1 - exitShare);
      } else if (i + 1 == corridor.onRampCell()) {
        double ramp = Math.min(rate, rampDemand);
        double supply = receive[i + 1];
        if (send[i] + ramp <= supply) {
          out[i] = send[i];
          rampFlow = ramp;
        } else {
          rampFlow = Math.min(ramp, Math.max(supply - send[i],
              supply / corridor.lanes(i + 1)));
          out[i] = Math.min(send[i], supply - rampFlow);
        }
      } else {
        out[i] = Math.min(send[i], receive[i + 1]);
      }
    }
    double entry = Math.min(Math.max(0, w[0]) + x[originQueue()] / dt, receive[0]);

    for (int i = 0; i < n; i++) {
      double in = i == 0 ? entry : out[i - 1];
      if (i == corridor.onRampCell()) {
        in += rampFlow;
      }
      double leaving = out[i] + (i == corridor.offRampCell() ? exitFlow : 0);
      x[i] = Math.max(0, x[i] + dt / corridor.length(i) * (in - leaving));
    }
    x[originQueue()] = Math.max(0, x[originQueue()] + dt * (Math.max(0, w[0]) - entry));
    x[rampQueue()] = Math.max(0, x[rampQueue()] + dt * (Math.max(0, w[1]) - rampFlow));
    out[n] = entry;
    out[n + 1] = rampFlow;
    out[n + 2] = exitFlow;
    return out;
  }

  @Override
  public Linearization linearize(double[] state, double[] input) {
    return linearize(state, input, nominalDisturbance);
  }

  /** The one-minute map's Jacobians at {@code (state, input, disturbance)}. */
  public Linearization linearize(double[] state, double[] input, double[] disturbance) {
    int n = state.length;
    double[][] a = new double[n][n];
    double[][] b = new double[n][1];
    double[][] g = new double[n][disturbance.length];
    for (int j = 0; j < n; j++) {
      double h = 1e-3 * Math.max(1, Math.abs(state[j]));
      double[] up = state.clone();
      double[] down = state.clone();
      up[j] += h;
      down[j] = Math.max(0, down[j] - h);
      column(a, j, evaluate(0, up, input, disturbance), evaluate(0, down, input, disturbance),
          up[j] - down[j]);
    }
    double hu = 1e-3 * Math.max(1, Math.abs(input[0]));
    double down = Math.max(0, input[0] - hu);
    column(b, 0, evaluate(0, state, new double[] {input[0] + hu}, disturbance),
        evaluate(0, state, new double[] {down}, disturbance), input[0] + hu - down);
    for (int j = 0; j < disturbance.length; j++) {
      double h = 1e-3 * Math.max(1e-3, Math.abs(disturbance[j]));
      double[] up = disturbance.clone();
      double[] low = disturbance.clone();
      up[j] += h;
      low[j] -= h;
      column(g, j, evaluate(0, state, input, up), evaluate(0, state, input, low), 2 * h);
    }
    return new Linearization(a, b, g, STEP_S);
  }

  private static void column(double[][] m, int j, double[] plus, double[] minus, double step) {
    for (int i = 0; i < m.length; i++) {
      m[i][j] = (plus[i] - minus[i]) / step;
    }
  }

  /**
   * This model with a scenario's parameters: any of {@link FundamentalDiagram#KEYS},
   * {@code substep_s}, and the nominal disturbance for {@link #linearize(double[], double[])}
   * ({@code nominal_demand_veh_h}, {@code nominal_ramp_demand_veh_h},
   * {@code nominal_exit_share}).
   */
  @Override
  public CellTransmissionModel configure(Parameters parameters) {
    parameters.requireOnly(KEYS);
    return new CellTransmissionModel(corridor, diagram.with(parameters),
        parameters.getDouble("substep_s", substepS), new double[] {
            parameters.getDouble("nominal_demand_veh_h", nominalDisturbance[0]),
            parameters.getDouble("nominal_ramp_demand_veh_h", nominalDisturbance[1]),
            parameters.getDouble("nominal_exit_share", nominalDisturbance[2])});
  }

  /** The same corridor with another diagram. */
  public CellTransmissionModel withDiagram(FundamentalDiagram other) {
    return new CellTransmissionModel(corridor, other, substepS, nominalDisturbance);
  }
}
