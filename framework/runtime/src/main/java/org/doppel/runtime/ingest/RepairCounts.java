package org.doppel.runtime.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many repairs of each kind one read made, under the names
 * {@link org.doppel.sdk.data.IngestResult#repairs()} documents. Not thread-safe.
 */
final class RepairCounts {

  static final String GAPS_INTERPOLATED = "gaps_interpolated";
  static final String DUPLICATES_MERGED = "duplicates_merged";
  static final String VALUES_INTERPOLATED = "values_interpolated";
  static final String BOM_REMOVED = "bom_removed";

  private final Map<String, Long> counts = new LinkedHashMap<>();

  void add(String kind, long count) {
    counts.merge(kind, count, Long::sum);
  }

  /**
   * The non-zero counts.
   *
   * @throws IllegalStateException when a count exceeds what the result's map can hold
   */
  Map<String, Integer> toMap() {
    Map<String, Integer> result = new LinkedHashMap<>();
    counts.forEach((kind, count) -> {
      if (count > 0) {
        result.put(kind, Math.toIntExact(count));
      }
    });
    return result;
  }
}
