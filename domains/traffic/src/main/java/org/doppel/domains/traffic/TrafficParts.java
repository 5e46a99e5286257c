package org.doppel.domains.traffic;

import java.util.List;
import org.doppel.domains.traffic.grid.GridPart;
import org.doppel.domains.traffic.ridership.RidershipPart;

/** The parts of the traffic study, in the order a run goes through them. */
public final class TrafficParts {

  private TrafficParts() {
  }

  /**
   * Every part this build has. The motorway corridor is built on its own branch: when it is
   * merged, add {@code new org.doppel.domains.traffic.motorway.MotorwayPart()} to this list
   * (first, so the report opens with it) and its {@code motorway} section to traffic.yaml.
   */
  public static List<TrafficPart> all() {
    return List.of(new GridPart(), new RidershipPart());
  }
}
