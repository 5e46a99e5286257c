package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.doppel.runtime.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

  @TempDir
  Path runs;

  private List<String> names() throws IOException {
    try (Stream<Path> all = Files.list(runs)) {
      return all.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFinishedRunIsMovedIntoPlaceAndNothingHiddenIsLeft() throws IOException {
    RunFolder folder = RunFolder.create(runs, "twin", LocalDateTime.of(2026, 12, 4, 19, 0));
    AtomicFiles.writeString(folder.file("metrics.json"), "{}");

    Path finished = folder.complete();

    assertEquals(List.of("20261204-190000-twin"), names());
    assertTrue(Files.isRegularFile(finished.resolve("metrics.json")));
  }

  @Test
  void onlyTheFirstFailureIsKeptAndLaterWritesAreDiscarded() throws IOException {
    RunFolder folder = RunFolder.create(runs, "twin", LocalDateTime.of(2026, 12, 4, 19, 0));
    AtomicFiles.writeString(folder.file("scenario.yaml"), "name: twin");

    // As after a Ctrl-C: the shutdown hook fails the run, the run's thread writes on and
    // then fails as well, on whatever a stopping framework threw at it.
    Path first = folder.fail(new InterruptedException("interrupted"));
    AtomicFiles.writeString(folder.file("late.csv"), "written after the interruption");
    Path second = folder.fail(new NoClassDefFoundError("a stopped bundle's class"));

    assertSame(first, second);
    assertEquals(List.of("20261204-190000-twin.failed"), names());
    String error = Files.readString(first.resolve("error.txt"));
    assertTrue(error.contains("interrupted"), error);
    assertFalse(error.contains("NoClassDefFoundError"), error);
    assertTrue(Files.isRegularFile(first.resolve("scenario.yaml")));
  }

  @Test
  void aRunThatWasNotInterruptedReportsItsOwnError() throws IOException {
    RunFolder folder = RunFolder.create(runs, "twin", LocalDateTime.of(2026, 12, 4, 19, 0));
    IllegalStateException error = new IllegalStateException("stage failed");

    assertFalse(folder.interrupted());
    assertSame(error, folder.reported(error));
    assertInstanceOf(Path.class, folder.fail(error));
  }
}
