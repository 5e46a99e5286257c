package org.doppel.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/doppel}: starts ND4J, boots the embedded Felix with the distribution's
 * bundles, hands the command line to the runtime's command service, stops Felix and
 * exits with the command's code. Ctrl-C or SIGTERM stops Felix cleanly.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private static final Duration COMMAND_GRACE = Duration.ofSeconds(5);

  private Main() {
  }

  public static void main(String[] args) {
    System.exit(run(List.of(args)));
  }

  static int run(List<String> args) {
    PrintStream out = StrayOutput.capture();
    HostSettings settings;
    FrameworkHost host;
    try {
      settings = HostSettings.fromSystemProperties();

      // Before any bundle runs: ND4J keeps the loader of the first thread that uses it.
      Nd4jBootstrap.initialise();
      host = FrameworkHost.boot(settings);
    } catch (LauncherException e) {
      LOG.error("doppel: {}", e.getMessage(), e.getCause());
      return 1;
    }

    CountDownLatch commandReturned = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      LOG.info("JVM shutting down (Ctrl-C or SIGTERM): stopping the framework");
      host.stop();
      awaitQuietly(commandReturned);
    }, "doppel-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    LOG.info("ready to run the command {} ms after JVM start", System.currentTimeMillis()
        - ManagementFactory.getRuntimeMXBean().getStartTime());
    try {
      return host.execute(args, System.in, out, System.err);
    } catch (LauncherException e) {
      LOG.error("doppel: {}", e.getMessage());
      return 1;
    } finally {
      out.flush();
      host.stop();
      removeHook(hook);
      commandReturned.countDown();
    }
  }

  /**
   * Lets a command that the framework's stop ended (the shell) print its last words
   * before the JVM halts.
   */
  private static void awaitQuietly(CountDownLatch commandReturned) {
    try {
      commandReturned.await(COMMAND_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C); the hook stops the framework.
    }
  }
}
