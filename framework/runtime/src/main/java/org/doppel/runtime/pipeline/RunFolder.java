package org.doppel.runtime.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.doppel.runtime.io.AtomicFiles;

/**
 * The folder of one run, {@code runs/<run-id>/}.
 *
 * <p>A run writes into a hidden working folder {@code runs/.<run-id>.partial/}; only a
 * finished run is moved to {@code runs/<run-id>/}, so a folder under that name is always
 * complete. A failed run is kept as {@code runs/<run-id>.failed/} with {@code error.txt}
 * beside whatever it had written. Not thread-safe: one run, one folder.
 */
public final class RunFolder {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path runs;
  private final String runId;
  private final Path working;
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private Path failed;

  private RunFolder(Path runs, String runId) throws IOException {
    this.runs = runs;
    this.runId = runId;
    this.working = runs.resolve("." + runId + ".partial");
    Files.createDirectories(working);
  }

  /** Creates a new run folder under {@code runs} for a run of {@code name}. */
  public static RunFolder create(Path runs, String name, LocalDateTime now)
      throws IOException {
    if (Files.exists(runs) && !Files.isDirectory(runs)) {
      throw new IOException("cannot write runs into " + runs + ": it is a file, not a folder"
          + " (choose another --out)");
    }
    Files.createDirectories(runs);
    String base = STAMP.format(now) + "-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
    String id = base;
    for (int n = 2; taken(runs, id); n++) {
      id = base + "-" + n;
    }
    return new RunFolder(runs, id);
  }

  private static boolean taken(Path runs, String id) {
    return Files.exists(runs.resolve(id)) || Files.exists(runs.resolve("." + id + ".partial"))
        || Files.exists(runs.resolve(id + ".failed"));
  }

  public String runId() {
    return runId;
  }

  /** Where a file of this run is written while the run is under way. */
  public Path file(String name) {
    return working.resolve(name);
  }

  /** Where the run will be once it has finished. */
  public Path finalFolder() {
    return runs.resolve(runId);
  }

  /** Moves the finished run to {@code runs/<run-id>/} and returns that folder. */
  public Path complete() throws IOException {
    Path target = finalFolder();
    AtomicFiles.move(working, target);
    return target;
  }

  /** An open guard; closing it never throws. */
  public interface Guard extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * While the returned guard is open, a JVM shutdown (Ctrl-C, SIGTERM) keeps the unfinished
   * run as {@code runs/<run-id>.failed/} with an {@code error.txt} saying so, instead of a
   * hidden {@code .partial} folder.
   */
  public Guard guardInterruption() {
    Thread hook = new Thread(() -> {
      try {
        if (Files.isDirectory(working)) {
          interrupted.set(true);
          fail(interruption());
        }
      } catch (IOException e) {
        // The JVM is going down; the partial folder stays where it is.
      }
    }, "doppel-run-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or has run.
      }
    };
  }

  /**
   * Keeps what a failed run wrote, with the error, as {@code runs/<run-id>.failed/}.
   *
   * <p>Only the first failure is kept. After a Ctrl-C the shutdown hook fails the run while
   * the run's own thread is still working; that thread then fails too (often on classes
   * of a framework already stopping), and what it wrote after the interruption, which
   * recreates the hidden working folder, is discarded.
   */
  public synchronized Path fail(Throwable error) throws IOException {
    if (failed != null) {
      discardLateWrites();
      return failed;
    }
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    AtomicFiles.writeString(working.resolve("error.txt"), trace.toString());
    Path target = runs.resolve(runId + ".failed");
    AtomicFiles.move(working, target);
    failed = target;
    return target;
  }

  /** Whether a Ctrl-C or SIGTERM ended the run. */
  public boolean interrupted() {
    return interrupted.get();
  }

  /**
   * The error to report for a run that failed with {@code error}: the interruption itself
   * when the run was interrupted (what the run's thread hit afterwards is a consequence),
   * else {@code error}.
   */
  public Throwable reported(Throwable error) {
    if (!interrupted()) {
      return error;
    }
    InterruptedException interruption = interruption();
    interruption.addSuppressed(error);
    return interruption;
  }

  private static InterruptedException interruption() {
    return new InterruptedException("the run was interrupted (Ctrl-C or SIGTERM) before it"
        + " finished");
  }

  private void discardLateWrites() throws IOException {
    AtomicFiles.deleteTree(working);
  }
}
