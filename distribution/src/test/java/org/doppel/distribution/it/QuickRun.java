package org.doppel.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One {@code bin/doppel run <domain> --quick --quiet --out runs} that the tests of a run IT
 * share: what the command said, and the one run folder it made.
 */
final class QuickRun {

  private final Path work;
  private final SmartGridRunIT.Result result;

  private QuickRun(Path work, SmartGridRunIT.Result result) {
    this.work = work;
    this.result = result;
  }

  /** Runs {@code domain}'s study on its shipped scenario, quickly, into {@code work/runs}. */
  static QuickRun of(Path work, String domain) throws Exception {
    return new QuickRun(work, SmartGridRunIT.doppel(work, "run", domain, "--quick", "--quiet",
        "--out", "runs"));
  }

  int exitCode() {
    return result.exitCode();
  }

  String out() {
    return result.out();
  }

  String err() {
    return result.err();
  }

  /** The run's folder, asserting it is the only finished one under {@code work/runs}. */
  Path folder() throws IOException {
    return onlyRunIn(work.resolve("runs"));
  }

  /**
   * The one finished run folder in {@code runs}; a folder whose name starts with {@code .} is
   * a run still being written, and does not count.
   */
  static Path onlyRunIn(Path runs) throws IOException {
    try (Stream<Path> folders = Files.list(runs)) {
      List<Path> finished = folders.filter(p -> !p.getFileName().toString().startsWith("."))
          .toList();
      assertEquals(1, finished.size(), finished.toString());
      return finished.get(0);
    }
  }
}
