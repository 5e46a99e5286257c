package org.doppel.sdk.data;

import java.util.List;

/** A source could not be read into a time series; every problem found is listed. */
public class IngestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<DataIssue> issues;

  public IngestException(List<DataIssue> issues) {
    super(describe(issues));
    this.issues = List.copyOf(issues);
  }

  /** Every problem found, in file order. */
  public List<DataIssue> issues() {
    return issues;
  }

  private static String describe(List<DataIssue> issues) {
    StringBuilder text = new StringBuilder(issues.size() + " problem(s) in input data:");
    issues.stream().limit(20).forEach(issue -> text.append("\n  ").append(issue));
    if (issues.size() > 20) {
      text.append("\n  ... and ").append(issues.size() - 20).append(" more");
    }
    return text.toString();
  }
}
