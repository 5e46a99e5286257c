package org.doppel.sdk.data;

import java.util.Map;

/**
 * A validated series and the repairs made to it.
 *
 * @param series the series, regular at the declared interval
 * @param repairs counts by kind ({@code "gaps_interpolated"}, {@code "duplicates_merged"},
 *     {@code "values_interpolated"}, {@code "bom_removed"}), zero kinds omitted
 * @param sha256 the hex SHA-256 of the source bytes, for provenance
 */
public record IngestResult(TimeSeries series, Map<String, Integer> repairs, String sha256) {

  public IngestResult {
    repairs = Map.copyOf(repairs);
  }
}
