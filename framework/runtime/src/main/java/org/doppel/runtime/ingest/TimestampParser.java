package org.doppel.runtime.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Locale;

/**
 * Turns timestamp cells into naive local date-times, in ISO-8601 or a
 * {@link DateTimeFormatter} pattern.
 *
 * <p>ISO accepts date-times ({@code 2000-06-05T00:30:00}, also with a space for the
 * {@code T}), dates ({@code 2000-06-05}, taken as midnight) and year-months
 * ({@code 2000-06}, taken as the first of the month at midnight). A timestamp with an offset
 * or zone is converted to the offset of the first row and the offset dropped, so a series
 * whose offset changes (a clock change written with offsets) stays regular. Mixing
 * timestamps with and without an offset is an error.
 *
 * <p>Not thread-safe: it remembers the first row's offset; use one per read.
 */
final class TimestampParser {

  /** The spec value that selects ISO-8601. */
  static final String ISO = "iso";

  private static final List<TemporalQuery<?>> PATTERN_QUERIES =
      List.of(ZonedDateTime::from, LocalDateTime::from, LocalDate::from, YearMonth::from);

  private final DateTimeFormatter pattern;
  private final String expected;
  private boolean firstSeen;
  private ZoneOffset reference;
  private int lastQuery;

  private TimestampParser(DateTimeFormatter pattern, String expected) {
    this.pattern = pattern;
    this.expected = expected;
  }

  /**
   * A parser for {@code format}: {@code "iso"} (any case) or a pattern.
   *
   * @throws IllegalArgumentException when the pattern is not a valid
   *     {@link DateTimeFormatter} pattern
   */
  static TimestampParser forFormat(String format) {
    if (format.equalsIgnoreCase(ISO)) {
      return new TimestampParser(null,
          "ISO-8601, such as 2021-01-01T00:00:00, 2021-01-01T00:00:00Z, 2021-01-01 or 2021-01");
    }
    try {
      return new TimestampParser(DateTimeFormatter.ofPattern(format, Locale.ROOT),
          "the pattern '" + format + "'");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("timestamp format '" + format
          + "' is neither 'iso' nor a valid date-time pattern: " + e.getMessage(), e);
    }
  }

  /** What this parser accepts, for error messages. */
  String expected() {
    return expected;
  }

  /**
   * Parses one cell.
   *
   * @throws DateTimeException with a message in the user's terms when the cell does not
   *     parse, or its offset presence differs from the first row's
   */
  LocalDateTime parse(String cell) {
    String text = cell.strip();
    if (text.isEmpty()) {
      throw new DateTimeException("is empty");
    }
    if (text.indexOf('\uFEFF') >= 0) {
      throw new DateTimeException("contains a byte-order mark (U+FEFF); one is removed only at"
          + " the very start of the file");
    }
    if (pattern == null) {
      IsoTimestamps.Parsed fast = IsoTimestamps.parse(text);
      if (fast != null) {
        return toLocal(fast.local(), fast.offset());
      }
    }
    TemporalAccessor parsed = pattern == null ? parseIso(text) : parsePattern(text);
    if (parsed instanceof ZonedDateTime zoned) {
      return toLocal(zoned.toLocalDateTime(), zoned.getOffset());
    }
    if (parsed instanceof LocalDateTime local) {
      return toLocal(local, null);
    }
    if (parsed instanceof LocalDate date) {
      return toLocal(date.atStartOfDay(), null);
    }
    return toLocal(((YearMonth) parsed).atDay(1).atStartOfDay(), null);
  }

  /** The general path: shapes the fast reader does not know, and their error messages. */
  private TemporalAccessor parseIso(String text) {
    if (text.length() == 7) {
      return YearMonth.parse(text);
    }
    if (text.length() == 10) {
      return LocalDate.parse(text);
    }
    String normalized = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11)
        : text;
    if (hasOffsetOrZone(normalized)) {
      return ZonedDateTime.parse(normalized, DateTimeFormatter.ISO_DATE_TIME);
    }
    return LocalDateTime.parse(normalized);
  }

  private static boolean hasOffsetOrZone(String text) {
    char last = text.charAt(text.length() - 1);
    if (last == 'Z' || last == 'z' || last == ']') {
      return true;
    }
    int timeStart = text.indexOf('T');
    return timeStart > 0
        && (text.indexOf('+', timeStart) > 0 || text.indexOf('-', timeStart) > 0);
  }

  private TemporalAccessor parsePattern(String text) {
    TemporalAccessor fields = pattern.parse(text);

    // Most files use one shape throughout, so the query that worked last is tried first.
    DateTimeException last = null;
    for (int i = 0; i < PATTERN_QUERIES.size(); i++) {
      int query = (lastQuery + i) % PATTERN_QUERIES.size();
      try {
        Object result = fields.query(PATTERN_QUERIES.get(query));
        lastQuery = query;
        return (TemporalAccessor) result;
      } catch (DateTimeException e) {
        last = e;
      }
    }
    throw new DateTimeException("the pattern gives no date: " + last.getMessage());
  }

  private LocalDateTime toLocal(LocalDateTime local, ZoneOffset offset) {
    if (!firstSeen) {
      firstSeen = true;
      reference = offset;
    } else if ((offset == null) != (reference == null)) {
      throw new DateTimeException(offset == null
          ? "has no offset, but the first timestamp has " + reference
          : "has offset " + offset + ", but the first timestamp has none");
    }
    if (offset == null || offset.equals(reference)) {
      return local;
    }
    return local.atOffset(offset).withOffsetSameInstant(reference).toLocalDateTime();
  }
}
