package org.doppel.runtime.scenario;

import java.util.Objects;

/**
 * Where a scenario value came from: a file position, or a {@code --set} argument.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file as the user named it, or {@code --set key=value}
 * @param line the 1-based line, or 0 when the source has no lines (a {@code --set})
 * @param column the 1-based column, or 0 when the source has no lines
 */
public record SourceLocation(String source, int line, int column) {

  public SourceLocation {
    Objects.requireNonNull(source, "source");
  }

  /** A location without a line, such as a {@code --set} argument. */
  static SourceLocation of(String source) {
    return new SourceLocation(source, 0, 0);
  }

  /** {@code source:line:column}, or just {@code source} when there is no line. */
  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}
