package org.doppel.sdk.domain;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.study.DomainStudy;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A domain bundle: the datasets it ships, its default scenario, and how its decision twin
 * is set up from the model twin's forecasts.
 *
 * <p>A domain names the algorithms it uses by id (in its scenario and its
 * {@link ControlCase}); it never imports a plugin. Stateless and thread-safe.
 */
@ConsumerType
public interface DomainModule extends Plugin {

  @Override
  default PluginType type() {
    return PluginType.DOMAIN;
  }

  /** The default scenario, a YAML document, shipped in the bundle. */
  URL defaultScenario();

  /** The datasets shipped in the bundle, by the name a scenario uses. */
  Map<String, URL> datasets();

  /** Source, citation and licence of the shipped data, as the report shows them. */
  String dataAttribution();

  /**
   * The target column as this domain reads it: the scenario's declaration narrowed to the
   * range the domain's quantity can take (demand is never negative, say), so that whatever
   * file a scenario names, the ingest refuses a value outside it at its file, line and
   * column. Must keep the declared name. The declaration unchanged by default. The standard
   * pipeline applies it; a domain that runs its own {@link #study()} checks what it reads.
   *
   * @param declared the target column as the scenario's {@code data} section declares it
   */
  default Column targetColumn(Column declared) {
    return declared;
  }

  /**
   * The closed-loop experiment over the test period: which plant, which disturbance the
   * forecast errors make, the weights and the baseline controller.
   *
   * @param trace the forecast issued by the twin and what actually happened
   * @param parameters the scenario's {@code control} section
   * @throws UnsupportedOperationException for a domain that runs its own {@link #study()}
   */
  default ControlCase controlCase(ForecastTrace trace, Parameters parameters) {
    throw new UnsupportedOperationException("domain " + id() + " runs its own study and"
        + " has no standard control case");
  }

  /**
   * The domain's key performance indicators for one closed-loop run, by name (for example
   * {@code freq_dev_rms_hz}); units are part of the name.
   */
  default Map<String, Double> kpis(ClosedLoopTrajectory trajectory) {
    throw new UnsupportedOperationException("domain " + id() + " runs its own study and"
        + " has no standard control case");
  }

  /**
   * The domain's own study, which {@code doppel run} runs instead of the standard pipeline
   * (one series forecast day-ahead, compressed, and one control case). Empty by default.
   */
  default Optional<DomainStudy> study() {
    return Optional.empty();
  }
}
