package org.doppel.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the picocli command trees of the one-shot CLI and of the interactive shell. */
public final class Commands {

  private Commands() {
  }

  /** {@code doppel}: the top-level command. */
  @Command(name = "doppel", mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Doppel: digital twins on a plugin runtime (Apache Felix, DL4J).",
      subcommands = CommandLine.HelpCommand.class)
  static final class Root implements Runnable {

    private final CliContext context;

    Root(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      new CommandLine(this).usage(context.out());
      context.out().flush();
    }
  }

  /** {@code doppel> ...}: the shell's commands. */
  @Command(name = "", description = "Commands of the Doppel shell.",
      subcommands = CommandLine.HelpCommand.class)
  static final class ShellRoot implements Runnable {

    private final CliContext context;

    ShellRoot(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      new CommandLine(this).usage(context.out());
      context.out().flush();
    }
  }

  /**
   * The one-shot command line: {@code doppel plugins}, {@code doppel run}, ...
   *
   * @param terminal where progress bars are drawn (the user's stderr)
   */
  public static CommandLine root(CliContext context, AtomicBoolean frameworkStopping,
      java.io.PrintStream terminal) {
    CommandLine line = new CommandLine(new Root(context), factory(context));
    line.addSubcommand(new RunCommand(context, terminal));
    line.addSubcommand(new PluginsCommand(context));
    line.addSubcommand(new InfoCommand(context));
    line.addSubcommand(new ShellCommand(context, frameworkStopping, terminal));
    line.addSubcommand(new CompareCommand(context, terminal));
    line.addSubcommand(new NewPluginCommand(context));
    return configure(line, context);
  }

  /** The shell's command line, one per input line. */
  static CommandLine shell(CliContext context, java.io.PrintStream terminal) {
    CommandLine line = new CommandLine(new ShellRoot(context), factory(context));
    line.addSubcommand(new RunCommand(context, terminal));
    line.addSubcommand(new CompareCommand(context, terminal));
    line.addSubcommand(new PluginsCommand(context));
    line.addSubcommand(new InfoCommand(context));
    line.addSubcommand(new BundleCommands.List_(context));
    line.addSubcommand(new BundleCommands.Install(context));
    line.addSubcommand(new BundleCommands.Uninstall(context));
    line.addSubcommand("stop", new CommandLine(new StopHint()));
    return configure(line, context);
  }

  /** Splits a shell line into words; double or single quotes keep spaces in a word. */
  static String[] split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.strip().toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words.toArray(String[]::new);
  }

  private static CommandLine configure(CommandLine line, CliContext context) {
    line.setOut(context.out());
    line.setErr(context.err());
    line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + describe(exception));
      commandLine.getErr().flush();
      return 1;
    });
    return line;
  }

  static String describe(Throwable exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.toString() : message;
  }

  private static CommandLine.IFactory factory(CliContext context) {
    return CommandLine.defaultFactory();
  }

  /** {@code stop} is handled by the shell loop itself; this only documents it. */
  @Command(name = "stop", description = "Stop the framework and leave the shell.")
  static final class StopHint implements Runnable {
    @Override
    public void run() {
      // The shell loop ends on 'stop' before the line reaches picocli.
    }
  }

  /** The version shown by {@code doppel --version}: the runtime bundle's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var bundle = org.osgi.framework.FrameworkUtil.getBundle(Commands.class);
      String version = bundle == null ? "unknown" : bundle.getVersion().toString();
      return new String[] {"doppel " + version};
    }
  }
}
