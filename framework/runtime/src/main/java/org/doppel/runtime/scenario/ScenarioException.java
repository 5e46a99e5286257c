package org.doppel.runtime.scenario;

import java.util.Objects;

/**
 * A scenario is invalid: the message reads
 * {@code scenarios/smart-grid.yaml:14:13: surrogate.epochs: must be a whole number >= 1,
 * got -3}, naming the file (or {@code --set} argument), line, column, dotted field path and
 * reason.
 */
public class ScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final SourceLocation location;
  private final String path;
  private final String reason;

  /**
   * @param location where the faulty value (or the section lacking it) is
   * @param path the dotted field path, such as {@code compression[0].sparsity}; {@code ""}
   *     for the document as a whole
   * @param reason what is wrong, in the user's terms
   */
  public ScenarioException(SourceLocation location, String path, String reason) {
    super(location + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
    this.location = Objects.requireNonNull(location, "location");
    this.path = path;
    this.reason = reason;
  }

  public SourceLocation location() {
    return location;
  }

  /** The dotted field path; {@code ""} for the whole document. */
  public String path() {
    return path;
  }

  /** The reason alone, without location and path. */
  public String reason() {
    return reason;
  }
}
