package org.doppel.domains.medical.glucose;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The simglucose parameter tables shipped in the bundle: the 30 virtual patients with their
 * therapy parameters, the insulin pumps and the CGM sensors. A missing column, a missing
 * patient in {@code Quest.csv} or a value that is not a finite number is an
 * {@link IllegalArgumentException} naming the file, line and column. Immutable and
 * thread-safe.
 */
public final class GlucoseTables {

  /** The bundle folder of the tables. */
  static final String FOLDER = "/org/doppel/domains/medical/data/glucose/";
  static final String PATIENTS = "vpatient_params.csv";
  static final String THERAPY = "Quest.csv";
  static final String PUMPS = "pump_params.csv";
  static final String SENSORS = "sensor_params.csv";

  /** The data attribution for the domain's {@code dataAttribution()}. */
  public static final String ATTRIBUTION = "Glucose: virtual-patient, pump and CGM parameter"
      + " tables of simglucose (Jinyu Xie, Simglucose v0.2.1, 2018,"
      + " https://github.com/jxx123/simglucose, MIT licence, Copyright (c) 2017 Jinyu Xie),"
      + " for the UVA/Padova type 1 diabetes model (Dalla Man, Rizza, Cobelli, IEEE Trans."
      + " Biomed. Eng. 54(10), 2007; Dalla Man et al., J. Diabetes Sci. Technol. 8(1), 2014)."
      + " In-silico patients, not real people; every glucose trace is simulator output.";

  private final Map<String, VirtualPatient> patients;
  private final Map<String, InsulinPump> pumps;
  private final Map<String, SensorModel> sensors;

  private GlucoseTables(Map<String, VirtualPatient> patients, Map<String, InsulinPump> pumps,
      Map<String, SensorModel> sensors) {
    this.patients = Collections.unmodifiableMap(patients);
    this.pumps = Collections.unmodifiableMap(pumps);
    this.sensors = Collections.unmodifiableMap(sensors);
  }

  /** Reads the tables shipped in the bundle. */
  public static GlucoseTables load() throws IOException {
    return load(name -> GlucoseTables.class.getResourceAsStream(FOLDER + name));
  }

  /** Reads the four tables through {@code open}, which returns null for a missing file. */
  static GlucoseTables load(Function<String, InputStream> open) throws IOException {
    Map<String, Map<String, Double>> therapy = new HashMap<>();
    for (Row row : rows(open, THERAPY)) {
      Map<String, Double> values = new HashMap<>();
      for (String column : VirtualPatient.THERAPY_COLUMNS) {
        values.put(column, row.number(column));
      }
      therapy.put(row.text("Name"), values);
    }

    Map<String, VirtualPatient> patients = new LinkedHashMap<>();
    for (Row row : rows(open, PATIENTS)) {
      String name = row.text("Name");
      double[] x0 = new double[VirtualPatient.STATES];
      for (int i = 0; i < x0.length; i++) {
        x0[i] = row.number(String.format("x0_%2d", i + 1));
      }
      Map<String, Double> model = new HashMap<>();
      for (String column : VirtualPatient.MODEL_COLUMNS) {
        model.put(column, row.number(column));
      }
      Map<String, Double> quest = therapy.get(name);
      if (quest == null) {
        throw new IllegalArgumentException(THERAPY + ": no row for patient '" + name
            + "' of " + PATIENTS + " line " + row.line());
      }
      patients.put(name, new VirtualPatient(name, x0, model, quest));
    }

    Map<String, InsulinPump> pumps = new LinkedHashMap<>();
    for (Row row : rows(open, PUMPS)) {
      String name = row.text("Name");
      pumps.put(name, new InsulinPump(name, row.number("min_bolus"), row.number("max_bolus"),
          row.number("inc_bolus"), row.number("min_basal"), row.number("max_basal"),
          row.number("inc_basal"), row.number("sample_time")));
    }

    Map<String, SensorModel> sensors = new LinkedHashMap<>();
    for (Row row : rows(open, SENSORS)) {
      String name = row.text("Name");
      sensors.put(name, new SensorModel(name, row.number("PACF"), row.number("gamma"),
          row.number("lambda"), row.number("delta"), row.number("xi"),
          row.number("sample_time"), row.number("min"), row.number("max")));
    }
    return new GlucoseTables(patients, pumps, sensors);
  }

  /**
   * The shipped tables for the domain's {@code datasets()}: {@code simglucose-patients},
   * {@code simglucose-therapy}, {@code simglucose-pumps} and {@code simglucose-sensors}.
   */
  public static Map<String, URL> datasets() {
    Map<String, URL> datasets = new LinkedHashMap<>();
    datasets.put("simglucose-patients", resource(PATIENTS));
    datasets.put("simglucose-therapy", resource(THERAPY));
    datasets.put("simglucose-pumps", resource(PUMPS));
    datasets.put("simglucose-sensors", resource(SENSORS));
    return Collections.unmodifiableMap(datasets);
  }

  private static URL resource(String file) {
    URL url = GlucoseTables.class.getResource(FOLDER + file);
    if (url == null) {
      throw new IllegalStateException("glucose parameter table " + file + " is missing from "
          + FOLDER);
    }
    return url;
  }

  /** Patients by name, in file order. */
  public Map<String, VirtualPatient> patients() {
    return patients;
  }

  /** Pumps by name. */
  public Map<String, InsulinPump> pumps() {
    return pumps;
  }

  /** Sensors by name. */
  public Map<String, SensorModel> sensors() {
    return sensors;
  }

  /** The patient with this name, or an error listing the known names. */
  public VirtualPatient patient(String name) {
    VirtualPatient patient = patients.get(name);
    if (patient == null) {
      throw new IllegalArgumentException("no virtual patient '" + name + "'; known: "
          + patients.keySet());
    }
    return patient;
  }

  private static List<Row> rows(Function<String, InputStream> open, String file)
      throws IOException {
    InputStream in = open.apply(file);
    if (in == null) {
      throw new IOException("glucose parameter table " + file + " is missing from "
          + FOLDER);
    }
    // The header is read verbatim: vpatient_params.csv names columns "x0_ 1" with a space.
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(false).build();
    List<Row> rows = new ArrayList<>();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      for (CSVRecord record : parser) {
        // Line numbers count the header as line 1.
        rows.add(new Row(file, record.getRecordNumber() + 1, header, record));
      }
    }
    return rows;
  }

  /** One record with located errors. */
  private record Row(String file, long line, Map<String, Integer> header, CSVRecord record) {

    String text(String column) {
      Integer index = header.get(column);
      if (index == null) {
        throw new IllegalArgumentException(file + ": no column '" + column + "' in the header "
            + header.keySet());
      }
      if (index >= record.size()) {
        throw new IllegalArgumentException(file + " line " + line + ", column '" + column
            + "': the row has only " + record.size() + " values");
      }
      return record.get(index).trim();
    }

    double number(String column) {
      String text = text(column);
      try {
        double value = Double.parseDouble(text);
        if (Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the location
      }
      throw new IllegalArgumentException(file + " line " + line + ", column '" + column
          + "': expected a finite number, got '" + text + "'");
    }
  }
}
