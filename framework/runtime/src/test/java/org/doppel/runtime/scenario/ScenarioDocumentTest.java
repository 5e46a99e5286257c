package org.doppel.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ScenarioDocumentTest {

  private static final Set<String> SURROGATE_KEYS = Set.of("input_window", "horizon", "patch",
      "width", "epochs", "batch_size", "learning_rate", "l2", "validation_fraction",
      "patience");

  @TempDir
  Path folder;

  private static String message(Executable failing) {
    return assertThrows(ScenarioException.class, failing).getMessage();
  }

  @Nested
  class Loading {

    @Test
    void smartGridScenarioReadsThroughTypedGetters() {
      ScenarioDocument scenario = ScenarioDocument.load(
          ScenarioFixtures.write(folder, "smart-grid.yaml", ScenarioFixtures.smartGrid()));

      ScenarioSection surrogate = scenario.section("surrogate").requireOnly(SURROGATE_KEYS);
      assertEquals("smart-grid-day-ahead", scenario.root().getString("name"));
      assertEquals(42, scenario.root().getInt("seed", 0, Integer.MAX_VALUE));
      assertEquals(Duration.ofMinutes(30), scenario.section("data").getDuration("interval"));
      assertEquals(40, surrogate.getInt("epochs", 1, 10_000));
      assertEquals(0.001, surrogate.getDouble("learning_rate", Range.greaterThan(0)));
      assertEquals(0.15, surrogate.getDouble("validation_fraction", Range.closedOpen(0, 1)));
      assertEquals("multi-head", scenario.section("attention").id());
      assertEquals(672, scenario.section("split").getInt("test_points", 1, 100_000));
      assertEquals("discrete", scenario.section("control.params").getString("mode"));
    }

    @Test
    void pluginSectionBecomesParametersWithoutItsId() {
      ScenarioDocument scenario = ScenarioDocument.parse(ScenarioFixtures.smartGrid(), "s.yaml");

      var parameters = scenario.section("attention")
          .toParameters("attention/multi-head", Set.of("id"));

      assertEquals(Map.of("heads", 4), parameters.asMap());
      assertEquals("attention/multi-head", parameters.owner());
    }

    @Test
    void resourceUrlLoadsUnderItsDisplayName() {
      ScenarioDocument scenario = ScenarioDocument.load(
          getClass().getResource(ScenarioFixtures.RESOURCE), "smart-grid (default)");

      ScenarioException error = assertThrows(ScenarioException.class,
          () -> scenario.section("surrogate").getInt("epochs", 50, 100));

      assertEquals("smart-grid (default):19:11: surrogate.epochs: must be a whole number in"
          + " [50, 100], got 40", error.getMessage());
      assertTrue(scenario.baseDirectory().isEmpty());
    }

    @Test
    void relativeFileResolvesAgainstTheScenarioFolder() {
      Path file = ScenarioFixtures.smartGridWith(folder, "dataset: demand", "file: in/d.csv");

      Path data = ScenarioDocument.load(file).section("data").getPath("file");

      assertEquals(folder.resolve("in/d.csv"), data);
    }

    @Test
    void missingFileIsNamed() {
      Path absent = folder.resolve("absent.yaml");

      assertEquals(absent + ": no such scenario file",
          message(() -> ScenarioDocument.load(absent)));
    }

    @Test
    void emptyAndNonMappingDocumentsAreRejected() {
      assertEquals("e.yaml: the scenario is empty",
          message(() -> ScenarioDocument.parse("# nothing\n", "e.yaml")));
      assertTrue(message(() -> ScenarioDocument.parse("- a\n- b\n", "l.yaml"))
          .startsWith("l.yaml:1:1: a scenario must be a mapping"));
    }
  }

  @Nested
  class LocatedErrors {

    @Test
    void outOfRangeValueNamesFileLineColumnAndPath() {
      Path file = ScenarioFixtures.smartGridWith(folder, "epochs: 40", "epochs: -3");
      ScenarioSection surrogate = ScenarioDocument.load(file).section("surrogate");

      assertEquals(file + ":19:11: surrogate.epochs: must be a whole number >= 1, got -3",
          message(() -> surrogate.getInt("epochs", 1, Integer.MAX_VALUE)));
    }

    @Test
    void wrongTypeNamesWhatWasGiven() {
      Path file = ScenarioFixtures.smartGridWith(folder, "learning_rate: 0.001",
          "learning_rate: fast");
      ScenarioSection surrogate = ScenarioDocument.load(file).section("surrogate");

      assertEquals(file + ":21:18: surrogate.learning_rate: must be a number > 0, got 'fast'",
          message(() -> surrogate.getDouble("learning_rate", Range.greaterThan(0))));
    }

    @Test
    void fractionalValueIsNotAWholeNumber() {
      Path file = ScenarioFixtures.smartGridWith(folder, "patience: 6", "patience: 6.5");
      ScenarioSection surrogate = ScenarioDocument.load(file).section("surrogate");

      assertEquals(file + ":24:13: surrogate.patience: must be a whole number >= 0, got 6.5",
          message(() -> surrogate.getInt("patience", 0, Integer.MAX_VALUE)));
    }

    @Test
    void unknownKeyIsNamedWithTheClosestKnownKey() {
      Path file = ScenarioFixtures.smartGridWith(folder, "epochs: 40", "epoch: 40");
      ScenarioSection surrogate = ScenarioDocument.load(file).section("surrogate");

      assertEquals(file + ":19:3: surrogate.epoch: unknown key 'epoch'; did you mean 'epochs'?",
          message(() -> surrogate.requireOnly(SURROGATE_KEYS)));
    }

    @Test
    void unknownKeyFarFromAnyKnownKeyListsTheKnownKeys() {
      ScenarioSection split = ScenarioDocument.parse("split: {folds: 3}\n", "s.yaml")
          .section("split");

      assertEquals("s.yaml:1:9: split.folds: unknown key 'folds'; known keys: [test_points]",
          message(() -> split.requireOnly(Set.of("test_points"))));
    }

    @Test
    void missingRequiredFieldIsReportedAtTheSection() {
      Path file = ScenarioFixtures.smartGridWith(folder, "  epochs: 40\n", "");
      ScenarioSection surrogate = ScenarioDocument.load(file).section("surrogate");

      assertEquals(file + ":14:1: surrogate.epochs: required, but not given",
          message(() -> surrogate.getInt("epochs", 1, 100)));
    }

    @Test
    void missingRequiredSectionIsReportedAtTheDocument() {
      ScenarioDocument scenario = ScenarioDocument.parse("name: x\n", "s.yaml");

      assertEquals("s.yaml:1:1: surrogate: required, but not given",
          message(() -> scenario.section("surrogate")));
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() {
      Path file = ScenarioFixtures.smartGridWith(folder, "attention: {id: multi-head, heads: 4}",
          "attention: {id: multi-head, heads: 4");

      String message = message(() -> ScenarioDocument.load(file));

      assertTrue(message.startsWith(file + ":26:12: YAML syntax error: "), message);
      assertTrue(message.contains("flow mapping"), message);
    }

    @Test
    void tabIndentationIsASyntaxErrorAtItsLine() {
      String message = message(() -> ScenarioDocument.parse("a:\n\tb: 1\n", "t.yaml"));

      assertTrue(message.startsWith("t.yaml:2:1: YAML syntax error"), message);
    }

    @Test
    void duplicateKeyIsAnError() {
      assertEquals("d.yaml:3:1: seed: duplicate key; it is already set at d.yaml:1:1",
          message(() -> ScenarioDocument.parse("seed: 1\nname: x\nseed: 2\n", "d.yaml")));
    }

    @Test
    void badEnumValueListsTheChoicesAndTheClosest() {
      ScenarioSection repair = ScenarioDocument.parse("repair: {gaps: interpolat}\n", "r.yaml")
          .section("repair");

      assertEquals("r.yaml:1:16: repair.gaps: must be one of [fail, interpolate], got"
          + " 'interpolat'; did you mean 'interpolate'?",
          message(() -> repair.getEnum("gaps", org.doppel.sdk.data.IngestSpec.GapPolicy.class)));
    }

    @Test
    void sectionGivenAsAListIsRejected() {
      ScenarioDocument scenario = ScenarioDocument.parse("attention: [a, b]\n", "a.yaml");

      assertEquals("a.yaml:1:12: attention: must be a section or a plugin id, got a list",
          message(() -> scenario.section("attention")));
    }
  }

  @Nested
  class Getters {

    private final ScenarioSection section = ScenarioDocument.parse(String.join("\n",
        "a: 30m", "b: 1h30m", "c: PT30M", "d: 1mo", "e: 30", "f: yes", "g: 'on'", "h: 7",
        "i: [x, y]", "j:", "k: 0s", "l: P1D"), "g.yaml").root();

    @Test
    void durationsReadInShortAndIsoForms() {
      assertEquals(Duration.ofMinutes(30), section.getDuration("a"));
      assertEquals(Duration.ofMinutes(90), section.getDuration("b"));
      assertEquals(Duration.ofMinutes(30), section.getDuration("c"));
      assertEquals(java.time.temporal.ChronoUnit.MONTHS.getDuration(), section.getDuration("d"));
      assertEquals(Duration.ofDays(1), section.getDuration("l"));
    }

    @Test
    void durationWithoutUnitOrOfZeroIsRejected() {
      assertTrue(message(() -> section.getDuration("e")).contains("needs a unit"));
      assertTrue(message(() -> section.getDuration("k")).contains("longer than zero"));
    }

    @Test
    void booleansTextsAndListsRead() {
      assertTrue(section.getBoolean("f"));
      assertEquals("on", section.getString("g"));
      assertEquals("7", section.getString("h"));
      assertEquals(List.of("x", "y"), section.getStrings("i"));
      assertEquals(List.of("x", "y"), section.getList("i"));
    }

    @Test
    void emptyValueCountsAsAbsent() {
      assertFalse(section.has("j"));
      assertEquals(5, section.getInt("j", 5, 0, 10));
    }
  }
}
