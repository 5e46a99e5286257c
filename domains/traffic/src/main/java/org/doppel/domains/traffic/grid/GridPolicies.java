package org.doppel.domains.traffic.grid;

import java.util.Map;
import java.util.function.Function;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.Controller;

/**
 * Builds the grid's signal policies by name. Stateless.
 *
 * <ul>
 *   <li>{@code fixed-time}: the equal split every cycle ({@link FixedTimePolicy});
 *   <li>{@code lqr}: TUC, one LQR gain designed once by the {@code lqr} plugin on the model
 *   with every approach saturated ({@link QueueBalanceModel}), splits projected on the
 *   timing;
 *   <li>{@code lqr-relinearised}: the {@code lqr} plugin redesigned every cycle on the
 *   plant linearised at the current queues ({@link RelinearisedPolicy});
 *   <li>{@code mpc}: the {@code mpc} plugin, redesigned every cycle the same way, told the
 *   queues' drift over its horizon under persistence-forecast arrivals; minimum and maximum
 *   green are its input bounds, the cycle constraint is built into its inputs, and the
 *   split's change between cycles is rate-limited.
 * </ul>
 */
public final class GridPolicies {

  private GridPolicies() {
  }

  /**
   * The policy {@code name}.
   *
   * @param controllers the installed controller plugins by id
   */
  public static SignalPolicy create(String name, StoreAndForwardPlant plant,
      GridSettings settings, Function<String, Controller> controllers) {
    return switch (name) {
      case "fixed-time" -> new FixedTimePolicy(plant.model().timing(),
          plant.model().network().junctions().size());
      case "lqr" -> {
        QueueBalanceModel balance = new QueueBalanceModel(plant, settings.inputWeight(),
            settings.greenRateSeconds());
        yield new ControllerPolicy(name, controllers.apply("lqr").design(balance.problem(),
            Parameters.of("grid/lqr", Map.of("mode", "discrete"))), balance, plant, false);
      }
      case "lqr-relinearised" -> new RelinearisedPolicy(name, controllers.apply("lqr"),
          Parameters.of("grid/lqr", Map.of("mode", "discrete")), plant,
          settings.inputWeight(), settings.greenRateSeconds(), false);
      case "mpc" -> new RelinearisedPolicy(name, controllers.apply("mpc"),
          Parameters.of("grid/mpc", Map.of("horizon", settings.mpcHorizon(), "moves",
              settings.mpcMoves())), plant, settings.inputWeight(),
          settings.greenRateSeconds(), true);
      default -> throw new IllegalArgumentException("unknown grid policy '" + name
          + "'; known: " + GridSettings.POLICIES);
    };
  }

  /** Cycles of arrival forecast {@code name} is given. */
  public static int forecastCycles(String name, GridSettings settings) {
    return name.equals("mpc") ? settings.mpcHorizon() : 1;
  }
}
