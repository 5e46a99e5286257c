package org.doppel.domains.traffic.sumo;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.doppel.domains.traffic.grid.SignalTiming;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.slf4j.LoggerFactory;

/**
 * The grid section's choice of plant. Immutable.
 *
 * @param live {@code plant}: {@code model} (default) runs the policies on the
 *     store-and-forward model only; {@code sumo} also runs each on live SUMO and reports its
 *     KPIs beside the model's
 * @param minutes {@code sumo_minutes} (240, the whole morning; a quick run caps it at
 *     {@value #QUICK_MINUTES}): how long each SUMO run lasts from 06:00
 */
public record SumoSettings(boolean live, int minutes) {

  /** The keys this record reads from the grid section. */
  public static final Set<String> KEYS = Set.of("plant", "sumo_minutes");

  /** The most minutes a quick run simulates in SUMO. */
  public static final int QUICK_MINUTES = 30;

  /** The minutes of demand in the shipped routes (06:00-10:00). */
  public static final int DATA_MINUTES = 240;

  /**
   * Reads {@code plant} and {@code sumo_minutes}.
   *
   * @throws PluginException naming the key and the reason
   */
  public static SumoSettings of(Parameters section) {
    String owner = section.owner().isEmpty() ? "grid" : section.owner();
    String plant = section.getString("plant", "model");
    if (!plant.equals("model") && !plant.equals("sumo")) {
      throw new PluginException(owner + ": parameter 'plant' must be 'model' or 'sumo', got '"
          + plant + "'");
    }
    int minutes = section.getInt("sumo_minutes", DATA_MINUTES);
    if (minutes < 2 || minutes > DATA_MINUTES) {
      throw new PluginException(owner + ": parameter 'sumo_minutes' must be 2 to "
          + DATA_MINUTES + " (the routes' 06:00-10:00), got " + minutes);
    }
    return new SumoSettings(plant.equals("sumo"), minutes);
  }

  /**
   * Fails, before anything runs, when the live plant is chosen but cannot run: no
   * {@code sumo} binary, or a timing SUMO cannot step.
   *
   * @param binary the {@code sumo} found on the PATH ({@link SumoProcess#binary()})
   * @throws PluginException saying SUMO is needed and how to install it
   */
  public void check(Optional<Path> binary, SignalTiming timing, String owner) {
    if (!live) {
      return;
    }
    if (binary.isEmpty()) {
      throw new PluginException(owner + ": parameter 'plant' is 'sumo', but "
          + SumoProcess.INSTALL_HINT);
    }
    try {
      SumoGridPlant.checkTiming(timing);
    } catch (IllegalArgumentException e) {
      throw new PluginException(owner + ": " + e.getMessage(), e);
    }
  }

  /** Whole cycles of {@code timing} in the minutes a run simulates. */
  public int cycles(SignalTiming timing, boolean quick) {
    int simulated = quick ? Math.min(minutes, QUICK_MINUTES) : minutes;
    if (simulated < minutes) {
      LoggerFactory.getLogger(SumoSettings.class).warn("A quick run simulates [{}] of the "
          + "[{}] SUMO minutes asked (grid.sumo_minutes); run without --quick for all",
          simulated, minutes);
    }
    return Math.max(1, (int) Math.floor(simulated * 60 / timing.cycleSeconds()));
  }
}
