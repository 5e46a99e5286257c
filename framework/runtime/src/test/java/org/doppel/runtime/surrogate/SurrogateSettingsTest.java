package org.doppel.runtime.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

class SurrogateSettingsTest {

  /** The smart-grid domain's default scenario, as shipped. */
  static final Path SHIPPED = Path.of(System.getProperty("basedir", "."))
      .resolve("../../domains/smart-grid/src/main/resources/org/doppel/domains/smartgrid/"
          + "smart-grid.yaml").normalize();

  /** The settings of the shipped smart-grid scenario. */
  static SurrogateSettings shipped() {
    return SurrogateSettings.from(document(scenarioText()).section("surrogate"));
  }

  static String scenarioText() {
    try {
      return Files.readString(SHIPPED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScenarioDocument document(String yaml) {
    return ScenarioDocument.parse(yaml, "smart-grid.yaml");
  }

  @Test
  void readsTheShippedScenario() {
    SurrogateSettings settings = shipped();

    assertEquals(384, settings.inputWindow());
    assertEquals(48, settings.horizon());
    assertEquals(48, settings.tokens());
    assertEquals(settings, SurrogateSettings.fromMap(settings.toMap()));
  }

  @Test
  void quickSettingsTrainFewerEpochs() {
    SurrogateSettings quick = shipped().quick();

    assertTrue(quick.epochs() <= 6);
    assertEquals(shipped().inputWindow(), quick.inputWindow());
  }

  @Test
  void anOutOfRangeValueIsLocated() {
    String yaml = scenarioText().replace("epochs: ", "epochs: -3 #");

    ScenarioException error = assertThrows(ScenarioException.class,
        () -> SurrogateSettings.from(document(yaml).section("surrogate")));
    assertTrue(error.getMessage().contains("surrogate.epochs"), error.getMessage());
    assertTrue(error.getMessage().contains("smart-grid.yaml:"), error.getMessage());
  }

  @Test
  void aPatchThatDoesNotDivideTheWindowIsLocated() {
    String yaml = scenarioText().replace("patch: ", "patch: 5 #");

    ScenarioException error = assertThrows(ScenarioException.class,
        () -> SurrogateSettings.from(document(yaml).section("surrogate")));
    assertTrue(error.getMessage().contains("surrogate.patch"), error.getMessage());
  }

  @Test
  void anUnknownKeyIsNamed() {
    String yaml = scenarioText().replace("  patience:", "  patiense: 3\n  patience:");

    ScenarioException error = assertThrows(ScenarioException.class,
        () -> SurrogateSettings.from(document(yaml).section("surrogate")));
    assertTrue(error.getMessage().contains("patiense"), error.getMessage());
  }
}
