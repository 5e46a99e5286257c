package org.doppel.domains.traffic.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's KPIs over the SUMO run's window, and the side-by-side table's columns. */
class SumoComparisonTest {

  @Test
  void theModelRunIsCutToTheWindowSumoRan() {
    StoreAndForwardPlant plant = GridFixture.plant();
    GridRun full = GridSimulation.run(plant, GridPolicies.create("fixed-time", plant,
        GridSettings.defaults(), id -> null), 1, 1, 15);

    GridRun first = SumoComparison.window(full, 20);
    assertEquals(20, first.cycles());
    assertEquals(Arrays.stream(full.exited()).limit(20).sum(),
        first.kpis().get("throughput_veh"), 1e-9);
    assertEquals(Arrays.stream(full.queues()[20]).sum(),
        first.kpis().get("in_network_at_end_veh"), 1e-9);
    assertEquals(full.kpis(), SumoComparison.window(full, full.cycles()).kpis());
  }

  @Test
  void everyKpiHasAModelAndASumoColumn() {
    List<String> columns = SumoComparison.columns();
    assertEquals(3 + 2 * SumoComparison.KPIS.size() + 1, columns.size());
    assertEquals(List.of("total_delay_veh_h_model", "total_delay_veh_h_sumo"),
        columns.subList(5, 7));
  }
}
