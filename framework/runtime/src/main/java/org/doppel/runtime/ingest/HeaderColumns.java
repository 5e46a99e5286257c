package org.doppel.runtime.ingest;

import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.data.IngestSpec;

/**
 * Where the spec's timestamp and value columns sit in a file's header. Names match exactly,
 * or after trimming surrounding spaces. Immutable.
 */
final class HeaderColumns {

  private final int width;
  private final int timestamp;
  private final int[] values;

  private HeaderColumns(int width, int timestamp, int[] values) {
    this.width = width;
    this.timestamp = timestamp;
    this.values = values;
  }

  /** Finds every declared column; all missing ones are reported together, then thrown. */
  static HeaderColumns resolve(List<String> header, IngestSpec spec, IssueCollector issues) {
    int timestamp = find(header, spec.timestampColumn(), issues);
    int[] values = new int[spec.columns().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = find(header, spec.columns().get(i).name(), issues);
    }
    issues.throwIfAny();
    return new HeaderColumns(header.size(), timestamp, values);
  }

  int width() {
    return width;
  }

  int timestamp() {
    return timestamp;
  }

  /** The header position of the spec's value column {@code column}. */
  int value(int column) {
    return values[column];
  }

  private static int find(List<String> header, String name, IssueCollector issues) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals(name) || header.get(i).strip().equals(name)) {
        found.add(i);
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      issues.add(1, name, "missing column '" + name + "': the header's columns are "
          + visible(header) + markHint(header, name));
    } else {
      issues.add(1, name, "column '" + name + "' appears " + found.size()
          + " times in the header, at positions " + positions(found));
    }
    return -1;
  }

  private static String markHint(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).replace("\uFEFF", "").strip().equals(name)) {
        return "; header column " + (i + 1) + " holds a byte-order mark (U+FEFF), which is"
            + " removed only at the very start of the file";
      }
    }
    return "";
  }

  private static List<String> visible(List<String> header) {
    return header.stream().map(name -> name.replace("\uFEFF", "<U+FEFF>")).toList();
  }

  private static List<Integer> positions(List<Integer> indexes) {
    return indexes.stream().map(i -> i + 1).toList();
  }

  static void checkSpec(IngestSpec spec) {
    if (spec.columns().isEmpty()) {
      throw new IllegalArgumentException("the ingest spec names no value columns");
    }
    List<String> names = new ArrayList<>();
    for (Column column : spec.columns()) {
      if (column.name().equals(spec.timestampColumn()) || names.contains(column.name())) {
        throw new IllegalArgumentException("the ingest spec names column '" + column.name()
            + "' twice (value columns " + spec.columns() + ", timestamp column '"
            + spec.timestampColumn() + "')");
      }
      names.add(column.name());
    }
  }
}
