package org.doppel.runtime.scenario;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.data.IngestSpec;
import org.doppel.sdk.data.IngestSpec.DuplicatePolicy;
import org.doppel.sdk.data.IngestSpec.GapPolicy;
import org.doppel.sdk.data.IngestSpec.MissingValuePolicy;

/**
 * Turns a scenario's {@code data} section into the SDK's {@link IngestSpec}, with located
 * errors.
 *
 * <pre>
 * data:
 *   dataset: demand                  # or  file: demand.csv  (exactly one of the two)
 *   timestamp: {column: timestamp, format: iso}   # or just the column name; iso default
 *   interval: 30m                    # 1mo / P1M for calendar months
 *   columns:
 *     - {name: demand_mw, unit: MW}  # or just the name, unit ""
 *   target: demand_mw                # optional; must be one of the columns
 *   repair: {gaps: fail|interpolate, duplicates: fail|mean, missing: fail|interpolate}
 * </pre>
 *
 * Stateless.
 */
public final class IngestSpecs {

  /** The keys a {@code data} section may hold. */
  public static final Set<String> DATA_KEYS =
      Set.of("dataset", "file", "timestamp", "interval", "columns", "target", "repair");

  private static final Set<String> TIMESTAMP_KEYS = Set.of("column", "format");
  private static final Set<String> COLUMN_KEYS = Set.of("name", "unit");
  private static final Set<String> REPAIR_KEYS = Set.of("gaps", "duplicates", "missing");

  private IngestSpecs() {
  }

  /**
   * The ingest spec the {@code data} section declares; the source ({@code dataset} or
   * {@code file}) is read by the caller.
   *
   * @throws ScenarioException naming the faulty field: an unknown key, neither or both of
   *     {@code dataset} and {@code file}, a bad timestamp format, interval or policy, no or
   *     repeated columns, or a target that is not a column
   */
  public static IngestSpec ingestSpec(ScenarioSection data) {
    data.requireOnly(DATA_KEYS);
    checkSource(data);
    String[] timestamp = timestamp(data);
    List<Column> columns = columns(data);
    checkTarget(data, columns);
    Optional<ScenarioSection> repair = data.optionalSection("repair")
        .map(section -> section.requireOnly(REPAIR_KEYS));
    return new IngestSpec(timestamp[0], timestamp[1], columns, data.getDuration("interval"),
        repair.map(r -> r.getEnum("gaps", GapPolicy.class, GapPolicy.FAIL))
            .orElse(GapPolicy.FAIL),
        repair.map(r -> r.getEnum("duplicates", DuplicatePolicy.class, DuplicatePolicy.FAIL))
            .orElse(DuplicatePolicy.FAIL),
        repair.map(r -> r.getEnum("missing", MissingValuePolicy.class,
            MissingValuePolicy.FAIL)).orElse(MissingValuePolicy.FAIL));
  }

  private static void checkSource(ScenarioSection data) {
    if (data.has("dataset") == data.has("file")) {
      throw data.has("file")
          ? data.error("file", "give either 'dataset' or 'file', not both")
          : data.error("give 'dataset' (a dataset the domain ships) or 'file' (a CSV path)");
    }
  }

  /** {@code {column, format}}; a plain value names the column, in ISO format. */
  private static String[] timestamp(ScenarioSection data) {
    if (!data.has("timestamp") || data.isPlainValue("timestamp")) {
      return new String[] {data.getString("timestamp", "timestamp"), "iso"};
    }
    ScenarioSection timestamp = data.section("timestamp").requireOnly(TIMESTAMP_KEYS);
    String format = timestamp.getString("format", "iso");
    if (!format.toLowerCase(Locale.ROOT).equals("iso")) {
      try {
        DateTimeFormatter.ofPattern(format, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw timestamp.error("format", "must be 'iso' or a date-time pattern such as"
            + " 'yyyy-MM-dd HH:mm'; " + e.getMessage());
      }
    }
    return new String[] {timestamp.getString("column", "timestamp"), format};
  }

  private static List<Column> columns(ScenarioSection data) {
    List<ScenarioSection> items = data.sections("columns", "name");
    if (items.isEmpty()) {
      throw data.error("columns", "required: list the value columns, such as"
          + " [{name: demand_mw, unit: MW}]");
    }
    List<Column> columns = new ArrayList<>();
    for (ScenarioSection item : items) {
      item.requireOnly(COLUMN_KEYS);
      Column column = new Column(item.getString("name"), item.getString("unit", ""));
      if (columns.stream().anyMatch(known -> known.name().equals(column.name()))) {
        throw item.error("name", "column '" + column.name() + "' is listed twice");
      }
      columns.add(column);
    }
    return columns;
  }

  private static void checkTarget(ScenarioSection data, List<Column> columns) {
    if (!data.has("target")) {
      return;
    }
    String target = data.getString("target");
    List<String> names = columns.stream().map(Column::name).toList();
    if (!names.contains(target)) {
      String hint = Suggestions.closest(target, names)
          .map(near -> "; did you mean '" + near + "'?").orElse("");
      throw data.error("target", "must be one of the columns " + names + ", got '" + target
          + "'" + hint);
    }
  }
}
