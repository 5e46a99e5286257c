package org.doppel.domains.traffic.grid;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.doppel.domains.traffic.Mornings;

/**
 * Where the grid's three files are: {@code edges.csv}, {@code detectors.csv},
 * {@code loops_1min.csv}.
 *
 * @param edges the links
 * @param detectors the loops
 * @param loops the one-minute loop rows
 * @param loopsName the name errors give the loop file
 */
public record GridDataset(URL edges, URL detectors, URL loops, String loopsName) {

  /** The shipped folder in the bundle. */
  public static final String RESOURCES = "/org/doppel/domains/traffic/data/grid/";

  /** The SUMO-simulated grid data shipped in the bundle. */
  public static GridDataset shipped() {
    return new GridDataset(resource("edges.csv"), resource("detectors.csv"),
        resource("loops_1min.csv"), "loops_1min.csv");
  }

  /**
   * The three files in {@code folder}.
   *
   * @throws IOException naming the missing file
   */
  public static GridDataset folder(Path folder) throws IOException {
    for (String name : new String[] {"edges.csv", "detectors.csv", "loops_1min.csv"}) {
      if (!Files.isRegularFile(folder.resolve(name))) {
        throw new java.io.FileNotFoundException("grid data folder " + folder + " has no "
            + name);
      }
    }
    return new GridDataset(folder.resolve("edges.csv").toUri().toURL(),
        folder.resolve("detectors.csv").toUri().toURL(),
        folder.resolve("loops_1min.csv").toUri().toURL(),
        folder.resolve("loops_1min.csv").toString());
  }

  private static URL resource(String name) {
    URL url = GridDataset.class.getResource(RESOURCES + name);
    if (url == null) {
      throw new IllegalStateException("the traffic bundle lacks its data file " + RESOURCES
          + name);
    }
    return url;
  }

  /** Reads the network. */
  public GridNetwork network() throws IOException {
    return GridNetwork.read(edges, detectors);
  }

  /**
   * Reads the extra simulated mornings listed beside the loop file ({@value
   * Mornings#MANIFEST}), each through the same checks as {@link #loops}; none when there is
   * no manifest.
   *
   * @throws org.doppel.sdk.data.IngestException naming the morning's file, line and column
   */
  public List<LoopData> mornings(GridNetwork network) throws IOException {
    URL manifest = beside(Mornings.MANIFEST);
    if (manifest == null) {
      return List.of();
    }
    List<Mornings.Morning> listed;
    try (InputStream in = manifest.openStream()) {
      listed = Mornings.read(in, Mornings.MANIFEST);
    } catch (FileNotFoundException e) {
      return List.of();
    }
    String folder = loopsName.endsWith("loops_1min.csv")
        ? loopsName.substring(0, loopsName.length() - "loops_1min.csv".length()) : "";
    List<LoopData> mornings = new ArrayList<>();
    for (Mornings.Morning morning : listed) {
      URL file = beside(morning.file());
      if (file == null) {
        throw new FileNotFoundException(folder + morning.file() + ", listed in "
            + Mornings.MANIFEST + ", is missing");
      }
      LoopData read = LoopData.read(file, folder + morning.file(), network);
      if ((long) read.minutes() * read.loops() != morning.rows()) {
        throw new IllegalArgumentException(folder + morning.file() + ": " + read.minutes()
            + " minutes × " + read.loops() + " loops, but " + Mornings.MANIFEST + " lists "
            + morning.rows() + " rows");
      }
      mornings.add(read);
    }
    return List.copyOf(mornings);
  }

  /**
   * The file at {@code relative} to the loop file's folder; {@code null} when the shipped
   * bundle lacks it. The shipped data is looked up as a class resource, which works the same
   * inside and outside OSGi.
   */
  private URL beside(String relative) throws IOException {
    if (loops.equals(GridDataset.class.getResource(RESOURCES + "loops_1min.csv"))) {
      return GridDataset.class.getResource(RESOURCES + relative);
    }
    return new URL(loops, relative);
  }

  /** Reads the loops of {@code network}. */
  public LoopData loops(GridNetwork network) throws IOException {
    return LoopData.read(loops, loopsName, network);
  }
}
