package org.doppel.domains.medical.pk;

/**
 * A pharmacokinetic data file that cannot be read as a study: the message names the file,
 * the line and the column, and says what is wrong there.
 */
public final class PkDataException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;

  PkDataException(String file, long line, String column, String reason) {
    super(file + (line > 0 ? " line " + line : "") + (column == null ? "" : ", column "
        + column) + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** The file's name. */
  public String file() {
    return file;
  }

  /** The line in the file (the header is line 1), or 0 when the fault is not on one line. */
  public long line() {
    return line;
  }

  /** The column's name, or {@code null} when the fault is not in one column. */
  public String column() {
    return column;
  }
}
