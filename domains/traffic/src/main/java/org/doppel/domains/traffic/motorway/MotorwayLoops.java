package org.doppel.domains.traffic.motorway;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.doppel.domains.traffic.CsvRows;
import org.doppel.domains.traffic.Mornings;
import org.doppel.sdk.PluginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The motorway corridor's loop data, aggregated per station and minute: the SUMO-simulated
 * set {@code sumo-motorway-loops} (simulator output, not field data) or any set in its
 * layout ({@code detectors.csv}, {@code edges.csv}, {@code loops_1min.csv}).
 *
 * <p>A station is the mainline loops sharing a station prefix ({@code S01_...}); its flow is
 * the sum over lanes (veh/h), its density the sum over lanes of occupancy / mean vehicle
 * length (veh/km; {@value #DEFAULT_VEHICLE_LENGTH_M} m when no vehicle passed), its speed the
 * count-weighted mean of the lanes' mean speeds (m/s, {@code NaN} when no vehicle passed).
 *
 * <p>Bad input is an error naming the file, line and column: a detector id not in
 * {@code detectors.csv}, a negative or non-numeric count, an occupancy outside [0, 100], a
 * missing or repeated minute. One fault is repaired and counted instead ({@link #repairs()}):
 * a speed given for a minute in which no vehicle passed is dropped, as the count says no
 * vehicle was measured. Immutable and thread-safe.
 */
public final class MotorwayLoops {

  /** The mean vehicle length of the data's mix (92 % 4.5 m cars, 8 % 12 m trucks). */
  public static final double DEFAULT_VEHICLE_LENGTH_M = 5.1;

  static final String DETECTORS = "detectors.csv";
  static final String EDGES = "edges.csv";
  static final String LOOPS = "loops_1min.csv";
  static final String ON_RAMP = "onRamp";
  static final String OFF_RAMP = "offRamp";

  private static final Logger LOG = LoggerFactory.getLogger(MotorwayLoops.class);
  private static final String SHIPPED = "/org/doppel/domains/traffic/data/motorway/";

  private final List<Station> stations;
  private final int startSecond;
  private final double[][] flow;
  private final double[][] density;
  private final double[][] speed;
  private final double[] onRampFlow;
  private final double[] offRampFlow;
  private final double onRampX;
  private final double offRampX;
  private final double onRampLength;
  private final List<String> repairs;

  /** One mainline station: its name ({@code S01}), chainage (m) and number of lanes. */
  public record Station(String name, double x, int lanes) {
  }

  private MotorwayLoops(Builder b) {
    this.stations = List.copyOf(b.stations);
    this.startSecond = b.startSecond;
    this.flow = b.flow;
    this.density = b.density;
    this.speed = b.speed;
    this.onRampFlow = b.onRampFlow;
    this.offRampFlow = b.offRampFlow;
    this.onRampX = b.onRampX;
    this.offRampX = b.offRampX;
    this.onRampLength = b.onRampLength;
    this.repairs = List.copyOf(b.repairs);
  }

  /** The set shipped in the traffic bundle. */
  public static MotorwayLoops shipped() throws IOException {
    return read(MotorwayLoops::shippedFile);
  }

  /**
   * The extra simulated mornings shipped in the traffic bundle (same corridor and loops,
   * other seeds and demand levels; see the data README), in manifest order.
   */
  public static List<MotorwayLoops> shippedMornings() throws IOException {
    return readMornings(MotorwayLoops::shippedFile);
  }

  private static InputStream shippedFile(String name) throws IOException {
    InputStream in = MotorwayLoops.class.getResourceAsStream(SHIPPED + name);
    if (in == null) {
      throw new java.io.FileNotFoundException("the traffic bundle lacks " + SHIPPED + name);
    }
    return in;
  }

  /** Opens one of the set's files by name. */
  @FunctionalInterface
  public interface Source {
    InputStream open(String fileName) throws IOException;
  }

  /**
   * Reads a set.
   *
   * @throws PluginException naming the file, line and column of bad input
   */
  public static MotorwayLoops read(Source source) throws IOException {
    return read(source, LOOPS);
  }

  /**
   * Reads a set whose loop rows are in {@code loopsFile} (gzip when it ends in {@code .gz})
   * rather than {@value #LOOPS}.
   *
   * @throws PluginException naming {@code loopsFile}, the line and column of bad input
   */
  public static MotorwayLoops read(Source source, String loopsFile) throws IOException {
    Builder b = new Builder(loopsFile);
    try (Reader detectors = reader(source, DETECTORS); Reader edges = reader(source, EDGES)) {
      b.readDetectors(detectors);
      b.readEdges(edges);
    }
    try (Reader loops = reader(source, loopsFile)) {
      b.readLoops(loops);
    }
    if (!b.repairs.isEmpty()) {
      LOG.warn("Motorway loop data [{}] repaired [{}] value(s); first: [{}]", loopsFile,
          b.repairs.size(), b.repairs.get(0));
    }
    return new MotorwayLoops(b);
  }

  /**
   * Reads the extra mornings the set's manifest ({@value Mornings#MANIFEST}) lists, each
   * through the same checks as {@link #read(Source)}; none when the set has no manifest.
   * Each must cover the same minutes as the others.
   *
   * @throws PluginException naming the morning's file, line and column of bad input
   */
  public static List<MotorwayLoops> readMornings(Source source) throws IOException {
    List<Mornings.Morning> listed;
    try (InputStream manifest = source.open(Mornings.MANIFEST)) {
      listed = Mornings.read(manifest, Mornings.MANIFEST);
    } catch (java.io.FileNotFoundException e) {
      return List.of();
    }
    List<MotorwayLoops> mornings = new ArrayList<>();
    for (Mornings.Morning morning : listed) {
      MotorwayLoops loops = read(source, morning.file());
      long rows = (long) loops.minutes() * (2 + loops.stations.stream()
          .mapToInt(Station::lanes).sum());
      if (rows != morning.rows()) {
        throw new PluginException(morning.file() + ": " + rows + " loop rows, but "
            + Mornings.MANIFEST + " lists " + morning.rows());
      }
      if (!mornings.isEmpty() && (loops.startSecond != mornings.get(0).startSecond
          || loops.minutes() != mornings.get(0).minutes())) {
        throw new PluginException(morning.file() + ": covers " + loops.minutes()
            + " minutes from second " + loops.startSecond + ", the first morning "
            + mornings.get(0).minutes() + " from " + mornings.get(0).startSecond);
      }
      mornings.add(loops);
    }
    return List.copyOf(mornings);
  }

  private static Reader reader(Source source, String name) throws IOException {
    return new InputStreamReader(CsvRows.unpacked(source.open(name), name),
        StandardCharsets.UTF_8);
  }

  public List<Station> stations() {
    return stations;
  }

  /** The number of minutes of data. */
  public int minutes() {
    return flow[0].length;
  }

  /** The simulated clock's second of the first minute (21600 = 06:00). */
  public int startSecond() {
    return startSecond;
  }

  /** Station flow, veh/h, {@code [station][minute]}. */
  public double[][] flow() {
    return copy(flow);
  }

  /** Station density over all lanes, veh/km, {@code [station][minute]}. */
  public double[][] density() {
    return copy(density);
  }

  /** Station mean speed, m/s, {@code [station][minute]}; NaN when no vehicle passed. */
  public double[][] speed() {
    return copy(speed);
  }

  /** On-ramp loop flow per minute, veh/h. */
  public double[] onRampFlow() {
    return onRampFlow.clone();
  }

  /** Off-ramp loop flow per minute, veh/h. */
  public double[] offRampFlow() {
    return offRampFlow.clone();
  }

  /** Chainage where the on-ramp joins the mainline, m. */
  public double onRampX() {
    return onRampX;
  }

  /** Chainage where the off-ramp leaves the mainline, m. */
  public double offRampX() {
    return offRampX;
  }

  /** The on-ramp's length, m (its queue storage). */
  public double onRampLength() {
    return onRampLength;
  }

  /** What was repaired while reading, one line per value; empty for clean data. */
  public List<String> repairs() {
    return repairs;
  }

  /** {@code hh:mm} of a minute index on the simulated clock. */
  public String clock(int minute) {
    int s = startSecond + 60 * minute;
    return String.format("%02d:%02d", s / 3600, s % 3600 / 60);
  }

  private static double[][] copy(double[][] m) {
    return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
  }

  /** Reading state; one per read. */
  private static final class Builder {

    private final Map<String, Integer> stationOf = new HashMap<>();
    private final Map<String, String> rampOf = new HashMap<>();
    private final List<Station> stations = new ArrayList<>();
    private final List<String> repairs = new ArrayList<>();
    private int startSecond;
    private double[][] flow;
    private double[][] density;
    private double[][] speed;
    private double[] onRampFlow;
    private double[] offRampFlow;
    private double onRampX = Double.NaN;
    private double offRampX = Double.NaN;
    private double onRampLength = Double.NaN;
    private final String loopsFile;

    Builder(String loopsFile) {
      this.loopsFile = loopsFile;
    }

    void readDetectors(Reader in) throws IOException {
      Map<String, double[]> byStation = new TreeMap<>();
      List<String[]> loops = new ArrayList<>();
      for (CSVRecord r : parse(in, DETECTORS)) {
        String id = text(r, DETECTORS, "detector_id");
        String edge = text(r, DETECTORS, "edge_id");
        if (edge.equals(ON_RAMP) || edge.equals(OFF_RAMP)) {
          rampOf.put(id, edge);
          continue;
        }
        int cut = id.indexOf('_');
        if (cut < 1) {
          throw located(DETECTORS, r, "detector_id", "mainline detector '" + id
              + "' has no station prefix (expected Snn_xXXXX_lane)");
        }
        double x = number(r, DETECTORS, "x_m");
        double[] entry = byStation.computeIfAbsent(id.substring(0, cut), k -> new double[2]);
        entry[0] += x;
        entry[1]++;
        loops.add(new String[] {id, id.substring(0, cut)});
      }
      if (byStation.isEmpty()) {
        throw new PluginException(DETECTORS + ": no mainline detectors");
      }
      List<Map.Entry<String, double[]>> sorted = new ArrayList<>(byStation.entrySet());
      sorted.sort((p, q) -> Double.compare(p.getValue()[0] / p.getValue()[1],
          q.getValue()[0] / q.getValue()[1]));
      Map<String, Integer> index = new LinkedHashMap<>();
      for (Map.Entry<String, double[]> e : sorted) {
        index.put(e.getKey(), stations.size());
        double[] v = e.getValue();
        stations.add(new Station(e.getKey(), v[0] / v[1], (int) v[1]));
      }
      for (String[] loop : loops) {
        stationOf.put(loop[0], index.get(loop[1]));
      }
    }

    void readEdges(Reader in) throws IOException {
      for (CSVRecord r : parse(in, EDGES)) {
        String edge = text(r, EDGES, "edge_id");
        if (edge.equals(ON_RAMP)) {
          onRampX = number(r, EDGES, "to_x_m");
          onRampLength = number(r, EDGES, "length_m");
        } else if (edge.equals(OFF_RAMP)) {
          offRampX = number(r, EDGES, "from_x_m");
        }
      }
      if (Double.isNaN(onRampX) || Double.isNaN(offRampX)) {
        throw new PluginException(EDGES + ": needs the edges '" + ON_RAMP + "' and '"
            + OFF_RAMP + "'");
      }
    }

    void readLoops(Reader in) throws IOException {
      List<CSVRecord> records = parse(in, loopsFile);
      if (records.isEmpty()) {
        throw new PluginException(loopsFile + ": no rows");
      }
      startSecond = (int) number(records.get(0), loopsFile, "interval_begin_s");
      int last = startSecond;
      for (CSVRecord r : records) {
        last = Math.max(last, (int) number(r, loopsFile, "interval_begin_s"));
      }
      int minutes = (last - startSecond) / 60 + 1;
      int n = stations.size();
      flow = new double[n][minutes];
      density = new double[n][minutes];
      double[][] speedSum = new double[n][minutes];
      double[][] counted = new double[n][minutes];
      onRampFlow = new double[minutes];
      offRampFlow = new double[minutes];
      Map<String, boolean[]> seen = new HashMap<>();
      for (CSVRecord r : records) {
        readRow(r, minutes, seen, speedSum, counted);
      }
      checkComplete(seen, minutes);
      speed = new double[n][minutes];
      for (int s = 0; s < n; s++) {
        for (int m = 0; m < minutes; m++) {
          speed[s][m] = counted[s][m] > 0 ? speedSum[s][m] / counted[s][m] : Double.NaN;
        }
      }
    }

    private void readRow(CSVRecord r, int minutes, Map<String, boolean[]> seen,
        double[][] speedSum, double[][] counted) {
      String id = text(r, loopsFile, "detector_id");
      Integer station = stationOf.get(id);
      String ramp = rampOf.get(id);
      if (station == null && ramp == null) {
        throw located(loopsFile, r, "detector_id", "detector '" + id + "' is not in the"
            + " network (" + DETECTORS + " lists " + (stationOf.size() + rampOf.size())
            + " loops)");
      }
      int begin = (int) number(r, loopsFile, "interval_begin_s");
      if ((begin - startSecond) % 60 != 0 || begin < startSecond) {
        throw located(loopsFile, r, "interval_begin_s", "interval start " + begin
            + " s is not a whole minute after the first, " + startSecond + " s");
      }
      int minute = (begin - startSecond) / 60;
      boolean[] minutesSeen = seen.computeIfAbsent(id, k -> new boolean[minutes]);
      if (minutesSeen[minute]) {
        throw located(loopsFile, r, "interval_begin_s", "detector '" + id
            + "' has a second row for the minute starting at " + begin + " s");
      }
      minutesSeen[minute] = true;

      double count = number(r, loopsFile, "veh_count");
      if (count < 0 || count != Math.rint(count)) {
        throw located(loopsFile, r, "veh_count", "vehicle count must be a whole number >= 0,"
            + " got " + r.get("veh_count"));
      }
      double occupancy = number(r, loopsFile, "occupancy_pct");
      if (occupancy < 0 || occupancy > 100) {
        throw located(loopsFile, r, "occupancy_pct", "occupancy must be within [0, 100] %,"
            + " got " + r.get("occupancy_pct"));
      }
      double meanSpeed = optional(r, loopsFile, "speed_m_per_s");
      if (count == 0 && !Double.isNaN(meanSpeed)) {
        repairs.add(loopsFile + ", line " + line(r) + ", column speed_m_per_s: speed "
            + r.get("speed_m_per_s") + " given with veh_count 0; dropped");
        meanSpeed = Double.NaN;
      }
      if (meanSpeed < 0) {
        throw located(loopsFile, r, "speed_m_per_s", "speed must not be negative, got "
            + r.get("speed_m_per_s"));
      }

      double perHour = count * 3600.0 / 60;
      if (ramp != null) {
        (ramp.equals(ON_RAMP) ? onRampFlow : offRampFlow)[minute] = perHour;
        return;
      }
      double length = count > 0 ? optional(r, loopsFile, "mean_length_m") : Double.NaN;
      double vehicleLength = Double.isNaN(length) || length <= 0 ? DEFAULT_VEHICLE_LENGTH_M
          : length;
      flow[station][minute] += perHour;
      density[station][minute] += occupancy / 100 / vehicleLength * 1000;
      if (count > 0) {
        speedSum[station][minute] += count * meanSpeed;
        counted[station][minute] += count;
      }
    }

    private void checkComplete(Map<String, boolean[]> seen, int minutes) {
      List<String> ids = new ArrayList<>(stationOf.keySet());
      ids.addAll(rampOf.keySet());
      ids.sort(null);
      for (String id : ids) {
        boolean[] minutesSeen = seen.get(id);
        if (minutesSeen == null) {
          throw new PluginException(loopsFile + ": detector '" + id + "' of " + DETECTORS
              + " has no rows");
        }
        for (int m = 0; m < minutes; m++) {
          if (!minutesSeen[m]) {
            throw new PluginException(loopsFile + ": detector '" + id + "' has no row for the"
                + " minute starting at " + (startSecond + 60 * m) + " s");
          }
        }
      }
    }

    private static List<CSVRecord> parse(Reader in, String file) throws IOException {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setTrim(true).build();
      try (CSVParser parser = format.parse(in)) {
        return parser.getRecords();
      } catch (IllegalStateException | java.io.UncheckedIOException e) {
        throw new PluginException(file + ": not readable as CSV: " + e.getMessage(), e);
      }
    }

    private static long line(CSVRecord r) {
      return r.getRecordNumber() + 1;
    }

    private static String text(CSVRecord r, String file, String column) {
      if (!r.isMapped(column)) {
        throw new PluginException(file + ": no column '" + column + "' in the header");
      }
      if (!r.isSet(column) || r.get(column).isEmpty()) {
        throw located(file, r, column, "value missing");
      }
      return r.get(column);
    }

    private static double number(CSVRecord r, String file, String column) {
      String value = text(r, file, column);
      try {
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) {
          throw located(file, r, column, "not a finite number: '" + value + "'");
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw located(file, r, column, "not a number: '" + value + "'");
      }
    }

    private static double optional(CSVRecord r, String file, String column) {
      if (!r.isMapped(column)) {
        throw new PluginException(file + ": no column '" + column + "' in the header");
      }
      return r.isSet(column) && !r.get(column).isEmpty() ? number(r, file, column)
          : Double.NaN;
    }

    private static PluginException located(String file, CSVRecord r, String column,
        String reason) {
      return new PluginException(file + ", line " + line(r) + ", column " + column + ": "
          + reason);
    }
  }
}
