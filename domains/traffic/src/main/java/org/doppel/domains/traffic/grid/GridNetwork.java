package org.doppel.domains.traffic.grid;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.doppel.domains.traffic.CsvRows;

/**
 * The signalised street grid: its junctions, its links, its signalised approaches (one
 * store-and-forward queue each) and the loops on them. Immutable and thread-safe.
 *
 * <p>Junction ids are a column letter and a row digit ({@code A0} … {@code D3}), x growing
 * with the letter and y with the digit. Each junction runs two stages: north-south (the
 * approaches on vertical links) and east-west.
 */
public final class GridNetwork {

  /** The stage names, in input order within a junction. */
  public static final List<String> STAGES = List.of("ns", "ew");

  private final Map<String, Link> links;
  private final List<String> junctions;
  private final List<Approach> approaches;
  private final Map<String, Integer> approachOfDetector;
  private final List<String> detectors;
  private final Map<String, double[]> detectorPosition;

  private GridNetwork(Map<String, Link> links, Map<String, String> detectorEdge,
      Map<String, double[]> detectorPosition) {
    this.links = Map.copyOf(links);
    this.junctions = List.copyOf(new TreeSet<>(links.values().stream()
        .filter(Link::signalisedEnd).map(Link::toNode).toList()));
    List<Link> signalised = links.values().stream().filter(Link::signalisedEnd)
        .sorted(Comparator.comparing((Link l) -> junctions.indexOf(l.toNode()))
            .thenComparing(l -> stageOf(l)).thenComparing(Link::id))
        .toList();
    List<Approach> list = new ArrayList<>();
    Map<String, Integer> byDetector = new LinkedHashMap<>();
    for (Link link : signalised) {
      List<String> loops = detectorEdge.entrySet().stream()
          .filter(e -> e.getValue().equals(link.id())).map(Map.Entry::getKey).sorted()
          .toList();
      int index = list.size();
      loops.forEach(d -> byDetector.put(d, index));
      list.add(new Approach(index, link.id(), link.fromNode(), link.toNode(), stageOf(link),
          link.lanes(), link.lengthM(), !isJunctionId(link.fromNode()), loops));
    }
    this.approaches = List.copyOf(list);
    this.approachOfDetector = Map.copyOf(byDetector);
    this.detectors = list.stream().flatMap(a -> a.detectors().stream()).toList();
    this.detectorPosition = Map.copyOf(detectorPosition);
  }

  /**
   * Reads {@code edges.csv} and {@code detectors.csv}.
   *
   * @throws org.doppel.sdk.data.IngestException naming file, line and column of every problem,
   *     such as a loop on a link the network does not have
   */
  public static GridNetwork read(URL edges, URL detectors) throws IOException {
    Map<String, Link> links = new LinkedHashMap<>();
    CsvRows.read(edges, "edges.csv", List.of("edge_id", "from_node", "to_node", "length_m",
        "lanes", "speed_limit_m_per_s", "from_x_m", "from_y_m", "to_x_m", "to_y_m",
        "signalised_end"), row -> {
          String id = row.text("edge_id");
          double length = row.number("length_m", true);
          double lanes = row.number("lanes", true);
          double dx = row.number("to_x_m", true) - row.number("from_x_m", true);
          double dy = row.number("to_y_m", true) - row.number("from_y_m", true);
          double norm = Math.hypot(dx, dy);
          if (id.isEmpty()) {
            row.problem("edge_id", "a link id is required");
          } else if (links.containsKey(id)) {
            row.problem("edge_id", "link '" + id + "' is listed twice");
          }
          if (!(length > 0) || !(lanes >= 1) || !(norm > 0)) {
            row.problem("length_m", "a link needs a positive length, at least one lane and"
                + " distinct end points");
            return;
          }
          links.put(id, new Link(id, row.text("from_node"), row.text("to_node"), length,
              (int) lanes, row.number("speed_limit_m_per_s", true), dx / norm, dy / norm,
              row.number("signalised_end", true) == 1));
        });

    Map<String, String> detectorEdge = new LinkedHashMap<>();
    Map<String, double[]> position = new LinkedHashMap<>();
    CsvRows.read(detectors, "detectors.csv", List.of("detector_id", "edge_id", "lane_index",
        "x_m", "y_m"), row -> {
          String id = row.text("detector_id");
          String edge = row.text("edge_id");
          Link link = links.get(edge);
          if (link == null) {
            row.problem("edge_id", "loop '" + id + "' is on link '" + edge + "', which"
                + " edges.csv does not list");
          } else if (!link.signalisedEnd()) {
            row.problem("edge_id", "loop '" + id + "' is on link '" + edge + "', which does"
                + " not end at a signal");
          } else if (detectorEdge.containsKey(id)) {
            row.problem("detector_id", "loop '" + id + "' is listed twice");
          } else {
            detectorEdge.put(id, edge);
            position.put(id, new double[] {row.number("x_m", true), row.number("y_m", true)});
          }
        });
    return new GridNetwork(links, detectorEdge, position);
  }

  private static int stageOf(Link link) {
    return Math.abs(link.dx()) < Math.abs(link.dy()) ? 0 : 1;
  }

  private static boolean isJunctionId(String node) {
    return node.matches("[A-Z][0-9]+");
  }

  /** The signalised junctions, sorted ({@code A0}, {@code A1}, …). */
  public List<String> junctions() {
    return junctions;
  }

  /** The approaches, in state order: by junction, then stage, then link id. */
  public List<Approach> approaches() {
    return approaches;
  }

  /** Every loop, in approach order. */
  public List<String> detectors() {
    return detectors;
  }

  /** The approach a loop is on, or {@code -1} when the network has no such loop. */
  public int approachOf(String detector) {
    return approachOfDetector.getOrDefault(detector, -1);
  }

  /** A loop's network coordinates {x, y}, m. */
  public double[] position(String detector) {
    return detectorPosition.get(detector).clone();
  }

  /** The number of green inputs: two stages per junction. */
  public int greens() {
    return 2 * junctions.size();
  }

  /** The input index of a junction's stage. */
  public int greenIndex(String junction, int stage) {
    return 2 * junctions.indexOf(junction) + stage;
  }

  /** A link's unit direction {dx, dy}. */
  double[] direction(String edgeId) {
    Link link = links.get(edgeId);
    return new double[] {link.dx(), link.dy()};
  }

  /** Free-flow travel time over an approach, s. */
  double freeFlowSeconds(Approach approach) {
    Link link = links.get(approach.edgeId());
    return link.lengthM() / link.speedLimit();
  }

  /**
   * Where vehicles leaving {@code approach} across its junction can go: every link out of
   * the junction except back where they came from. The value is the approach index the link
   * feeds, or {@code -1} for a link that leaves the network (no signal at its end).
   */
  Map<String, Integer> turns(Approach approach) {
    Map<String, Integer> turns = new LinkedHashMap<>();
    links.values().stream()
        .filter(l -> l.fromNode().equals(approach.junction()))
        .filter(l -> !l.toNode().equals(approach.fromNode()))
        .sorted(Comparator.comparing(Link::id))
        .forEach(l -> turns.put(l.id(), approachIndexOfEdge(l.id())));
    return turns;
  }

  private int approachIndexOfEdge(String edgeId) {
    return approaches.stream().filter(a -> a.edgeId().equals(edgeId)).mapToInt(Approach::index)
        .findFirst().orElse(-1);
  }

  /** The grid column (0 for {@code A}) and row (0 for {@code …0}) of a junction. */
  public static int[] gridPosition(String junction) {
    return new int[] {junction.charAt(0) - 'A', Integer.parseInt(junction.substring(1))};
  }
}
