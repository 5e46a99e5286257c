package org.doppel.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTest {

  @Test
  void resolvedYamlReadsBackToTheSameValues() {
    ScenarioDocument resolved = ScenarioDocument.parse(ScenarioFixtures.smartGrid(), "sg.yaml")
        .overrides(List.of("attention=top-k", "attention.k=8", "surrogate.epochs=3",
            "compression=[prune-magnitude, prune-structured{sparsity: 0.5}]"));

    ScenarioDocument reread = ScenarioDocument.parse(resolved.toYaml(), "run/scenario.yaml");

    assertEquals(resolved.root().toMap(), reread.root().toMap());
    assertEquals(3, reread.section("surrogate").getInt("epochs", 1, 100));
    assertEquals(1.0e-4, reread.section("surrogate").getDouble("l2", Range.atLeast(0)));
  }

  @Test
  void textThatLooksLikeOtherTypesStaysText() {
    String yaml = String.join("\n", "a: 'yes'", "b: '42'", "c: 'null'", "d: '2000-06-05'",
        "e: 'x: y'", "f: '#hash'", "g: 'prune-structured{sparsity: 0.5}'", "h: ''",
        "i: '1e3'", "n: 'x{y}'", "o: '0x1F'", "p: '.inf'", "j: 'line\\none'",
        "k: \"tab\\there\"", "l: ~", "m: -0.0", "");
    ScenarioDocument original = ScenarioDocument.parse(yaml, "t.yaml");

    ScenarioDocument reread = ScenarioDocument.parse(original.toYaml(), "again.yaml");

    assertEquals(original.root().toMap(), reread.root().toMap());
    assertEquals("42", reread.root().toMap().get("b"));
  }

  @Test
  void yamlIsHeadedByItsSourceAndOverrides() {
    String yaml = ScenarioDocument.parse("seed: 1\n", "sg.yaml")
        .overrides(List.of("seed=2")).toYaml();

    assertTrue(yaml.startsWith("# Resolved scenario, read from sg.yaml\n#   --set seed=2\n"),
        yaml);
    assertTrue(yaml.contains("seed: 2"), yaml);
  }
}
