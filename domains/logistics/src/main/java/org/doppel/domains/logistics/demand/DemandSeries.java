package org.doppel.domains.logistics.demand;

import java.time.YearMonth;
import java.util.Map;

/**
 * Monthly end demand: one positive value per calendar month, no month missing. Arrays are
 * shared, not copied: treat them as read-only.
 *
 * @param source the file or resource it was read from
 * @param months one calendar month per value, consecutive
 * @param values demand per month (millions of US dollars of wholesale sales)
 * @param repairs repairs made while reading, by kind (see the ingest service)
 * @param sha256 the source's SHA-256, for provenance
 */
public record DemandSeries(String source, YearMonth[] months, double[] values,
    Map<String, Integer> repairs, String sha256) {

  public DemandSeries {
    if (months.length != values.length) {
      throw new IllegalArgumentException(months.length + " months for " + values.length
          + " values");
    }
    repairs = Map.copyOf(repairs);
  }

  public int size() {
    return values.length;
  }

  /** The index of {@code month}, or -1 when the series does not hold it. */
  public int indexOf(YearMonth month) {
    if (months.length == 0) {
      return -1;
    }
    long index = months[0].until(month, java.time.temporal.ChronoUnit.MONTHS);
    return index >= 0 && index < months.length ? (int) index : -1;
  }
}
