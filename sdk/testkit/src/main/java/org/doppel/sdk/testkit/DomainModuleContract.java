package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.domain.ControlCase;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.domain.ForecastTrace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DomainModule} plugin: its datasets load, its default scenario is
 * a YAML document naming this domain and a shipped dataset, its data is attributed, and
 * (for a domain on the standard pipeline) its control case fits together: the disturbance
 * has one value per disturbance input of the plant's linearisation; for a domain with its
 * own {@link org.doppel.sdk.study.DomainStudy}, the default scenario holds only the
 * sections the study declares.
 *
 * <p>That a quick run completes in the real framework is checked with
 * {@link FrameworkHarness}, which is slower; see the plugin guide.
 */
public abstract class DomainModuleContract {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The sections every study scenario may hold besides those its study declares. */
  private static final Set<String> STUDY_SHARED_SECTIONS = Set.of("name", "description",
      "domain", "seed");

  /** The domain under test, as the bundle registers it. */
  protected abstract DomainModule domain();

  /**
   * The forecast trace the control case is set up from: by default two days of a constant
   * 100 forecast as 98, at the scenario's {@code data.interval} (hourly if none is given),
   * in the unit the scenario declares for its {@code data.target} column.
   */
  protected ForecastTrace forecastTrace() throws IOException {
    JsonNode data = scenario().path("data");
    Duration interval = interval(data.path("interval").asText("1h"));
    String unit = "";
    for (JsonNode column : data.path("columns")) {
      if (column.path("name").asText().equals(data.path("target").asText())) {
        unit = column.path("unit").asText("");
      }
    }
    int steps = (int) Math.max(2, Duration.ofDays(2).dividedBy(interval));
    LocalDateTime[] times = new LocalDateTime[steps];
    double[] actual = new double[steps];
    double[] forecast = new double[steps];
    for (int k = 0; k < steps; k++) {
      times[k] = LocalDateTime.of(2024, 1, 1, 0, 0).plus(interval.multipliedBy(k));
      actual[k] = 100;
      forecast[k] = 98;
    }
    return new ForecastTrace(times, actual, forecast, unit, interval);
  }

  @Test
  void identifiesItselfAsADomain() {
    DomainModule domain = domain();

    Contracts.requireId(domain);
    assertEquals(PluginType.DOMAIN, domain.type(), domain.id() + ": type()");
  }

  @Test
  void everyDatasetLoadsAndHasAHeaderAndARow() throws IOException {
    DomainModule domain = domain();

    for (Map.Entry<String, URL> dataset : domain.datasets().entrySet()) {
      URL url = dataset.getValue();
      if (url == null) {
        fail(domain.id() + ": dataset '" + dataset.getKey() + "' has no URL; is the file in"
            + " the bundle's resources?");
      }
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(),
          StandardCharsets.UTF_8))) {
        String header = reader.readLine();
        String row = reader.readLine();
        assertTrue(header != null && !header.isBlank() && row != null, domain.id()
            + ": dataset '" + dataset.getKey() + "' (" + url + ") has no header and data row");
      }
    }
  }

  @Test
  void theDataIsAttributed() {
    DomainModule domain = domain();

    assertTrue(domain.dataAttribution() != null && !domain.dataAttribution().isBlank(),
        domain.id() + ": dataAttribution() is blank; say where the data comes from, its"
            + " licence, and whether it is simulated");
  }

  @Test
  void theDefaultScenarioNamesThisDomainAndAShippedDataset() throws IOException {
    DomainModule domain = domain();

    JsonNode scenario = scenario();

    assertEquals(domain.id(), scenario.path("domain").asText(null), domain.id()
        + ": the default scenario's 'domain' field");
    JsonNode dataset = scenario.path("data").path("dataset");
    if (!dataset.isMissingNode()) {
      assertTrue(domain.datasets().containsKey(dataset.asText()), domain.id()
          + ": the default scenario reads dataset '" + dataset.asText() + "', but datasets()"
          + " has only " + domain.datasets().keySet());
    }
  }

  @Test
  void aStudysScenarioHoldsOnlyTheSectionsItDeclares() throws IOException {
    DomainModule domain = domain();
    Assumptions.assumeTrue(domain.study().isPresent(), domain.id() + " has no study");
    Set<String> known = new TreeSet<>(STUDY_SHARED_SECTIONS);
    known.addAll(domain.study().orElseThrow().sections());

    Set<String> unknown = new TreeSet<>();
    scenario().fieldNames().forEachRemaining(unknown::add);
    unknown.removeAll(known);

    if (!unknown.isEmpty()) {
      fail(domain.id() + ": the default scenario has section(s) " + unknown + " that"
          + " study().sections() does not declare; declared: " + known);
    }
  }

  @Test
  void theControlCaseFitsThePlantsLinearisation() throws IOException {
    DomainModule domain = domain();
    Assumptions.assumeTrue(domain.study().isEmpty(), domain.id() + " runs its own study");
    JsonNode control = scenario().path("control");
    @SuppressWarnings("unchecked")
    Map<String, Object> values = control.isObject() ? YAML.convertValue(control, Map.class)
        : Map.of();

    ControlCase controlCase = domain.controlCase(forecastTrace(),
        Parameters.of("control", values));

    int expected = controlCase.problem().plant().disturbances();
    int width = controlCase.disturbance().width();
    if (width != expected) {
      fail(domain.id() + ": the control case's disturbance has " + width + " values per step"
          + " but the plant's linearisation has " + expected + " disturbance input(s)");
    }
    assertTrue(controlCase.disturbance().steps() > 0, domain.id()
        + ": the control case's disturbance has no steps");
  }

  /** The default scenario, parsed. */
  protected final JsonNode scenario() throws IOException {
    DomainModule domain = domain();
    URL url = domain.defaultScenario();
    if (url == null) {
      fail(domain.id() + ": defaultScenario() is null; ship the YAML in the bundle");
    }
    try (InputStream in = url.openStream()) {
      JsonNode node = YAML.readTree(in);
      if (node == null || !node.isObject()) {
        fail(domain.id() + ": the default scenario " + url + " is not a YAML mapping");
      }
      return node;
    }
  }

  /** {@code 30m}, {@code 1h}, {@code 15s} or {@code 1d}. */
  static Duration interval(String text) {
    String number = text.substring(0, text.length() - 1).trim();
    long amount = Long.parseLong(number);
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("interval '" + text + "' is not like 30m,"
          + " 1h, 15s or 1d");
    };
  }
}
