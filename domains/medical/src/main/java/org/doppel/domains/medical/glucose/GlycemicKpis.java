package org.doppel.domains.medical.glucose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The glycaemic outcome of a glucose trace: time in range 70–180 mg/dL, time below 70 and
 * below 54, time above 180, mean glucose, and Kovatchev's low and high blood glucose indices
 * (LBGI, HBGI). Each minute counts once.
 *
 * <p>The risk of a reading is 10·f², with f = 1.509·((ln BG)^1.084 − 5.381) (BG in mg/dL):
 * LBGI averages it over readings with f < 0, HBGI over readings with f > 0 (the others count
 * as 0), as in Kovatchev et al., Diabetes Care 1997 / 2006. Readings at or below 20 mg/dL or
 * at or above 600 mg/dL take the risk 100, as in simglucose.
 */
record GlycemicKpis(double timeInRangePct, double timeBelow70Pct, double timeBelow54Pct,
    double timeAbove180Pct, double meanGlucose, double lbgi, double hbgi) {

  /** The KPI names in the order of {@link #values()}, with units. */
  static final String[] NAMES = {"time_in_range_pct", "time_below_70_pct",
      "time_below_54_pct", "time_above_180_pct", "mean_glucose_mg_dl", "lbgi", "hbgi"};

  static GlycemicKpis of(double[] glucose) {
    if (glucose.length == 0) {
      throw new IllegalArgumentException("no glucose values to score");
    }
    int inRange = 0;
    int below70 = 0;
    int below54 = 0;
    int above180 = 0;
    double sum = 0;
    double low = 0;
    double high = 0;
    for (double g : glucose) {
      inRange += g >= 70 && g <= 180 ? 1 : 0;
      below70 += g < 70 ? 1 : 0;
      below54 += g < 54 ? 1 : 0;
      above180 += g > 180 ? 1 : 0;
      sum += g;
      double[] risk = risk(g);
      low += risk[0];
      high += risk[1];
    }
    double n = glucose.length;
    return new GlycemicKpis(100 * inRange / n, 100 * below70 / n, 100 * below54 / n,
        100 * above180 / n, sum / n, low / n, high / n);
  }

  /** {low risk, high risk} of one reading. */
  static double[] risk(double glucose) {
    if (glucose <= 20) {
      return new double[] {100, 0};
    }
    if (glucose >= 600) {
      return new double[] {0, 100};
    }
    double f = 1.509 * (Math.pow(Math.log(glucose), 1.084) - 5.381);
    double risk = 10 * f * f;
    return f < 0 ? new double[] {risk, 0} : new double[] {0, risk};
  }

  double[] values() {
    return new double[] {timeInRangePct, timeBelow70Pct, timeBelow54Pct, timeAbove180Pct,
        meanGlucose, lbgi, hbgi};
  }

  Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    double[] values = values();
    for (int i = 0; i < NAMES.length; i++) {
      map.put(NAMES[i], values[i]);
    }
    return map;
  }

  /** The mean of each KPI over several traces (patients). */
  static GlycemicKpis mean(Iterable<GlycemicKpis> all) {
    double[] sum = new double[NAMES.length];
    int count = 0;
    for (GlycemicKpis kpis : all) {
      double[] values = kpis.values();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += values[i];
      }
      count++;
    }
    if (count == 0) {
      throw new IllegalArgumentException("no KPIs to average");
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= count;
    }
    return new GlycemicKpis(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6]);
  }
}
