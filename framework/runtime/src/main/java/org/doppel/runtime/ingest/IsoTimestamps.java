package org.doppel.runtime.ingest;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A fast reader for the common ISO-8601 shapes, {@code yyyy-MM[-dd[THH:mm[:ss[.f...]]]]}
 * with an optional {@code Z} or {@code ±HH[:MM]} offset, which the general
 * {@link java.time.format.DateTimeFormatter} reads several times slower.
 *
 * <p>Anything else gives {@code null}, and the caller falls back to the general parser,
 * which also words the error. Stateless and thread-safe.
 */
final class IsoTimestamps {

  /** A parsed timestamp; {@code offset} is {@code null} when the text has none. */
  record Parsed(LocalDateTime local, ZoneOffset offset) {
  }

  private IsoTimestamps() {
  }

  /**
   * Reads {@code text}, or returns {@code null} when it is not one of the common shapes.
   *
   * @throws DateTimeException when the shape matches but a field is out of range
   */
  static Parsed parse(String text) {
    int length = text.length();
    if (length < 7 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 2)) {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    if (length == 7) {
      return new Parsed(LocalDateTime.of(year, month, 1, 0, 0), null);
    }
    if (length < 10 || text.charAt(7) != '-' || !digits(text, 8, 2)) {
      return null;
    }
    int day = number(text, 8, 2);
    if (length == 10) {
      return new Parsed(LocalDateTime.of(year, month, day, 0, 0), null);
    }
    char separator = text.charAt(10);
    if ((separator != 'T' && separator != ' ') || length < 16 || !digits(text, 11, 2)
        || text.charAt(13) != ':' || !digits(text, 14, 2)) {
      return null;
    }
    return parseTime(text, year, month, day);
  }

  private static Parsed parseTime(String text, int year, int month, int day) {
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int at = 16;
    int second = 0;
    int nano = 0;
    if (at < text.length() && text.charAt(at) == ':') {
      if (!digits(text, at + 1, 2)) {
        return null;
      }
      second = number(text, at + 1, 2);
      at += 3;
      if (at < text.length() && text.charAt(at) == '.') {
        int end = at + 1;
        while (end < text.length() && isDigit(text.charAt(end))) {
          end++;
        }
        int fractionDigits = end - at - 1;
        if (fractionDigits == 0 || fractionDigits > 9) {
          return null;
        }
        nano = number(text, at + 1, fractionDigits) * (int) Math.pow(10, 9 - fractionDigits);
        at = end;
      }
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
    if (at == text.length()) {
      return new Parsed(local, null);
    }
    ZoneOffset offset = parseOffset(text, at);
    return offset == null ? null : new Parsed(local, offset);
  }

  private static ZoneOffset parseOffset(String text, int at) {
    int rest = text.length() - at;
    char sign = text.charAt(at);
    if (rest == 1 && (sign == 'Z' || sign == 'z')) {
      return ZoneOffset.UTC;
    }
    if ((sign != '+' && sign != '-') || !digits(text, at + 1, 2)) {
      return null;
    }
    int hours = number(text, at + 1, 2);
    int minutes;
    if (rest == 3) {
      minutes = 0;
    } else if (rest == 6 && text.charAt(at + 3) == ':' && digits(text, at + 4, 2)) {
      minutes = number(text, at + 4, 2);
    } else if (rest == 5 && digits(text, at + 3, 2)) {
      minutes = number(text, at + 3, 2);
    } else {
      return null;
    }
    int signum = sign == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(signum * hours, signum * minutes);
  }

  private static boolean digits(String text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
