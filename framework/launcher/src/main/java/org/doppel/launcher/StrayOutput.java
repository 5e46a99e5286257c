package org.doppel.launcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps standard output for the command's own results. Some libraries print to
 * {@code System.out} unconditionally (ND4J 1.0.0-M2.1 prints a line for every op it
 * differentiates when a SameDiff graph first builds its gradient), which would corrupt
 * {@code doppel plugins --json} and the run summary. The launcher hands the real stream to
 * the command service and points {@code System.out} at the log instead, line by line, at
 * DEBUG under the logger {@code stdout}.
 */
final class StrayOutput {

  private static final Logger STDOUT = LoggerFactory.getLogger("stdout");

  private StrayOutput() {
  }

  /** Redirects {@code System.out} to the log and returns the real standard output. */
  static PrintStream capture() {
    PrintStream real = System.out;
    System.setOut(new PrintStream(new LineLogger(), true, StandardCharsets.UTF_8));
    return real;
  }

  /** Collects bytes into lines and logs each complete line. Thread-safe. */
  private static final class LineLogger extends OutputStream {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        flushLine();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void flush() {
      if (line.size() > 0) {
        flushLine();
      }
    }

    private void flushLine() {
      String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
      line.reset();
      if (!text.isEmpty()) {
        STDOUT.debug("{}", text);
      }
    }
  }
}
