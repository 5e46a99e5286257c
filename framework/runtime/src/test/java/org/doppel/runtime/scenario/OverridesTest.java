package org.doppel.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverridesTest {

  private final ScenarioDocument scenario =
      ScenarioDocument.parse(ScenarioFixtures.smartGrid(), "smart-grid.yaml");

  private String failure(String... sets) {
    return assertThrows(ScenarioException.class, () -> scenario.overrides(List.of(sets)))
        .getMessage();
  }

  @Test
  void attentionIdThenParameterGivesBoth() {
    ScenarioDocument changed = scenario.overrides(List.of("attention=top-k", "attention.k=8"));

    assertEquals(Map.of("id", "top-k", "k", 8), changed.section("attention").toMap());
  }

  @Test
  void valueSetByOverrideIsLocatedAtItsArgument() {
    ScenarioSection surrogate = scenario.overrides(List.of("surrogate.epochs=-3"))
        .section("surrogate");

    ScenarioException error = assertThrows(ScenarioException.class,
        () -> surrogate.getInt("epochs", 1, Integer.MAX_VALUE));

    assertEquals("--set surrogate.epochs=-3: surrogate.epochs: must be a whole number >= 1,"
        + " got -3", error.getMessage());
  }

  @Test
  void scalarOverrideReplacesTheValue() {
    ScenarioDocument changed = scenario.overrides(List.of("surrogate.epochs=3"));

    assertEquals(3, changed.section("surrogate").getInt("epochs", 1, 100));
    assertEquals(40, scenario.section("surrogate").getInt("epochs", 1, 100));
  }

  @Test
  void listOverrideReplacesTheCompressionChain() {
    ScenarioDocument changed = scenario.overrides(
        List.of("compression=[prune-magnitude, prune-structured{sparsity: 0.5}]"));

    List<ScenarioSection> chain = changed.sections("compression");
    assertEquals(List.of("prune-magnitude", "prune-structured"),
        chain.stream().map(ScenarioSection::id).toList());
    assertEquals(0.5, chain.get(1).getDouble("sparsity", Range.open(0, 1)));
    assertEquals("compression[1]", chain.get(1).path());
  }

  @Test
  void listItemIsAddressedByIndexInEitherForm() {
    ScenarioDocument changed = scenario.overrides(
        List.of("compression.0.sparsity=0.7", "compression[1]=quantize-int8"));

    List<ScenarioSection> chain = changed.sections("compression");
    assertEquals(Map.of("id", "prune-magnitude", "sparsity", 0.7), chain.get(0).toMap());
    assertEquals("quantize-int8", chain.get(1).id());
  }

  @Test
  void missingSectionsOnThePathAreCreated() {
    ScenarioDocument changed = scenario.overrides(List.of("report.charts.heatmap=false"));

    assertEquals(false, changed.section("report.charts").getBoolean("heatmap"));
  }

  @Test
  void flowMappingValueIsASection() {
    ScenarioDocument changed = scenario.overrides(List.of("control={controller: mpc}"));

    assertEquals(Map.of("controller", "mpc"), changed.section("control").toMap());
  }

  @Test
  void argumentWithoutEqualsIsNamed() {
    assertEquals("--set surrogate.epochs: expected key=value, such as surrogate.epochs=3",
        failure("surrogate.epochs"));
  }

  @Test
  void argumentWithoutValueIsNamed() {
    assertEquals("--set seed=: seed: no value after '='", failure("seed="));
  }

  @Test
  void malformedValueIsASyntaxErrorNamingTheArgument() {
    String message = failure("compression=[prune-magnitude");

    assertTrue(message.startsWith("--set compression=[prune-magnitude: YAML syntax error"),
        message);
  }

  @Test
  void malformedPathIsNamed() {
    assertTrue(failure("surrogate..epochs=3").startsWith(
        "--set surrogate..epochs=3: 'surrogate..epochs' is not a dotted field path"));
  }

  @Test
  void keyInsideAPlainNumberIsRefused() {
    assertEquals("--set seed.value=1: seed: is 42, not a section, so 'value' cannot be set"
        + " inside it", failure("seed.value=1"));
  }

  @Test
  void listIndexOutOfRangeIsRefused() {
    assertTrue(failure("compression.5.sparsity=0.1").startsWith(
        "--set compression.5.sparsity=0.1: compression: has 1 item(s), so index 5 is out of"
            + " range"));
  }

  @Test
  void namedKeyInsideAListIsRefusedWithTheIndexedForm() {
    assertEquals("--set compression.sparsity=0.1: compression: is a list; name an item by its"
        + " index, such as compression.0.sparsity", failure("compression.sparsity=0.1"));
  }

  @Test
  void appliedOverridesAreRemembered() {
    ScenarioDocument changed = scenario.overrides(List.of("seed=7"))
        .overrides(List.of("surrogate.epochs=3"));

    assertEquals(List.of("seed=7", "surrogate.epochs=3"), changed.appliedOverrides());
  }
}
