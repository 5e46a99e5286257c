package org.doppel.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The forms a chain of plugins may be written in, here the compression chain. */
class CompressionChainTest {

  private static List<ScenarioSection> chain(String yaml) {
    return ScenarioDocument.parse(yaml, "c.yaml").sections("compression");
  }

  @Test
  void plainIdsMapsAndCompactFormsReadAlike() {
    List<ScenarioSection> chain = chain(String.join("\n",
        "compression:",
        "  - prune-magnitude",
        "  - {id: prune-magnitude, sparsity: 0.5}",
        "  - prune-structured{sparsity: 0.5}",
        "  - 'quantize-int8{bits: 8}'",
        "  - distil{}",
        ""));

    assertEquals(List.of(Map.of("id", "prune-magnitude"),
        Map.of("id", "prune-magnitude", "sparsity", 0.5),
        Map.of("id", "prune-structured", "sparsity", 0.5),
        Map.of("id", "quantize-int8", "bits", 8),
        Map.of("id", "distil")),
        chain.stream().map(ScenarioSection::toMap).toList());
  }

  @Test
  void compactFormInAFlowListReads() {
    List<ScenarioSection> chain = chain(
        "compression: [prune-magnitude, prune-structured{sparsity: 0.5, axis: output}]\n");

    assertEquals(Map.of("id", "prune-structured", "sparsity", 0.5, "axis", "output"),
        chain.get(1).toMap());
  }

  @Test
  void compactFormErrorsPointAtTheColumnsAsWritten() {
    ScenarioSection item = chain("compression:\n  - prune-structured{sparsity: 1.5}\n").get(0);

    ScenarioException error = assertThrows(ScenarioException.class,
        () -> item.getDouble("sparsity", Range.open(0, 1)));

    assertEquals("c.yaml:2:32: compression[0].sparsity: must be a finite number in (0, 1),"
        + " got 1.5", error.getMessage());
  }

  @Test
  void unknownParameterOfAChainItemIsLocated() {
    ScenarioSection item = chain("compression:\n  - {id: prune-magnitude, sparsty: 0.5}\n")
        .get(0);

    ScenarioException error = assertThrows(ScenarioException.class,
        () -> item.requireOnly(Set.of("id", "sparsity")));

    assertEquals("c.yaml:2:27: compression[0].sparsty: unknown key 'sparsty'; did you mean"
        + " 'sparsity'?", error.getMessage());
  }

  @Test
  void singleItemAndEmptyChainRead() {
    assertEquals(List.of("prune-magnitude"),
        chain("compression: prune-magnitude\n").stream().map(ScenarioSection::id).toList());
    assertEquals(List.of(), chain("compression: []\n"));
    assertEquals(List.of(), chain("name: x\n"));
  }

  @Test
  void itemParametersExcludeTheId() {
    ScenarioSection item = chain("compression: [prune-structured{sparsity: 0.5}]\n").get(0);

    assertEquals(Map.of("sparsity", 0.5),
        item.toParameters("compression/prune-structured", Set.of("id")).asMap());
  }

  @Test
  void aParameterWithoutAValueIsLeftOutSoThePluginUsesItsDefault() {
    ScenarioSection item = chain("compression: [low-rank{energy: null, rank: 3, seed: ~}]\n")
        .get(0);

    assertEquals(Map.of("rank", 3),
        item.toParameters("compression/low-rank", Set.of("id")).asMap());
  }

  @Test
  void compactLookingTextInQuotesOrCommentsIsLeftAlone() {
    ScenarioDocument scenario = ScenarioDocument.parse(String.join("\n",
        "note: \"see a{b: 1} here\"  # and c{d: 2}",
        "path: ${HOME}/x{y}",
        ""), "q.yaml");

    assertEquals("see a{b: 1} here", scenario.root().getString("note"));
    assertEquals("${HOME}/x{y}", scenario.root().getString("path"));
  }
}
