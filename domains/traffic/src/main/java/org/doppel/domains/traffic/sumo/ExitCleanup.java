package org.doppel.domains.traffic.sumo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes SUMO's working folder away when the JVM goes down (Ctrl-C, SIGTERM) while SUMO still
 * runs: a shutdown hook, registered when the folder is made and removed when the process is
 * closed normally, ends the process it watches and deletes the folder. Without it a
 * terminated run leaves {@code doppel-sumo-*} folders in the temporary directory.
 *
 * <p>A {@code kill -9} runs no hook, so the folder can still be left then. Thread-safe: the
 * hook runs on its own thread while the run's thread may be closing the same process.
 */
final class ExitCleanup implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExitCleanup.class);

  /** Where the hook is registered; tests run it themselves. */
  interface Hooks {
    void add(Thread hook);

    void remove(Thread hook);

    Hooks JVM = new Hooks() {
      @Override
      public void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
      }

      @Override
      public void remove(Thread hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running or has run; it cleans up itself.
        }
      }
    };
  }

  private final Path folder;
  private final Hooks hooks;
  private final Thread hook;
  private volatile Process process;

  private ExitCleanup(Path folder, Hooks hooks) {
    this.folder = folder;
    this.hooks = hooks;
    this.hook = new Thread(this::cleanUp, "doppel-sumo-exit-cleanup");
  }

  /** Guards {@code folder} until {@link #close()}. */
  static ExitCleanup register(Path folder) {
    return register(folder, Hooks.JVM);
  }

  static ExitCleanup register(Path folder, Hooks hooks) {
    ExitCleanup cleanup = new ExitCleanup(folder, hooks);
    hooks.add(cleanup.hook);
    return cleanup;
  }

  /** The process the hook ends before it deletes the folder (SUMO writes its logs there). */
  void watch(Process process) {
    this.process = process;
  }

  /** Removes the hook: the caller ends the process and deletes the folder itself. */
  @Override
  public void close() {
    hooks.remove(hook);
  }

  /** The registered hook, for tests. */
  Thread hook() {
    return hook;
  }

  private void cleanUp() {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
      try {
        running.waitFor(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    delete(folder);
  }

  /** Deletes {@code folder} and everything in it; a file already gone is no error. */
  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : deepestFirst) {
        Files.deleteIfExists(path);
      }
    } catch (NoSuchFileException alreadyGone) {
      // The run's own close and the hook both deleting: either one is enough.
    } catch (IOException e) {
      LOG.warn("Could not delete SUMO's working folder [{}]: {}", folder, e.getMessage());
    }
  }
}
