package org.doppel.domains.traffic.sumo;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless {@code sumo} on the shipped grid, serving TraCI on a free loopback port, with
 * its client. Closing it closes the client, ends the process (forcibly if it does not exit)
 * and deletes its working folder; if the JVM is terminated first (Ctrl-C, SIGTERM), a
 * shutdown hook ({@link ExitCleanup}) ends SUMO and deletes the folder. Not thread-safe.
 *
 * <p>SUMO runs in a fresh temporary folder holding the network and routes
 * ({@link SumoScenario}); its standard error goes to {@code sumo-stderr.log} there, and the
 * last lines of it are part of every error about the process.
 */
public final class SumoProcess implements AutoCloseable {

  /** The message when SUMO is missing, for validation. */
  public static final String INSTALL_HINT = "the SUMO traffic simulator's 'sumo' binary is"
      + " not on the PATH; install it (Debian/Ubuntu: apt-get install sumo sumo-tools) or use"
      + " the store-and-forward model (grid.plant: model)";

  private static final Logger LOG = LoggerFactory.getLogger(SumoProcess.class);

  /** Lines of SUMO's standard error quoted in an error. */
  private static final int QUOTED_LINES = 15;

  private static final int PORT_ATTEMPTS = 3;

  private final Process process;
  private final Path folder;
  private final ExitCleanup exitCleanup;
  private final TraciClient client;

  private SumoProcess(Process process, Path folder, ExitCleanup exitCleanup,
      TraciClient client) {
    this.process = process;
    this.folder = folder;
    this.exitCleanup = exitCleanup;
    this.client = client;
  }

  /** The {@code sumo} binary on the PATH, if there is one. */
  public static Optional<Path> binary() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "sumo");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Starts SUMO on the shipped grid from 06:00 and connects to it, checking the API level.
   *
   * @param options further SUMO options, such as {@code --scale 2}
   * @param startTimeout how long SUMO may take to load and accept the connection
   * @param stepTimeout how long any TraCI answer may take
   * @throws IOException when SUMO is missing, exits, or does not accept in time; the message
   *     quotes SUMO's standard error
   */
  public static SumoProcess start(List<String> options, Duration startTimeout,
      Duration stepTimeout) throws IOException {
    Path sumo = binary().orElseThrow(() -> new IOException(INSTALL_HINT));
    Path folder = Files.createTempDirectory("doppel-sumo-");
    ExitCleanup exitCleanup = ExitCleanup.register(folder);
    try {
      SumoScenario.writeTo(folder);
      IOException last = null;
      // A port found free may be taken before SUMO binds it; SUMO then exits and another
      // port is tried.
      for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
        try {
          return launch(sumo, folder, exitCleanup, freePort(), options, startTimeout,
              stepTimeout);
        } catch (PortTaken e) {
          last = e;
        }
      }
      throw last;
    } catch (IOException | RuntimeException e) {
      ExitCleanup.delete(folder);
      exitCleanup.close();
      throw e;
    }
  }

  private static SumoProcess launch(Path sumo, Path folder, ExitCleanup exitCleanup, int port,
      List<String> options, Duration startTimeout, Duration stepTimeout) throws IOException {
    List<String> command = new ArrayList<>(List.of(sumo.toString(),
        "-n", SumoScenario.NETWORK, "-r", SumoScenario.ROUTES,
        "-b", String.valueOf((long) SumoScenario.START_SECONDS), "--seed", "42",
        "--time-to-teleport", "300", "--no-step-log", "true", "--xml-validation", "never",
        "--remote-port", String.valueOf(port)));
    command.addAll(options);
    Path stderr = folder.resolve("sumo-stderr.log");
    Process process = new ProcessBuilder(command).directory(folder.toFile())
        .redirectOutput(folder.resolve("sumo-stdout.log").toFile())
        .redirectError(stderr.toFile()).start();
    exitCleanup.watch(process);
    LOG.debug("Started [{}] in [{}] (pid {})", String.join(" ", command), folder,
        process.pid());
    try {
      TraciClient client = connect(process, port, startTimeout, stepTimeout, stderr);
      SumoProcess sumoProcess = new SumoProcess(process, folder, exitCleanup, client);
      try {
        TraciClient.Version version = client.handshake();
        LOG.info("Connected to [{}] on 127.0.0.1:{}", version.software(), port);
      } catch (TraciException e) {
        sumoProcess.close();
        throw e;
      }
      return sumoProcess;
    } catch (IOException | RuntimeException e) {
      stop(process);
      throw e;
    }
  }

  /**
   * Connects with retries until the deadline: SUMO accepts only once it has loaded the
   * network and routes. Between attempts it waits on the process, so a SUMO that exits is
   * seen at once.
   */
  private static TraciClient connect(Process process, int port, Duration timeout,
      Duration stepTimeout, Path stderr) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        String log = tail(stderr);
        String message = "sumo exited with status " + process.exitValue() + " before"
            + " accepting TraCI on 127.0.0.1:" + port + "; its standard error ends:\n" + log;
        throw log.contains("ocket") || log.contains("in use") ? new PortTaken(message)
            : new IOException(message);
      }
      try {
        return TraciClient.connect(port, Duration.ofMillis(500), stepTimeout);
      } catch (ConnectException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("sumo did not accept TraCI on 127.0.0.1:" + port + " within "
              + timeout.toMillis() + " ms; its standard error ends:\n" + tail(stderr), e);
        }
      }
      try {
        process.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for sumo to accept TraCI", e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** The client connected to this SUMO. */
  public TraciClient client() {
    return client;
  }

  /** SUMO's process id, for logs and tests. */
  public long pid() {
    return process.pid();
  }

  /** The last lines SUMO wrote to its standard error. */
  public String stderrTail() {
    return tail(folder.resolve("sumo-stderr.log"));
  }

  /**
   * Wraps {@code e} with the tail of SUMO's standard error, for an error raised while this
   * SUMO ran.
   */
  public IOException located(IOException e) {
    return new IOException(e.getMessage() + "\nsumo's standard error ends:\n" + stderrTail(),
        e);
  }

  /** SUMO's working folder, for tests. */
  Path folder() {
    return folder;
  }

  /**
   * Closes the client, ends SUMO and deletes the working folder, then removes the shutdown
   * hook that would have done so at exit. Idempotent.
   */
  @Override
  public void close() {
    try {
      client.close();
    } catch (TraciException e) {
      LOG.debug("Closing the TraCI connection failed: {}", e.getMessage());
    }
    stop(process);
    ExitCleanup.delete(folder);
    exitCleanup.close();
  }

  private static void stop(Process process) {
    try {
      // After a close command SUMO ends by itself; otherwise it is asked, then made, to.
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      if (lines.stream().allMatch(String::isBlank)) {
        return "(sumo wrote nothing to it)";
      }
      return String.join("\n", lines.subList(Math.max(0, lines.size() - QUOTED_LINES),
          lines.size()));
    } catch (IOException e) {
      return "(" + file + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** SUMO exited at start, apparently because its port was taken. */
  private static final class PortTaken extends IOException {

    private static final long serialVersionUID = 1L;

    PortTaken(String message) {
      super(message);
    }
  }
}
