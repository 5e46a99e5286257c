package org.doppel.runtime.study;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a study gives what it reports: lower-case words (letters and digits) joined by
 * single {@code _ - . /}, so that no name is absolute, holds {@code ..}, or leaves the run
 * folder. Stateless.
 */
final class StudyNames {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+([_./-][a-z0-9]+)*");

  /** Files the framework itself writes at the top of the run folder. */
  private static final Set<String> RESERVED = Set.of("metrics.json", "report.html",
      "scenario.yaml", "error.txt");

  /** Folders the framework fills from tables and charts. */
  private static final Set<String> FRAMEWORK_FOLDERS = Set.of("tables", "charts");

  private StudyNames() {
  }

  /**
   * {@code name} when it is well formed.
   *
   * @param kind what is named, for the error ({@code metric}, {@code table})
   * @throws IllegalArgumentException naming the kind, the name and the rule
   */
  static String check(String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(kind + " name '" + name + "' is not allowed: use"
          + " lower-case words (a-z, 0-9) joined by single '_', '-', '.' or '/', such as"
          + " motorway/alinea/total_time_spent_veh_h");
    }
    return name;
  }

  /**
   * {@code name} when it is well formed and names none of the framework's own files
   * ({@code metrics.json}, {@code report.html}, {@code scenario.yaml}, {@code error.txt},
   * {@code tables/}, {@code charts/}).
   */
  static String checkFile(String kind, String name) {
    check(kind, name);
    int slash = name.indexOf('/');
    String top = slash < 0 ? name : name.substring(0, slash);
    if (RESERVED.contains(name) || FRAMEWORK_FOLDERS.contains(top)) {
      throw new IllegalArgumentException(kind + " name '" + name + "' is taken by the"
          + " framework's own output (" + RESERVED + ", tables/, charts/); report a table or"
          + " chart through table() or chart(), or choose another name");
    }
    return name;
  }
}
