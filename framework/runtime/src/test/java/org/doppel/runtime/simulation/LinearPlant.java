package org.doppel.runtime.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/** A continuous linear plant x' = A x + B u + G w given by its matrices, for tests. */
final class LinearPlant implements SystemDynamics {

  static final Path LFC_REFERENCE = Path.of(System.getProperty("doppel.shared",
      "/work/shared"), "data/lqr-reference/lfc_two_area");

  static final List<String> LFC_STATES = List.of("df1 [Hz]", "dPg1 [pu]", "dPv1 [pu]",
      "intACE1 [pu s]", "dPtie12 [pu]", "df2 [Hz]", "dPg2 [pu]", "dPv2 [pu]",
      "intACE2 [pu s]");

  private final String id;
  private final Linearization model;
  private final List<String> states;
  private final List<String> inputs;
  private final List<String> disturbances;

  LinearPlant(String id, double[][] a, double[][] b, double[][] g, List<String> states,
      List<String> inputs, List<String> disturbances) {
    this.id = id;
    this.model = new Linearization(a, b, g, 0);
    this.states = states;
    this.inputs = inputs;
    this.disturbances = disturbances;
  }

  /** The two-area load-frequency-control reference model (Elgerd–Fosha parameters). */
  static LinearPlant lfcReference() throws IOException {
    return new LinearPlant("lfc-reference", read("A.csv"), read("B.csv"), read("G.csv"),
        LFC_STATES, List.of("dPc1 [pu]", "dPc2 [pu]"), List.of("dPd1 [pu]", "dPd2 [pu]"));
  }

  static LinearPlant doubleIntegrator() {
    return new LinearPlant("double-integrator", new double[][] {{0, 1}, {0, 0}},
        new double[][] {{0}, {1}}, new double[][] {{}, {}}, List.of("position", "velocity"),
        List.of("force"), List.of());
  }

  private static double[][] read(String file) throws IOException {
    return Files.readAllLines(LFC_REFERENCE.resolve(file)).stream()
        .filter(line -> !line.isBlank())
        .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return "linear test plant";
  }

  @Override
  public List<String> stateNames() {
    return states;
  }

  @Override
  public List<String> inputNames() {
    return inputs;
  }

  @Override
  public List<String> disturbanceNames() {
    return disturbances;
  }

  @Override
  public double[] evaluate(double time, double[] x, double[] u, double[] w) {
    double[][] a = model.a();
    double[][] b = model.b();
    double[][] g = model.g();
    return IntStream.range(0, x.length).mapToDouble(i -> dot(a[i], x) + dot(b[i], u)
        + dot(g[i], w)).toArray();
  }

  @Override
  public Linearization linearize(double[] state, double[] input) {
    return model;
  }

  private static double dot(double[] row, double[] v) {
    double sum = 0;
    for (int j = 0; j < v.length; j++) {
      sum += row[j] * v[j];
    }
    return sum;
  }
}
