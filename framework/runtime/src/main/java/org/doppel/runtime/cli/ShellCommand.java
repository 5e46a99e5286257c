package org.doppel.runtime.cli;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code doppel start}: runs the framework in the foreground with an interactive shell;
 * hot deploy stays active the whole time. Ends on {@code stop}, end of input, or when the
 * framework stops (Ctrl-C, SIGTERM).
 */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Run the framework in the foreground with an interactive shell "
        + "(plugins, bundles, install, uninstall, info, run, compare, stop); deploy/ is "
        + "watched, so the next run uses the plugins deployed now.")
final class ShellCommand implements Callable<Integer> {

  private static final String END = "\u0000end";

  private final CliContext context;
  private final AtomicBoolean frameworkStopping;
  private final java.io.PrintStream terminal;

  @Option(names = "--no-shell",
      description = "Read no commands; run until the process is stopped (Ctrl-C, SIGTERM).")
  private boolean noShell;

  ShellCommand(CliContext context, AtomicBoolean frameworkStopping,
      java.io.PrintStream terminal) {
    this.context = context;
    this.frameworkStopping = frameworkStopping;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    var out = context.out();
    out.println("Doppel is running; deploy/ is watched for plugin bundles.");
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    if (!noShell) {
      out.println("Type 'help' for commands, 'stop' to quit.");
      startReader(lines);
    }
    out.flush();

    while (!frameworkStopping.get()) {
      if (!noShell) {
        out.print("doppel> ");
        out.flush();
      }
      String line = next(lines);
      if (line == null) {
        continue;
      }
      if (line.equals(END) || line.strip().equals("stop")) {
        break;
      }
      if (!line.isBlank()) {
        shell().execute(Commands.split(line));
      }
    }
    out.println("stopping");
    out.flush();
    return 0;
  }

  private String next(BlockingQueue<String> lines) throws InterruptedException {
    // Wake up now and then to notice that the framework is stopping.
    String line = null;
    while (line == null && !frameworkStopping.get()) {
      line = lines.poll(200, TimeUnit.MILLISECONDS);
    }
    return line;
  }

  private CommandLine shell() {
    return Commands.shell(context, terminal);
  }

  private void startReader(BlockingQueue<String> lines) {
    Thread reader = new Thread(() -> {
      try {
        String line;
        while ((line = context.in().readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        context.err().println("shell: cannot read input: " + e.getMessage());
        context.err().flush();
      }
      lines.add(END);
    }, "doppel-shell-input");
    reader.setDaemon(true);
    reader.start();
  }
}
