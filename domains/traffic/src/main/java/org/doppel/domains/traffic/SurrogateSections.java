package org.doppel.domains.traffic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.study.StudyContext;

/**
 * The forecaster settings every traffic part shares: the scenario's top-level
 * {@code surrogate} and {@code attention} sections. Stateless.
 */
public final class SurrogateSections {

  /** Epochs a quick run trains at most. */
  public static final int QUICK_EPOCHS = 3;

  private SurrogateSections() {
  }

  /**
   * The settings for a run; a quick run trains at most {@value #QUICK_EPOCHS} epochs.
   *
   * @throws org.doppel.sdk.PluginException naming a key of {@code surrogate} it does not know
   */
  public static ForecasterSettings settings(StudyContext context) {
    Parameters attention = context.section("attention");
    String id = attention.getString("id", "multi-head");
    Map<String, Object> variant = new LinkedHashMap<>(attention.asMap());
    variant.remove("id");
    ForecasterSettings settings = ForecasterSettings.fromScenario(
        named(context.section("surrogate"), "surrogate"), Set.of(), id,
        Parameters.of("attention/" + id, variant), context.seed());
    return context.quick() ? settings.withEpochs(Math.min(QUICK_EPOCHS, settings.epochs()))
        : settings;
  }

  private static Parameters named(Parameters section, String name) {
    return section.owner().isEmpty() ? Parameters.of(name, section.asMap()) : section;
  }
}
