package org.doppel.domains.traffic.motorway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.doppel.sdk.PluginException;

/**
 * The cell transmission model fitted to a corridor's loop data, and the boundary demands
 * that drive it.
 *
 * <p>On 5-minute centred means per station and lane: the free-flow speed v is the median
 * speed (flow / density) of light traffic (below {@value #LIGHT_TRAFFIC_DENSITY} veh/km per
 * lane); the capacity Q per lane is the highest flow per lane any station carried; the jam
 * density the highest density per lane any station saw; the wave speed closes the triangle,
 * w = Q / (k_jam − Q / v). The capacity drop is 1 − (mean flow through the bottleneck while
 * the stretch upstream of it is congested) / (its capacity). The loop data's congested
 * branch is not used for w: in the SUMO data flow does not fall with density in the queue
 * (flow and density both rise in the congested samples), so a regression there gives no
 * wave speed. The exit share is the off-ramp's total over the flow of the station it leaves
 * from; the mainline demand is the first station's flow and the ramp demand the on-ramp
 * loop's flow (both undercount demand while a queue stands over them).
 *
 * @param model the calibrated model on the data's corridor
 * @param mainlineDemand veh/h per minute
 * @param rampDemand veh/h per minute
 * @param exitShare the off-ramp's share of the through flow
 * @param lightTrafficSamples the samples behind the free-flow speed
 * @param congestedMinutes the minutes behind the capacity drop
 */
public record Calibration(CellTransmissionModel model, double[] mainlineDemand,
    double[] rampDemand, double exitShare, int lightTrafficSamples, int congestedMinutes) {

  /** Below this density per lane (veh/km) traffic is taken as free-flowing. */
  public static final double LIGHT_TRAFFIC_DENSITY = 12;

  /** A station whose 5-minute mean speed is below this (m/s) is congested. */
  public static final double CONGESTED_SPEED_M_S = 15;

  /** Minutes in the moving means. */
  public static final int SMOOTHING_MINUTES = 5;

  /** Fits the model to {@code loops}. */
  public static Calibration of(MotorwayLoops loops, double substepS) {
    Corridor corridor = Corridor.of(loops);
    double[][] flow = smooth(loops.flow());
    double[][] density = smooth(loops.density());
    int n = corridor.cells();

    List<Double> lightSpeeds = new ArrayList<>();
    double capacity = 0;
    double jam = 0;
    for (int s = 0; s < n; s++) {
      int lanes = corridor.lanes()[s];
      for (int m = 0; m < flow[s].length; m++) {
        double k = density[s][m] / lanes;
        if (k > 0.5 && k < LIGHT_TRAFFIC_DENSITY) {
          lightSpeeds.add(flow[s][m] / density[s][m]);
        }
        capacity = Math.max(capacity, flow[s][m] / lanes);
        jam = Math.max(jam, k);
      }
    }
    if (lightSpeeds.size() < 10) {
      throw new PluginException("motorway calibration: only " + lightSpeeds.size()
          + " light-traffic samples (below " + LIGHT_TRAFFIC_DENSITY + " veh/km per lane);"
          + " the free-flow speed needs at least 10");
    }
    double freeSpeed = median(lightSpeeds);
    double wave = capacity / (jam - capacity / freeSpeed);
    if (!(wave > 0)) {
      throw new PluginException("motorway calibration: the densest state seen (" + jam
          + " veh/km per lane) is not above the critical density " + capacity / freeSpeed
          + "; the data hold no congestion to fit");
    }

    int bottleneck = corridor.bottleneckCell();
    boolean[] congested = congestedBefore(loops, corridor, bottleneck);
    double discharge = 0;
    int minutes = 0;
    for (int m = 0; m < congested.length; m++) {
      if (congested[m]) {
        discharge += flow[bottleneck][m];
        minutes++;
      }
    }
    double drop = minutes == 0 ? 0
        : 1 - discharge / minutes / (capacity * corridor.lanes()[bottleneck]);
    drop = Math.min(Math.max(drop, 0), 0.45);

    double exitShare = sum(loops.offRampFlow()) / sum(loops.flow()[corridor.offRampCell()]);
    FundamentalDiagram diagram = new FundamentalDiagram(freeSpeed, capacity, jam, wave, drop);
    double[] mainline = loops.flow()[0];
    double[] ramp = loops.onRampFlow();
    CellTransmissionModel model = new CellTransmissionModel(corridor, diagram, substepS,
        new double[] {mean(mainline), mean(ramp), exitShare});
    return new Calibration(model, mainline, ramp, exitShare, lightSpeeds.size(), minutes);
  }

  /** The disturbance of a minute: mainline demand, ramp demand, exit share. */
  public double[] disturbance(int minute) {
    return new double[] {mainlineDemand[minute], rampDemand[minute], exitShare};
  }

  public int minutes() {
    return mainlineDemand.length;
  }

  /** Minutes in which a station from the on-ramp to the bottleneck is congested. */
  private static boolean[] congestedBefore(MotorwayLoops loops, Corridor corridor,
      int bottleneck) {
    double[][] speed = smoothSpeed(loops);
    boolean[] congested = new boolean[loops.minutes()];
    for (int m = 0; m < congested.length; m++) {
      for (int s = corridor.onRampCell(); s < bottleneck; s++) {
        congested[m] |= speed[s][m] < CONGESTED_SPEED_M_S;
      }
    }
    return congested;
  }

  /** Station speed as 5-minute flow over 5-minute density, m/s. */
  static double[][] smoothSpeed(MotorwayLoops loops) {
    double[][] flow = smooth(loops.flow());
    double[][] density = smooth(loops.density());
    double[][] speed = new double[flow.length][flow[0].length];
    for (int s = 0; s < flow.length; s++) {
      for (int m = 0; m < flow[s].length; m++) {
        speed[s][m] = density[s][m] > 0 ? flow[s][m] / density[s][m] / 3.6 : Double.NaN;
      }
    }
    return speed;
  }

  /** Centred moving means over {@link #SMOOTHING_MINUTES}, shortened at the ends. */
  static double[][] smooth(double[][] series) {
    return Arrays.stream(series).map(Calibration::smooth).toArray(double[][]::new);
  }

  static double[] smooth(double[] x) {
    int half = SMOOTHING_MINUTES / 2;
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int from = Math.max(0, i - half);
      int to = Math.min(x.length - 1, i + half);
      double total = 0;
      for (int j = from; j <= to; j++) {
        total += x[j];
      }
      y[i] = total / (to - from + 1);
    }
    return y;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double sum(double[] x) {
    return Arrays.stream(x).sum();
  }

  private static double mean(double[] x) {
    return sum(x) / x.length;
  }
}
