package org.doppel.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the package names and versions of an OSGi {@code Export-Package} header. Clauses
 * and parameters are split outside double quotes only, so version ranges and
 * {@code uses:="a,b"} lists stay whole; directives other than the version are dropped,
 * because the system bundle needs none of them.
 */
final class ExportHeader {

  private ExportHeader() {
  }

  /**
   * Pairs of package name and version ({@code ""} where the clause names none), in header
   * order; a package may appear more than once with different versions.
   */
  static List<String[]> parse(String header) {
    List<String[]> packages = new ArrayList<>();
    for (String clause : split(header, ',')) {
      List<String> names = new ArrayList<>();
      String version = "";
      for (String part : split(clause, ';')) {
        String item = part.strip();
        int equals = item.indexOf('=');
        if (equals < 0) {
          names.add(item);
        } else {
          String key = item.substring(0, equals).strip();
          if (key.equals("version") || key.equals("version:Version")
              || key.equals("specification-version")) {
            version = unquote(item.substring(equals + 1).strip());
          }
        }
      }
      for (String name : names) {
        if (!name.isEmpty()) {
          packages.add(new String[] {name, version});
        }
      }
    }
    return packages;
  }

  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1) : value;
  }
}
