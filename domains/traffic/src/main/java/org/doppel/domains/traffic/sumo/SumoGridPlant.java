package org.doppel.domains.traffic.sumo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.doppel.domains.traffic.grid.Approach;
import org.doppel.domains.traffic.grid.GridModel;
import org.doppel.domains.traffic.grid.GridSimulation;
import org.doppel.domains.traffic.grid.SignalPolicy;
import org.doppel.domains.traffic.grid.SignalTiming;
import org.doppel.domains.traffic.sumo.TraciClient.Program;
import org.doppel.domains.traffic.sumo.TraciClient.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grid's plant as a live SUMO run: the same signal policies that drive the
 * store-and-forward model retime SUMO's signals over TraCI, and the KPIs come from SUMO.
 * Each run starts its own SUMO from 06:00 and ends it. Stateless between runs; not
 * thread-safe within one.
 *
 * <p><b>Mapping.</b> A model approach is a SUMO edge with the same id (such as
 * {@code A0A1}); its queue is the sum over the edge's lanes ({@code A0A1_0},
 * {@code A0A1_1}) of SUMO's vehicles on them in the last step, which is what the model's
 * state counts (vehicles on the link, moving or not). Which of SUMO's two green phases is
 * the model's north-south stage is read from each light: the phase in which the links of
 * the junction's north-south approaches (from {@code TL_CONTROLLED_LANES}) are green.
 *
 * <p><b>Control.</b> One step per simulated second. At each cycle start the policy is
 * given the queues and a persistence forecast of the arrivals SUMO inserted on the fringe
 * approaches; its greens, rounded to whole seconds (SUMO's step), are written as each green
 * phase's remaining duration ({@code setPhaseDuration}) the second SUMO reports the phase
 * started. The ambers stay SUMO's (3 s + 3 s, which must equal the
 * timing's lost time). The greens SUMO ran are timed from the phase indices it reports each
 * second ({@link SumoRun#measured()}).
 *
 * <p><b>KPIs</b> (from SUMO's per-second values, Δt = 1 s):
 * <ul>
 *   <li>{@code total_time_spent_veh_h}: Σ vehicles on the approaches' lanes × Δt (the
 *   model's scope: vehicles on signalised approaches);
 *   <li>{@code total_delay_veh_h}: Σ over those lanes of n × max(0, 1 − v̄ / v_max) × Δt,
 *   with v̄ SUMO's mean speed on the lane and v_max its speed limit: time lost against
 *   free-flow, red-phase waiting included (the model has none of that);
 *   <li>{@code max_queue_veh}: the most vehicles on one approach at a cycle start or end;
 *   <li>{@code max_halting_veh}: of those, the most standing (SUMO's halting number, below
 *   0.1 m/s);
 *   <li>{@code throughput_veh}: Σ SUMO's arrived vehicles (those that finished their
 *   route);
 *   <li>{@code in_network_at_end_veh}: SUMO's running vehicles at the end (on any link);
 *   <li>{@code departed_veh}, {@code network_time_spent_veh_h} (Σ running vehicles × Δt on
 *   every link, exit links and junction interiors too), {@code teleports}.
 * </ul>
 */
public final class SumoGridPlant {

  private static final Logger LOG = LoggerFactory.getLogger(SumoGridPlant.class);

  private final GridModel model;
  private final Duration startTimeout;
  private final Duration stepTimeout;
  private Map<String, String> departureEdges;

  /**
   * @param model the calibrated model whose approaches and timing SUMO is mapped to
   * @param startTimeout how long SUMO may take to load and accept the connection
   * @param stepTimeout how long any TraCI answer may take
   */
  public SumoGridPlant(GridModel model, Duration startTimeout, Duration stepTimeout) {
    this.model = model;
    this.startTimeout = startTimeout;
    this.stepTimeout = stepTimeout;
  }

  /**
   * Checks that the timing can be run in SUMO: whole seconds (SUMO steps 1 s).
   *
   * @throws IllegalArgumentException naming the value
   */
  public static void checkTiming(SignalTiming timing) {
    double[] values = {timing.cycleSeconds(), timing.lostSeconds(), timing.minGreenSeconds()};
    String[] names = {"cycle_s", "lost_time_s", "min_green_s"};
    for (int i = 0; i < values.length; i++) {
      if (values[i] != Math.rint(values[i])) {
        throw new IllegalArgumentException("'" + names[i] + "' must be whole seconds for the"
            + " SUMO plant (it steps 1 s), got " + values[i]);
      }
    }
  }

  /**
   * Runs {@code policy} on a fresh SUMO from 06:00 for {@code cycles} cycles.
   *
   * @param demandScale SUMO's {@code --scale} on the shipped demand
   * @param forecastCycles cycles of arrival forecast the policy is given
   * @param lookbackMinutes the minutes the persistence forecast averages
   * @throws IOException when SUMO cannot be started, refuses a command, or does not run the
   *     written greens; the message quotes SUMO's standard error
   */
  public SumoRun run(SignalPolicy policy, double demandScale, int cycles, int forecastCycles,
      int lookbackMinutes) throws IOException {
    checkTiming(model.timing());
    if (departureEdges == null) {
      departureEdges = SumoScenario.departureEdges();
    }
    List<String> options = demandScale == 1 ? List.of() : List.of("--scale",
        String.valueOf(demandScale));
    long started = System.nanoTime();
    try (SumoProcess sumo = SumoProcess.start(options, startTimeout, stepTimeout)) {
      try {
        SumoRun run = new Loop(sumo.client(), policy, demandScale, cycles, forecastCycles,
            lookbackMinutes).run();
        LOG.info("SUMO plant, policy [{}] at demand x[{}], {} cycles in {} s: {}",
            policy.name(), demandScale, cycles, String.format(Locale.ROOT, "%.1f",
                (System.nanoTime() - started) / 1e9), run.kpis());
        return run;
      } catch (IOException e) {
        throw sumo.located(e);
      }
    }
  }

  /** One run's state. */
  private final class Loop {

    private final TraciClient traci;
    private final SignalPolicy policy;
    private final double demandScale;
    private final int cycles;
    private final int forecastCycles;
    private final int lookback;
    private final List<String> junctions = model.network().junctions();
    private final List<Approach> approaches = model.network().approaches();
    private final List<String> lanes = new ArrayList<>();
    private final int[] approachOfLane;
    private final double[] laneMaxSpeed;
    private final int[] firstGreenStage;
    private final Map<String, Integer> fringeApproach = new HashMap<>();
    private final List<Query> perStep = new ArrayList<>();

    private final double[][] written;
    private final double[][] measured;
    private final double[][] queues;
    private final double[][] halting;
    private final double[][] arrivals;
    private double timeSpent;
    private double networkTimeSpent;
    private double delay;
    private long departed;
    private long arrived;
    private long teleports;
    private int running;
    private double[] laneVehicles;

    Loop(TraciClient traci, SignalPolicy policy, double demandScale, int cycles,
        int forecastCycles, int lookbackMinutes) throws TraciException {
      this.traci = traci;
      this.policy = policy;
      this.demandScale = demandScale;
      this.cycles = cycles;
      this.forecastCycles = forecastCycles;
      this.lookback = Math.max(1, (int) Math.round(lookbackMinutes * 60
          / model.timing().cycleSeconds()));
      int inputs = model.network().greens();
      written = new double[cycles][inputs];
      measured = new double[cycles][inputs];
      queues = new double[cycles + 1][approaches.size()];
      halting = new double[cycles + 1][approaches.size()];
      arrivals = new double[cycles][approaches.size()];

      for (Approach a : approaches) {
        for (int i = 0; i < a.lanes(); i++) {
          lanes.add(a.edgeId() + "_" + i);
        }
        if (a.fromFringe()) {
          fringeApproach.put(a.edgeId(), a.index());
        }
      }
      approachOfLane = lanes.stream().mapToInt(l -> indexOfEdge(l.substring(0,
          l.lastIndexOf('_')))).toArray();
      laneMaxSpeed = new double[lanes.size()];
      List<Object> speeds = traci.get(lanes.stream().map(l -> new Query(TraciClient.LANE,
          TraciClient.LANE_MAX_SPEED, l)).toList());
      for (int l = 0; l < lanes.size(); l++) {
        laneMaxSpeed[l] = (Double) speeds.get(l);
      }
      firstGreenStage = new int[junctions.size()];
      for (int j = 0; j < junctions.size(); j++) {
        firstGreenStage[j] = firstGreenStage(junctions.get(j));
      }

      perStep.add(new Query(TraciClient.SIMULATION, TraciClient.SIM_DEPARTED_IDS, ""));
      perStep.add(new Query(TraciClient.SIMULATION, TraciClient.SIM_ARRIVED_NUMBER, ""));
      perStep.add(new Query(TraciClient.SIMULATION, TraciClient.SIM_TELEPORT_STARTING_NUMBER,
          ""));
      perStep.add(new Query(TraciClient.VEHICLE, TraciClient.ID_COUNT, ""));
      junctions.forEach(j -> perStep.add(new Query(TraciClient.TRAFFIC_LIGHT,
          TraciClient.TL_CURRENT_PHASE, j)));
      lanes.forEach(l -> perStep.add(new Query(TraciClient.LANE,
          TraciClient.LAST_STEP_VEHICLE_NUMBER, l)));
      lanes.forEach(l -> perStep.add(new Query(TraciClient.LANE,
          TraciClient.LAST_STEP_MEAN_SPEED, l)));
    }

    private int indexOfEdge(String edge) {
      for (Approach a : approaches) {
        if (a.edgeId().equals(edge)) {
          return a.index();
        }
      }
      throw new IllegalStateException("no approach " + edge);
    }

    /**
     * The model stage (0 north-south, 1 east-west) SUMO's first green phase serves at
     * {@code junction}, after checking its program is green, amber, green, amber with the
     * timing's lost time.
     */
    private int firstGreenStage(String junction) throws TraciException {
      String program = traci.getString(TraciClient.TRAFFIC_LIGHT,
          TraciClient.TL_CURRENT_PROGRAM, junction);
      Program logic = traci.programs(junction).stream()
          .filter(p -> p.programId().equals(program)).findFirst()
          .orElseThrow(() -> new TraciException("traffic light " + junction + " has no"
              + " definition of its current program '" + program + "'"));
      List<TraciClient.Phase> phases = logic.phases();
      double amber = phases.size() == 4 ? phases.get(1).duration() + phases.get(3).duration()
          : Double.NaN;
      if (phases.size() != 4 || amber != model.timing().lostSeconds()) {
        throw new TraciException("traffic light " + junction + " runs " + phases.size()
            + " phases " + phases + "; the SUMO plant needs green, amber, green, amber with"
            + " ambers summing to the grid's lost_time_s " + model.timing().lostSeconds());
      }
      List<String> controlled = traci.getStringList(TraciClient.TRAFFIC_LIGHT,
          TraciClient.TL_CONTROLLED_LANES, junction);
      int stage = -1;
      for (Approach a : approaches) {
        if (!a.junction().equals(junction)) {
          continue;
        }
        for (int link = 0; link < controlled.size(); link++) {
          String lane = controlled.get(link);
          if (!lane.substring(0, lane.lastIndexOf('_')).equals(a.edgeId())) {
            continue;
          }
          boolean first = phases.get(0).green(link);
          boolean second = phases.get(2).green(link);
          if (first == second) {
            throw new TraciException("traffic light " + junction + ": link " + link + " of"
                + " approach " + a.edgeId() + " is green in " + (first ? "both" : "neither")
                + " green phase");
          }
          int served = first ? a.stage() : 1 - a.stage();
          if (stage >= 0 && stage != served) {
            throw new TraciException("traffic light " + junction + ": its first green phase"
                + " serves approaches of both the model's stages");
          }
          stage = served;
        }
      }
      if (stage < 0) {
        throw new TraciException("traffic light " + junction + " controls none of the"
            + " model's approaches to it (lanes " + controlled + ")");
      }
      return stage;
    }

    SumoRun run() throws TraciException {
      double period = model.timing().cycleSeconds();
      double start = traci.getDouble(TraciClient.SIMULATION, TraciClient.SIM_TIME, "");
      int[] phase = readStep(queues[0], 0);
      readHalting(halting[0]);
      for (int k = 0; k < cycles; k++) {
        double t0 = start + k * period;
        // SUMO switches a light during the step after the one it is read at: at a cycle
        // start a light still shows its last amber (or, at 06:00, its first green).
        int expected = k == 0 ? 0 : 3;
        for (int j = 0; j < junctions.size(); j++) {
          if (phase[j] != expected) {
            throw new TraciException("at " + t0 + " s traffic light " + junctions.get(j)
                + " is in phase " + phase[j] + ", not " + expected + " (its cycle is out of"
                + " step)");
          }
        }
        double[][] forecast = GridSimulation.persistence(arrivals, k, lookback,
            forecastCycles);
        double[] greens = policy.greens(k, queues[k].clone(), forecast);
        model.timing().check(greens);
        written[k] = wholeSeconds(greens);
        phase = runCycle(k, t0, phase);
        readHalting(halting[k + 1]);
      }
      return new SumoRun(policy.name(), demandScale, written, measured, queues, halting,
          kpis());
    }

    /**
     * Steps one cycle second by second, writing each green's duration as it starts.
     *
     * <p>A phase change read after stepping to t happened in the step at t − 1, so the
     * remaining duration written then is the green less 1 s. At 06:00 the first green has
     * just begun and is written whole.
     */
    private int[] runCycle(int k, double t0, int[] phase) throws TraciException {
      double period = model.timing().cycleSeconds();
      double[] changed = new double[junctions.size() * 4];
      if (k == 0) {
        for (int j = 0; j < junctions.size(); j++) {
          changed[4 * j] = t0 + 1;
          setGreen(j, 2 * j + firstGreenStage[j], written[k][2 * j + firstGreenStage[j]]);
        }
      }
      for (int s = 1; s <= period; s++) {
        double now = t0 + s;
        traci.step(now);
        int[] next = readStep(s == period ? queues[k + 1] : null, k);
        for (int j = 0; j < junctions.size(); j++) {
          if (next[j] == phase[j]) {
            continue;
          }
          if (next[j] != (phase[j] + 1) % 4) {
            throw new TraciException("at " + now + " s traffic light " + junctions.get(j)
                + " went from phase " + phase[j] + " to " + next[j]);
          }
          changed[4 * j + next[j]] = now;
          if (next[j] == 0 || next[j] == 2) {
            int input = 2 * j + (next[j] == 0 ? firstGreenStage[j] : 1 - firstGreenStage[j]);
            setGreen(j, input, written[k][input] - 1);
          }
        }
        phase = next;
      }
      for (int j = 0; j < junctions.size(); j++) {
        if (phase[j] != 3 || changed[4 * j] == 0 || changed[4 * j + 1] == 0
            || changed[4 * j + 2] == 0 || changed[4 * j + 3] == 0) {
          throw new TraciException("traffic light " + junctions.get(j) + " did not run one"
              + " whole cycle from " + t0 + " s to " + (t0 + period) + " s (phase changes"
              + " read at " + Arrays.toString(Arrays.copyOfRange(changed, 4 * j, 4 * j + 4))
              + ")");
        }
        int first = 2 * j + firstGreenStage[j];
        measured[k][first] = changed[4 * j + 1] - changed[4 * j];
        measured[k][2 * j + 1 - firstGreenStage[j]] = changed[4 * j + 3] - changed[4 * j + 2];
      }
      return phase;
    }

    private void setGreen(int junction, int input, double remaining) throws TraciException {
      traci.setDouble(TraciClient.TRAFFIC_LIGHT, TraciClient.TL_PHASE_DURATION,
          junctions.get(junction), remaining);
    }

    /**
     * Reads one step's values, adds them to the KPIs and the arrivals of cycle {@code k},
     * and fills {@code queueOut} (when given) with the vehicles per approach.
     *
     * @return every light's phase index
     */
    private int[] readStep(double[] queueOut, int k) throws TraciException {
      List<Object> v = traci.get(perStep);
      @SuppressWarnings("unchecked")
      List<String> departedIds = (List<String>) v.get(0);
      departed += departedIds.size();
      for (String id : departedIds) {
        Integer z = fringeApproach.get(departureEdge(id));
        if (z != null && k < cycles) {
          arrivals[k][z] += 3600 / model.timing().cycleSeconds();
        }
      }
      arrived += (Integer) v.get(1);
      teleports += (Integer) v.get(2);
      running = (Integer) v.get(3);
      networkTimeSpent += running / 3600.0;

      int[] phase = new int[junctions.size()];
      int at = 4;
      for (int j = 0; j < phase.length; j++) {
        phase[j] = (Integer) v.get(at++);
      }
      laneVehicles = new double[lanes.size()];
      for (int l = 0; l < lanes.size(); l++) {
        laneVehicles[l] = (Integer) v.get(at + l);
        double speed = (Double) v.get(at + lanes.size() + l);
        timeSpent += laneVehicles[l] / 3600.0;
        delay += laneVehicles[l] * Math.max(0, 1 - speed / laneMaxSpeed[l]) / 3600.0;
      }
      if (queueOut != null) {
        Arrays.fill(queueOut, 0);
        for (int l = 0; l < lanes.size(); l++) {
          queueOut[approachOfLane[l]] += laneVehicles[l];
        }
      }
      return phase;
    }

    private String departureEdge(String vehicle) {
      String edge = departureEdges.get(vehicle);
      // SUMO names the copies --scale makes after the original: "<id>.<n>".
      int dot = vehicle.lastIndexOf('.');
      return edge != null || dot < 0 ? edge : departureEdges.get(vehicle.substring(0, dot));
    }

    private void readHalting(double[] out) throws TraciException {
      List<Object> v = traci.get(lanes.stream().map(l -> new Query(TraciClient.LANE,
          TraciClient.LAST_STEP_HALTING_NUMBER, l)).toList());
      for (int l = 0; l < lanes.size(); l++) {
        out[approachOfLane[l]] += (Integer) v.get(l);
      }
    }

    private double[] wholeSeconds(double[] greens) {
      double[] ns = new double[junctions.size()];
      for (int j = 0; j < ns.length; j++) {
        ns[j] = Math.rint(greens[2 * j]);
      }
      return model.timing().greens(ns);
    }

    private Map<String, Double> kpis() {
      double maxQueue = 0;
      double maxHalting = 0;
      for (int k = 0; k < queues.length; k++) {
        for (int z = 0; z < queues[k].length; z++) {
          maxQueue = Math.max(maxQueue, queues[k][z]);
          maxHalting = Math.max(maxHalting, halting[k][z]);
        }
      }
      Map<String, Double> kpis = new LinkedHashMap<>();
      kpis.put("total_time_spent_veh_h", timeSpent);
      kpis.put("total_delay_veh_h", delay);
      kpis.put("max_queue_veh", maxQueue);
      kpis.put("max_halting_veh", maxHalting);
      kpis.put("throughput_veh", (double) arrived);
      kpis.put("in_network_at_end_veh", (double) running);
      kpis.put("departed_veh", (double) departed);
      kpis.put("network_time_spent_veh_h", networkTimeSpent);
      kpis.put("teleports", (double) teleports);
      return kpis;
    }
  }
}
