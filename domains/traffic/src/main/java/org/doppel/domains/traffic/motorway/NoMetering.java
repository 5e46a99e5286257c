package org.doppel.domains.traffic.motorway;

/** No metering: the signal shows the ramp's capacity every minute. */
public final class NoMetering implements RampPolicy {

  private final MeteringBounds bounds;

  public NoMetering(MeteringBounds bounds) {
    this.bounds = bounds;
  }

  @Override
  public String name() {
    return "no-metering";
  }

  @Override
  public double rate(int minute, double[] state, double[] disturbance) {
    return bounds.max();
  }
}
