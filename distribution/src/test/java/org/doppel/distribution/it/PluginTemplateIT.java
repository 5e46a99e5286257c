package org.doppel.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A third party's first fifteen minutes, end to end: {@code doppel new-plugin} writes a
 * project from the distribution's template; Maven builds it offline against the
 * distribution's {@code sdk-repo/} (its tests run the SDK test kit's contracts and boot the
 * framework with the bundle); its jar, dropped into {@code deploy/} of a running framework,
 * shows among the plugins and runs with {@code run NAME --quick}. Then a broken plant
 * fails the test kit with a message that says what is wrong.
 *
 * <p>The nested build uses a local repository under {@code target/} whose
 * {@code org/doppel} holds only the distribution's {@code sdk-repo/}; every other entry
 * links to the build's own local repository, read offline, so nothing of ours is written
 * into the shared one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginTemplateIT {

  private static final String NAME = "thermal-room";

  private Path work;
  private Path project;
  private Path repository;
  private TestHost host;

  @BeforeAll
  void generateTheProject() throws IOException {
    work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-work")),
        "template-").toAbsolutePath();
    host = TestHost.boot("template");

    String out = host.command("new-plugin", NAME, "--dir", work.toString(), "--template",
        TestHost.DIST.resolve("templates/domain-plugin").toAbsolutePath().toString());

    project = work.resolve(NAME);
    assertTrue(out.contains("wrote ") && out.contains("org.example.thermalroom"), out);
    repository = localRepository();
  }

  @AfterAll
  void stop() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  @Order(1)
  void theGeneratedProjectBuildsOfflineAndPassesItsTests() throws Exception {
    Build build = maven("verify");

    assertEquals(0, build.exitCode(), "mvn verify of the generated project failed:\n"
        + build.tail());
    int[] counts = testCounts(project.resolve("target/surefire-reports"));
    assertTrue(counts[0] >= 10 && counts[1] == 0, "tests run " + counts[0] + ", failed "
        + counts[1]);
    assertTrue(Files.isRegularFile(project.resolve("target/" + NAME + "-0.1.0-SNAPSHOT.jar")));
  }

  @Test
  @Order(2)
  void itsJarDeployedIntoARunningFrameworkShowsAndRuns() throws Exception {
    Path jar = project.resolve("target/" + NAME + "-0.1.0-SNAPSHOT.jar");
    Path temp = host.deploy.resolve(NAME + ".jar.tmp");
    Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(temp, host.deploy.resolve(NAME + ".jar"), StandardCopyOption.ATOMIC_MOVE);

    TestHost.await("domain/" + NAME, () -> host.plugin(NAME).isPresent());
    String plugins = host.command("plugins");
    TestHost.Result run = host.execute("run", NAME, "--quick", "--quiet", "--out",
        work.resolve("runs").toString());

    assertTrue(plugins.contains(NAME) && plugins.contains(NAME + "-room"), plugins);
    assertEquals(0, run.code(), run.err());
    JsonNode metrics = new ObjectMapper().readTree(QuickRun.onlyRunIn(work.resolve("runs"))
        .resolve("metrics.json").toFile());
    assertTrue(metrics.path("control").path("lqr").path("temp_dev_rms_k").asDouble() > 0,
        metrics.path("control").toString());
    assertTrue(metrics.path("forecast").path("models").has("twin"));
  }

  @Test
  @Order(3)
  void aPlantWithMoreValuesThanStateNamesFailsTheTestKitSayingSo() throws Exception {
    Path plant = project.resolve("src/main/java/org/example/thermalroom/ThermalRoomPlant.java");
    String source = Files.readString(plant);
    String broken = source.replace("return new double[] {(-state[0] / resistance + input[0]"
        + " - disturbance[0]) / capacity};", "return new double[] {0, 0};");
    assertTrue(!broken.equals(source), "the template's evaluate changed; update this test");
    Files.writeString(plant, broken);

    Build build = maven("verify", "-Dtest=ThermalRoomContractsTest*");

    assertTrue(build.exitCode() != 0, "the broken plant passed the test kit");
    assertTrue(build.output().contains("thermal-room-room: stateNames() has 1 names but"
        + " evaluate returned 2 values"), build.tail());
  }

  /** What a finished Maven process left. */
  record Build(int exitCode, String output) {
    String tail() {
      return output.length() < 6000 ? output : output.substring(output.length() - 6000);
    }
  }

  private Build maven(String... goals) throws IOException, InterruptedException {
    String home = System.getProperty("doppel.maven.home");
    Path mvn = home == null ? null : Path.of(home, "bin", "mvn");
    Assumptions.assumeTrue(mvn != null && Files.isExecutable(mvn), "no Maven to build the"
        + " generated project with (doppel.maven.home is " + home + "); run this test"
        + " through mvn verify");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o",
        "-Dmaven.repo.local=" + repository));
    command.addAll(List.of(goals));
    Path log = Files.createTempFile(work, "mvn", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    builder.environment().remove("MAVEN_OPTS");
    Process process = builder.start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("mvn " + String.join(" ", goals) + " did not finish in 15"
          + " minutes:\n" + Files.readString(log));
    }
    return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * A local repository for the nested build: {@code org/doppel} copied from the
   * distribution's {@code sdk-repo/}, everything else linked to the build's own local
   * repository (read only, offline).
   */
  private Path localRepository() throws IOException {
    Path shared = Path.of(System.getProperty("doppel.maven.repo",
        System.getProperty("user.home") + "/.m2/repository"));
    Path local = Files.createDirectories(work.resolve("m2"));
    Path sdkRepo = TestHost.DIST.resolve("sdk-repo").toAbsolutePath();
    try (Stream<Path> files = Files.walk(sdkRepo)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = local.resolve(sdkRepo.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    link(shared, local);
    return local;
  }

  /**
   * Links every entry of {@code shared} into {@code local}, and inside {@code org} every
   * entry but {@code doppel}: artifacts of ours come from {@code sdk-repo/} only.
   */
  private static void link(Path shared, Path local) throws IOException {
    try (Stream<Path> entries = Files.list(shared)) {
      for (Path entry : entries.toList()) {
        Path target = local.resolve(entry.getFileName().toString());
        if (entry.getFileName().toString().equals("org")) {
          Files.createDirectories(target);
          try (Stream<Path> groups = Files.list(entry)) {
            for (Path group : groups.toList()) {
              Path linked = target.resolve(group.getFileName().toString());
              if (!group.getFileName().toString().equals("doppel") && !Files.exists(linked)) {
                Files.createSymbolicLink(linked, group);
              }
            }
          }
        } else if (!Files.exists(target)) {
          Files.createSymbolicLink(target, entry);
        }
      }
    }
  }

  /** Tests run and failed (failures and errors) over the Surefire reports. */
  private static int[] testCounts(Path reports) throws IOException {
    int[] counts = new int[2];
    try (Stream<Path> files = Files.list(reports)) {
      for (Path report : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
        String xml = Files.readString(report);
        int start = xml.indexOf("<testsuite");
        String header = xml.substring(start, xml.indexOf('>', start));
        counts[0] += attribute(header, "tests");
        counts[1] += attribute(header, "failures") + attribute(header, "errors");
      }
    }
    return counts;
  }

  private static int attribute(String header, String name) {
    Matcher matcher = Pattern.compile(" " + name + "=\"(\\d+)\"").matcher(header);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }
}
