package org.doppel.launcher.api;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The command line as the runtime bundle provides it: the launcher boots Felix, waits for
 * this service and hands it the arguments, so every command runs through the same
 * framework. The package is exported from the system bundle.
 */
public interface CommandService {

  /**
   * Runs one invocation, such as {@code plugins --json}.
   *
   * @return the process exit code: 0 for success, 1 for a failed run, 2 for bad usage
   */
  int execute(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
