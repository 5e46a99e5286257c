package org.doppel.sdk.data;

/**
 * One problem found in a source file, located so a user can open the file and see it.
 *
 * @param file the file's path as given
 * @param line the 1-based line number in the file
 * @param column the column's name, or {@code ""} when the problem concerns the whole line
 * @param message what is wrong, in the user's terms
 */
public record DataIssue(String file, long line, String column, String message) {

  @Override
  public String toString() {
    return file + ":" + line + (column.isEmpty() ? "" : " [" + column + "]") + ": " + message;
  }
}
