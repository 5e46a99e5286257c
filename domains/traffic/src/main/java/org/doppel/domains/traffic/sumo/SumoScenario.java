package org.doppel.domains.traffic.sumo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The SUMO input files of the shipped grid, as {@code data/grid/regen.sh} steps 1-3 make
 * them (netgenerate, the vehicle mix, randomTrips with seed 42 and duarouter), shipped in
 * the bundle under {@value #RESOURCES} rather than regenerated at run time, so a run needs
 * the {@code sumo} binary only (not Python or sumo-tools). Stateless.
 */
public final class SumoScenario {

  /** Where the bundle holds the files. */
  public static final String RESOURCES = "/org/doppel/domains/traffic/sumo/";

  /** The network file. */
  public static final String NETWORK = "grid.net.xml";

  /** The routes (every vehicle, its type and its route), gzip-compressed. */
  public static final String ROUTES = "routes.rou.xml.gz";

  /** Simulation second of 06:00, where the demand starts and every signal cycle is aligned. */
  public static final double START_SECONDS = 21_600;

  private static final Pattern VEHICLE = Pattern.compile("<vehicle\\s+id=\"([^\"]+)\"");
  private static final Pattern ROUTE = Pattern.compile("<route\\s+edges=\"([^\"]+)\"");

  private SumoScenario() {
  }

  /**
   * Copies the network and routes into {@code folder} for SUMO to read.
   *
   * @throws IOException naming the file that could not be copied
   */
  public static void writeTo(Path folder) throws IOException {
    for (String name : new String[] {NETWORK, ROUTES}) {
      try (InputStream in = open(name)) {
        Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * The first edge of every vehicle's route, by vehicle id: where it enters the network.
   *
   * <p>Read line by line from the shipped file as duarouter writes it (a {@code <vehicle>}
   * line, then its {@code <route edges="...">} line), without an XML parser, so the bundle
   * imports no {@code javax.xml} package.
   *
   * @throws IOException when a vehicle has no route, naming the file and line
   */
  public static Map<String, String> departureEdges() throws IOException {
    Map<String, String> edges = new HashMap<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(open(ROUTES)), StandardCharsets.UTF_8))) {
      String vehicle = null;
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        Matcher id = VEHICLE.matcher(line);
        if (id.find()) {
          if (vehicle != null) {
            throw new IOException(RESOURCES + ROUTES + ":" + number + ": vehicle '"
                + vehicle + "' has no route before the next vehicle");
          }
          vehicle = id.group(1);
          continue;
        }
        Matcher route = ROUTE.matcher(line);
        if (vehicle != null && route.find()) {
          String first = route.group(1).trim().split(" ", 2)[0];
          edges.put(vehicle, first);
          vehicle = null;
        }
      }
    }
    return edges;
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = SumoScenario.class.getResourceAsStream(RESOURCES + name);
    if (in == null) {
      throw new IOException("the traffic bundle lacks its SUMO file " + RESOURCES + name);
    }
    return in;
  }
}
