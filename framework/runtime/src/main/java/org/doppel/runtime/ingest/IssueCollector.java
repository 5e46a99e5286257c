package org.doppel.runtime.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.doppel.sdk.data.DataIssue;
import org.doppel.sdk.data.IngestException;

/**
 * Gathers the problems of one file so they can be reported together, in file order.
 *
 * <p>Not thread-safe: one collector per read. Keeps at most {@value #LIMIT} issues, so a
 * file that is wrong on every line cannot exhaust memory; the rest are summarised.
 */
final class IssueCollector {

  static final int LIMIT = 1000;

  private final String file;
  private final List<DataIssue> issues = new ArrayList<>();
  private long suppressed;

  IssueCollector(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(long line, String column, String message) {
    if (issues.size() < LIMIT) {
      issues.add(new DataIssue(file, line, column, message));
    } else {
      suppressed++;
    }
  }

  boolean isEmpty() {
    return issues.isEmpty();
  }

  /** Throws one exception listing every problem found so far, if there is any. */
  void throwIfAny() {
    if (!issues.isEmpty()) {
      throw toException();
    }
  }

  /** Adds this problem and returns the exception to throw at once, listing all so far. */
  IngestException fail(long line, String column, String message) {
    add(line, column, message);
    return toException();
  }

  private IngestException toException() {
    List<DataIssue> sorted = new ArrayList<>(issues);
    sorted.sort(Comparator.comparingLong(DataIssue::line));
    if (suppressed > 0) {
      long lastLine = sorted.get(sorted.size() - 1).line();
      sorted.add(new DataIssue(file, lastLine, "",
          "and " + suppressed + " more problem(s) not listed"));
    }
    return new IngestException(sorted);
  }
}
