package org.doppel.runtime.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one value cell as a number and, when it is not one, says why in the user's terms.
 *
 * <p>Missing markers are an empty cell, {@code NaN}, {@code Inf}/{@code Infinity} with an
 * optional sign, and R's {@code NA}, all in any case. Only plain decimal notation with an
 * optional exponent is a number: Java's hexadecimal floats and type suffixes such as
 * {@code 1d} are not. Stateless and thread-safe.
 */
final class ValueReader {

  /** What a cell holds. */
  enum Kind { NUMBER, EMPTY, NAN, INFINITE, INVALID }

  /** A read cell: its kind, its value when a number, and the reason when invalid. */
  record Reading(Kind kind, double value, String problem) {

    boolean isMissing() {
      return kind == Kind.EMPTY || kind == Kind.NAN || kind == Kind.INFINITE;
    }
  }

  private static final Set<String> NAN_MARKERS = Set.of("nan", "na");
  private static final Set<String> INFINITE_MARKERS =
      Set.of("inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");
  private static final Reading EMPTY = new Reading(Kind.EMPTY, Double.NaN, "");
  private static final Reading NAN = new Reading(Kind.NAN, Double.NaN, "");
  private static final Reading INFINITE = new Reading(Kind.INFINITE, Double.NaN, "");

  private ValueReader() {
  }

  static Reading read(String cell) {
    String text = cell.strip();
    if (text.isEmpty()) {
      return EMPTY;
    }
    if (isPlainDecimal(text)) {
      try {
        double value = Double.parseDouble(text);
        return Double.isInfinite(value)
            ? invalid("number out of range: '" + text + "'")
            : new Reading(Kind.NUMBER, value, "");
      } catch (NumberFormatException e) {
        return invalid("not a number: '" + text + "'");
      }
    }
    return classifyText(text);
  }

  private static Reading classifyText(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (NAN_MARKERS.contains(lower)) {
      return NAN;
    }
    if (INFINITE_MARKERS.contains(lower)) {
      return INFINITE;
    }
    if (text.indexOf('\uFEFF') >= 0) {
      return invalid("contains a byte-order mark (U+FEFF); one is removed only at the very"
          + " start of the file: '" + text.replace("\uFEFF", "<U+FEFF>") + "'");
    }
    if (DECIMAL_COMMA.matcher(text).matches()) {
      return invalid("decimal comma: use a point ('" + text + "' should be "
          + text.replace(',', '.') + ")");
    }
    return invalid("not a number: '" + text + "'");
  }

  private static boolean isPlainDecimal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+'
          || c == 'e' || c == 'E';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static Reading invalid(String problem) {
    return new Reading(Kind.INVALID, Double.NaN, problem);
  }
}
