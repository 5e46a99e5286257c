package org.doppel.domains.traffic;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.study.DomainStudy;

/**
 * The traffic domain, id {@code traffic}: a signalised street grid (SUMO-simulated loops) whose
 * twin forecasts every loop's flow and retimes the signals, and daily rail ridership; the
 * motorway corridor joins as another {@link TrafficPart}. It runs its own
 * {@link TrafficStudy}. Stateless and thread-safe.
 */
public final class TrafficDomain implements DomainModule {

  /** The plugin id. */
  public static final String ID = "traffic";

  private static final String DATA = "/org/doppel/domains/traffic/data/";

  private static final String ATTRIBUTION = "Motorway: simulator output, not field data - 18"
      + " loop stations (plus both ramps) of a synthetic 9 km corridor with an on-ramp, an"
      + " off-ramp and a lane drop, 06:00-10:00, produced with Eclipse SUMO 1.15."
      + " Street grid: simulator output, not field data"
      + " - 128 induction loops of a synthetic 4x4 signalised grid, 06:00-10:00, produced with"
      + " Eclipse SUMO 1.15 (P. A. Lopez et al., Microscopic Traffic Simulation using SUMO,"
      + " IEEE ITSC 2018; SUMO is EPL-2.0), generated data without licence restriction."
      + " Ridership: Chicago Transit Authority 'L' daily entries at Clark/Lake with weather,"
      + " 2001-2016, dataset 'Chicago' of the R package modeldata (M. Kuhn, MIT licence), from"
      + " Kuhn and Johnson (2020), Feature Engineering and Selection, section 4.1.";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Road traffic twin: loop-flow forecasting with attention over detectors and"
        + " green-split control (fixed-time, LQR, MPC) on a SUMO-simulated signalised grid;"
        + " daily rail ridership";
  }

  @Override
  public URL defaultScenario() {
    return TrafficDomain.class.getResource("/org/doppel/domains/traffic/traffic.yaml");
  }

  @Override
  public Map<String, URL> datasets() {
    Map<String, URL> sets = new LinkedHashMap<>();
    sets.put("motorway-loops", TrafficDomain.class.getResource(DATA
        + "motorway/loops_1min.csv"));
    sets.put("motorway-detectors", TrafficDomain.class.getResource(DATA
        + "motorway/detectors.csv"));
    sets.put("motorway-edges", TrafficDomain.class.getResource(DATA + "motorway/edges.csv"));
    sets.put("grid-loops", TrafficDomain.class.getResource(DATA + "grid/loops_1min.csv"));
    sets.put("grid-detectors", TrafficDomain.class.getResource(DATA + "grid/detectors.csv"));
    sets.put("grid-edges", TrafficDomain.class.getResource(DATA + "grid/edges.csv"));
    sets.put("ridership", TrafficDomain.class.getResource(DATA
        + "ridership/chicago_clark_lake_daily.csv"));
    return sets;
  }

  @Override
  public String dataAttribution() {
    return ATTRIBUTION;
  }

  @Override
  public Optional<DomainStudy> study() {
    return Optional.of(new TrafficStudy());
  }
}
