package org.doppel.sdk.study;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a study keeps. Everything goes into the run folder ({@code metrics.json},
 * {@code tables/*.csv}, named files) and into {@code report.html} in the order reported.
 * Files are written atomically. Names are lower-case words joined by {@code _}, {@code -},
 * {@code .} or {@code /}; anything else is an {@link IllegalArgumentException}.
 */
@ProviderType
public interface StudyReport {

  /** A heading that starts a new part of the report. */
  void heading(String title);

  /** A paragraph of plain text (data provenance, what a figure shows, a limitation). */
  void paragraph(String text);

  /**
   * A figure for {@code metrics.json}, such as {@code motorway/alinea/total_time_spent_veh_h};
   * the unit is part of the name. A non-finite value is recorded as {@code null}.
   */
  void metric(String name, double value);

  /**
   * A table, shown in the report and written as {@code tables/<name>.csv}.
   *
   * @param rows each row has one cell per column: a number, a string or {@code null}
   */
  void table(String name, String title, List<String> columns, List<List<Object>> rows);

  /** A chart, drawn into the report as a PNG and written as {@code charts/<name>.png}. */
  void chart(String name, Chart chart);

  /**
   * A CSV file in the run folder, such as {@code forecasts.csv}, without a report entry.
   */
  void csv(String fileName, List<String> columns, List<List<Object>> rows);

  /** Any other file in the run folder (a model, a JSON document). */
  void file(String fileName, byte[] content);
}
