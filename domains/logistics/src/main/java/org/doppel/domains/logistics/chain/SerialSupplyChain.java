package org.doppel.domains.logistics.chain;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * A serial supply chain, id {@code serial-supply-chain}: retailer, wholesaler, distributor
 * and factory, stepped once a month. Goods flow down the chain, orders flow up; the retailer
 * serves end-customer demand and the factory produces what it orders.
 *
 * <p><b>State vector</b>, one block per echelon in the order of {@link #ECHELONS}: on-hand
 * stock, backlog (what it owes its customer), then its goods in transit, slot 1 arriving at
 * the start of this month, slot j at the start of month j − 1 from now; an echelon with lead
 * time L has L slots. All in the demand's unit (here millions of US dollars of wholesale
 * sales). <b>Input</b>: the four orders placed this month (the factory's is its production
 * start). <b>Disturbance</b>: end-customer demand this month.
 *
 * <p><b>One month</b>, in this order: the goods in slot 1 arrive; each echelon faces its
 * customer's demand (the retailer end demand, the others the order placed this month by the
 * echelon below; orders reach upstream without delay); it ships what it owes (old backlog
 * first, then this month's demand) as far as its stock allows and backlogs the rest; a
 * shipment enters the downstream echelon's transit slot L (it arrives L months later),
 * the factory's production order enters its own slot L. Orders are placed after the month's
 * demand is seen, so a policy may read it.
 *
 * <p>Net stock (on-hand minus backlog) moves linearly: next = now + arrivals − demand faced.
 * Only its split into on-hand and backlog is not linear, and through it the shipments:
 * an echelon ships all it owes when stock suffices, else all its stock. {@link #linearize}
 * returns the Jacobian of the regime the operating point is in (see there); the controllers'
 * inventory-position model ({@link InventoryPositionModel}) assumes every echelon ships in
 * full.
 *
 * <p>Immutable and thread-safe.
 */
public final class SerialSupplyChain implements SystemDynamics {

  /** The plugin id. */
  public static final String ID = "serial-supply-chain";

  /** The echelons, downstream first. */
  public static final List<String> ECHELONS =
      List.of("retailer", "wholesaler", "distributor", "factory");

  /** The number of echelons. */
  public static final int SIZE = ECHELONS.size();

  /** One month in seconds (Java's mean month, 30.436875 days), the sample period. */
  public static final double MONTH_S = ChronoUnit.MONTHS.getDuration().getSeconds();

  /** Lead times in months of the default plant: retailer, wholesaler, distributor, factory. */
  public static final List<Integer> DEFAULT_LEAD_TIMES = List.of(1, 1, 1, 2);

  private static final int MAX_LEAD_TIME = 12;
  private static final Set<String> KEYS = Set.of("lead_times");

  private final int[] leadTimes;
  private final int[] offsets;
  private final int states;

  /** The default plant, with {@link #DEFAULT_LEAD_TIMES}. */
  public SerialSupplyChain() {
    this(DEFAULT_LEAD_TIMES.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * @param leadTimes months from order (or production start) to arrival, one per echelon,
   *     each from 1 to 12
   * @throws PluginException naming the faulty lead time
   */
  public SerialSupplyChain(int[] leadTimes) {
    if (leadTimes.length != SIZE) {
      throw new PluginException("dynamics/" + ID + ": parameter 'lead_times' needs " + SIZE
          + " values (" + ECHELONS + "), got " + leadTimes.length);
    }
    for (int i = 0; i < SIZE; i++) {
      if (leadTimes[i] < 1 || leadTimes[i] > MAX_LEAD_TIME) {
        throw new PluginException("dynamics/" + ID + ": lead time of the " + ECHELONS.get(i)
            + " must be 1 to " + MAX_LEAD_TIME + " months, got " + leadTimes[i]);
      }
    }
    this.leadTimes = leadTimes.clone();
    this.offsets = new int[SIZE];
    int offset = 0;
    for (int i = 0; i < SIZE; i++) {
      offsets[i] = offset;
      offset += 2 + leadTimes[i];
    }
    this.states = offset;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Serial supply chain (retailer, wholesaler, distributor, factory) with on-hand"
        + " stock, backlog and goods in transit over fixed lead times, monthly";
  }

  /** Lead times in months, one per echelon. */
  public int[] leadTimes() {
    return leadTimes.clone();
  }

  /** The lead time of echelon {@code i}, months. */
  public int leadTime(int echelon) {
    return leadTimes[echelon];
  }

  /** The length of the state vector. */
  public int states() {
    return states;
  }

  /** The index of echelon {@code i}'s on-hand stock in the state vector. */
  public int onHandIndex(int echelon) {
    return offsets[echelon];
  }

  /** The index of echelon {@code i}'s backlog in the state vector. */
  public int backlogIndex(int echelon) {
    return offsets[echelon] + 1;
  }

  /** The index of echelon {@code i}'s transit slot {@code slot} (1-based). */
  public int transitIndex(int echelon, int slot) {
    if (slot < 1 || slot > leadTimes[echelon]) {
      throw new IndexOutOfBoundsException("the " + ECHELONS.get(echelon) + " has transit"
          + " slots 1 to " + leadTimes[echelon] + ", not " + slot);
    }
    return offsets[echelon] + 1 + slot;
  }

  /** Echelon {@code i}'s on-hand stock minus its backlog. */
  public double netStock(double[] state, int echelon) {
    return state[onHandIndex(echelon)] - state[backlogIndex(echelon)];
  }

  /** Echelon {@code i}'s goods in transit, all slots. */
  public double inTransit(double[] state, int echelon) {
    double sum = 0;
    for (int slot = 1; slot <= leadTimes[echelon]; slot++) {
      sum += state[transitIndex(echelon, slot)];
    }
    return sum;
  }

  /**
   * Goods in the chain: on-hand stock and goods in transit of every echelon (backlog is a
   * debt, not goods).
   */
  public double goods(double[] state) {
    double sum = 0;
    for (int i = 0; i < SIZE; i++) {
      sum += state[onHandIndex(i)] + inTransit(state, i);
    }
    return sum;
  }

  /**
   * The steady state of a chain that has long met a constant demand with every echelon
   * holding {@code onHand[i]}: no backlog, every transit slot carrying {@code demand}.
   */
  public double[] steadyState(double demand, double[] onHand) {
    double[] state = new double[states];
    for (int i = 0; i < SIZE; i++) {
      state[onHandIndex(i)] = onHand[i];
      for (int slot = 1; slot <= leadTimes[i]; slot++) {
        state[transitIndex(i, slot)] = demand;
      }
    }
    return state;
  }

  @Override
  public List<String> stateNames() {
    List<String> names = new ArrayList<>(states);
    for (int i = 0; i < SIZE; i++) {
      String echelon = ECHELONS.get(i);
      names.add(echelon + " on-hand [M USD]");
      names.add(echelon + " backlog [M USD]");
      for (int slot = 1; slot <= leadTimes[i]; slot++) {
        names.add(echelon + " in transit, arriving in month +" + (slot - 1) + " [M USD]");
      }
    }
    return names;
  }

  @Override
  public List<String> inputNames() {
    return List.of("retailer order [M USD/month]", "wholesaler order [M USD/month]",
        "distributor order [M USD/month]", "factory production start [M USD/month]");
  }

  @Override
  public List<String> disturbanceNames() {
    return List.of("end-customer demand [M USD/month]");
  }

  @Override
  public double samplePeriod() {
    return MONTH_S;
  }

  @Override
  public double[] evaluate(double time, double[] state, double[] input, double[] disturbance) {
    return step(state, input, disturbance[0]).next();
  }

  /**
   * One month of the chain, with the flows it had.
   *
   * @param state the state at the start of the month
   * @param orders the four orders placed this month, not negative
   * @param demand end-customer demand this month, not negative
   * @throws IllegalArgumentException when an order or the demand is negative or not finite,
   *     or a vector has the wrong length
   */
  public Month step(double[] state, double[] orders, double demand) {
    checkLengths(state, orders);
    checkFlow("end-customer demand", demand);
    for (int i = 0; i < SIZE; i++) {
      checkFlow(ECHELONS.get(i) + " order", orders[i]);
    }

    double[] arrived = new double[SIZE];
    double[] faced = new double[SIZE];
    double[] shipped = new double[SIZE];
    double[] filledAtOnce = new double[SIZE];
    double[] next = new double[states];
    for (int i = 0; i < SIZE; i++) {
      arrived[i] = state[transitIndex(i, 1)];
      faced[i] = i == 0 ? demand : orders[i - 1];
      double available = state[onHandIndex(i)] + arrived[i];
      double owed = state[backlogIndex(i)] + faced[i];
      shipped[i] = Math.min(available, owed);
      // Old backlog is served first; what is left serves this month's demand at once.
      filledAtOnce[i] = Math.min(faced[i], Math.max(0, available - state[backlogIndex(i)]));
      next[onHandIndex(i)] = available - shipped[i];
      next[backlogIndex(i)] = owed - shipped[i];
    }

    for (int i = 0; i < SIZE; i++) {
      int lead = leadTimes[i];
      for (int slot = 1; slot < lead; slot++) {
        next[transitIndex(i, slot)] = state[transitIndex(i, slot + 1)];
      }
      next[transitIndex(i, lead)] = i < SIZE - 1 ? shipped[i + 1] : orders[SIZE - 1];
    }
    return new Month(next, arrived, faced, shipped, filledAtOnce);
  }

  /**
   * The Jacobian of one month at an operating point. Each echelon is in one of two regimes:
   * <i>stocked</i> when its on-hand stock plus arrivals covers its backlog plus the demand it
   * faces (it ships all it owes, keeps no backlog), else <i>short</i> (it ships all its stock,
   * keeps none). The demand an echelon faces is its customer's order in {@code input}; for
   * the retailer, whose demand is a disturbance, the operating point is taken as a steady
   * state with demand equal to the retailer's own order. A point on the boundary counts as
   * stocked. Within a regime the month is linear, so the Jacobian is exact there.
   */
  @Override
  public Linearization linearize(double[] state, double[] input) {
    checkLengths(state, input);
    double[][] a = new double[states][states];
    double[][] b = new double[states][SIZE];
    double[][] g = new double[states][1];

    for (int i = 0; i < SIZE; i++) {
      int onHand = onHandIndex(i);
      int backlog = backlogIndex(i);
      int arrival = transitIndex(i, 1);
      double faced = i == 0 ? input[0] : input[i - 1];
      boolean stocked = state[onHand] + state[arrival] >= state[backlog] + faced;
      // The row that carries the echelon's net change, and the downstream slot it ships into.
      int moving = stocked ? onHand : backlog;
      double sign = stocked ? 1 : -1;
      a[moving][onHand] = sign;
      a[moving][arrival] = sign;
      a[moving][backlog] = -sign;
      addFaced(b, g, moving, i, -sign);

      if (i > 0) {
        int downstreamSlot = transitIndex(i - 1, leadTimes[i - 1]);
        if (stocked) {
          a[downstreamSlot][backlog] = 1;
          addFaced(b, g, downstreamSlot, i, 1);
        } else {
          a[downstreamSlot][onHand] = 1;
          a[downstreamSlot][arrival] = 1;
        }
      }
      for (int slot = 1; slot < leadTimes[i]; slot++) {
        a[transitIndex(i, slot)][transitIndex(i, slot + 1)] = 1;
      }
    }
    b[transitIndex(SIZE - 1, leadTimes[SIZE - 1])][SIZE - 1] = 1;
    return new Linearization(a, b, g, MONTH_S);
  }

  /** Adds {@code sign} times the demand echelon {@code i} faces to row {@code row}. */
  private static void addFaced(double[][] b, double[][] g, int row, int echelon, double sign) {
    if (echelon == 0) {
      g[row][0] += sign;
    } else {
      b[row][echelon - 1] += sign;
    }
  }

  /**
   * This plant with {@code lead_times} (a list of four whole months, retailer first) from
   * the scenario; the default is {@link #DEFAULT_LEAD_TIMES}.
   */
  @Override
  public SerialSupplyChain configure(Parameters parameters) {
    parameters.requireOnly(KEYS);
    if (!parameters.has("lead_times")) {
      return this;
    }
    double[] given = parameters.getDoubles("lead_times", null);
    int[] months = new int[given.length];
    for (int i = 0; i < given.length; i++) {
      if (given[i] != Math.rint(given[i])) {
        throw new PluginException(parameters.owner() + ": parameter 'lead_times' must hold"
            + " whole months, got " + Arrays.toString(given));
      }
      months[i] = (int) given[i];
    }
    return new SerialSupplyChain(months);
  }

  private void checkLengths(double[] state, double[] orders) {
    if (state.length != states || orders.length != SIZE) {
      throw new IllegalArgumentException("the chain has " + states + " states and " + SIZE
          + " orders, got " + state.length + " and " + orders.length);
    }
  }

  private static void checkFlow(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and not negative, got "
          + value);
    }
  }

  /**
   * One month's flows.
   *
   * @param next the state at the start of the next month
   * @param arrived goods each echelon received from transit
   * @param faced the demand each echelon faced (end demand, or its customer's order)
   * @param shipped what each echelon shipped (the retailer's went to end customers)
   * @param filledAtOnce the part of this month's demand each echelon shipped this month
   */
  public record Month(double[] next, double[] arrived, double[] faced, double[] shipped,
      double[] filledAtOnce) {
  }
}
