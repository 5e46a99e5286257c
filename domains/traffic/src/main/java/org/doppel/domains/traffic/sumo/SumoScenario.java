package org.doppel.domains.traffic.sumo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
   * @throws IOException when the routes do not parse, naming the file
   */
  public static Map<String, String> departureEdges() throws IOException {
    Map<String, String> edges = new HashMap<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(open(ROUTES)))) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      String vehicle = null;
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String tag = xml.getLocalName();
        if (tag.equals("vehicle")) {
          vehicle = xml.getAttributeValue(null, "id");
        } else if (tag.equals("route") && vehicle != null) {
          String route = xml.getAttributeValue(null, "edges").trim();
          int space = route.indexOf(' ');
          edges.put(vehicle, space < 0 ? route : route.substring(0, space));
          vehicle = null;
        }
      }
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("the bundle's " + RESOURCES + ROUTES + " does not parse: "
          + e.getMessage(), e);
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
