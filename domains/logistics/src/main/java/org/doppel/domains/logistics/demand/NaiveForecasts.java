package org.doppel.domains.logistics.demand;

/** The two naive forecasts the twin is measured against. Stateless. */
public final class NaiveForecasts {

  /** Persistence: every month ahead equals the last month seen. */
  public static final String PERSISTENCE = "persistence";

  /** Seasonal naive: every month ahead equals the same month a year before. */
  public static final String SEASONAL_NAIVE = "seasonal-naive";

  private NaiveForecasts() {
  }

  /** The forecast of {@code method} issued at month {@code t} for t + 1 .. t + horizon. */
  public static double[] issue(String method, double[] demand, int t, int horizon) {
    double[] forecast = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      forecast[h - 1] = switch (method) {
        case PERSISTENCE -> demand[t];
        case SEASONAL_NAIVE -> demand[t + h - DemandWindows.SEASON];
        default -> throw new IllegalArgumentException("no naive forecast '" + method + "'");
      };
    }
    return forecast;
  }
}
