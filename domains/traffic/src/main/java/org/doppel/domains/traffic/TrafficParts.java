package org.doppel.domains.traffic;

import java.util.List;
import org.doppel.domains.traffic.motorway.MotorwayPart;
import org.doppel.domains.traffic.grid.GridPart;
import org.doppel.domains.traffic.ridership.RidershipPart;

/** The parts of the traffic study, in the order a run goes through them. */
public final class TrafficParts {

  private TrafficParts() {
  }

  /** Every part: the motorway corridor, the street grid, then rail ridership. */
  public static List<TrafficPart> all() {
    return List.of(new MotorwayPart(), new GridPart(), new RidershipPart());
  }
}
