package org.doppel.sdk.data;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a CSV source must contain and how to treat its faults, as a scenario declares it.
 *
 * @param timestampColumn the name of the timestamp column
 * @param timestampFormat a {@link java.time.format.DateTimeFormatter} pattern, or
 *     {@code "iso"} for ISO-8601 local date-times (an offset or {@code Z} is accepted and
 *     dropped after converting to the offset of the first row)
 * @param columns the value columns to read, with their units
 * @param interval the declared sampling interval
 * @param gaps what to do with missing timestamps
 * @param duplicates what to do with repeated timestamps
 * @param missingValues what to do with empty, NaN or infinite cells
 */
public record IngestSpec(String timestampColumn, String timestampFormat, List<Column> columns,
    Duration interval, GapPolicy gaps, DuplicatePolicy duplicates,
    MissingValuePolicy missingValues) {

  public IngestSpec {
    Objects.requireNonNull(timestampColumn, "timestampColumn");
    Objects.requireNonNull(timestampFormat, "timestampFormat");
    columns = List.copyOf(columns);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(gaps, "gaps");
    Objects.requireNonNull(duplicates, "duplicates");
    Objects.requireNonNull(missingValues, "missingValues");
  }

  /** What to do when timestamps skip one or more intervals. */
  public enum GapPolicy {
    /** Report each gap as an error. */
    FAIL,
    /** Fill missing rows by linear interpolation between the neighbours, counted. */
    INTERPOLATE
  }

  /** What to do when a timestamp repeats (a daylight-saving hour, a resent row). */
  public enum DuplicatePolicy {
    /** Report each duplicate as an error. */
    FAIL,
    /** Replace the repeated rows by their mean, counted. */
    MEAN
  }

  /** What to do with an empty, NaN or infinite value cell. */
  public enum MissingValuePolicy {
    /** Report each such cell as an error. */
    FAIL,
    /** Interpolate linearly from the nearest valid neighbours in time, counted. */
    INTERPOLATE
  }
}
