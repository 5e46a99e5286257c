package org.doppel.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.runtime.scenario.ScenarioSection;
import org.junit.jupiter.api.Test;

/** How {@code doppel compare} reads its {@code --attention} values. */
class CompareCommandTest {

  @Test
  void allMeansEveryInstalledVariant() {
    assertEquals(List.of(), CompareCommand.listed(List.of("all")));
  }

  @Test
  void repeatedOptionsListTheirVariantsInOrderWithTheirParameters() {
    List<ScenarioSection> listed = CompareCommand.listed(List.of("top-k{k: 4},local",
        "multi-head{heads: 2}"));

    assertEquals(List.of(Map.of("id", "top-k", "k", 4), Map.of("id", "local"),
        Map.of("id", "multi-head", "heads", 2)),
        listed.stream().map(ScenarioSection::toMap).toList());
  }

  @Test
  void anEmptyValueIsRefusedRatherThanTakenForAll() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> CompareCommand.listed(List.of("")));

    assertTrue(error.getMessage().contains("no variant given"), error.getMessage());
  }

  @Test
  void allAmongVariantsIsRefusedAtItsPlace() {
    ScenarioException error = assertThrows(ScenarioException.class,
        () -> CompareCommand.listed(List.of("top-k{k: 4},all")));

    assertTrue(error.getMessage().contains("attention[1]")
        && error.getMessage().contains("stands alone"), error.getMessage());
  }
}
