package org.doppel.runtime.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names, duplicates and cells a study's report accepts and refuses. */
class RunStudyReportTest {

  @TempDir
  Path folder;

  private RunStudyReport report() {
    return new RunStudyReport(folder::resolve);
  }

  @Test
  void namesThatCouldLeaveTheFolderOrAreNotLowerCaseWordsAreRefused() {
    RunStudyReport report = report();
    for (String name : List.of("../x", "/etc/passwd", "a/../b", "a//b", "./a", "a/", "",
        "Upper", "with space", "a\\b", "..", "tab\tname")) {
      assertThrows(IllegalArgumentException.class, () -> report.file(name, new byte[1]),
          name);
      assertThrows(IllegalArgumentException.class, () -> report.metric(name, 1), name);
      assertThrows(IllegalArgumentException.class, () -> report.table(name, "t", List.of(),
          List.of()), name);
    }
    assertEquals(List.of(), list(folder));
  }

  @Test
  void theFrameworksOwnFilesCannotBeOverwritten() {
    RunStudyReport report = report();
    for (String name : List.of("metrics.json", "report.html", "scenario.yaml", "error.txt",
        "tables/x.csv", "charts/x.png", "tables")) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> report.file(name, new byte[1]), name);
      assertTrue(error.getMessage().contains("taken by the framework"), error.getMessage());
    }
  }

  @Test
  void somethingReportedTwiceIsAnError() {
    RunStudyReport report = report();
    report.metric("a/b", 1);
    report.table("t", "T", List.of("x"), List.of(List.of(1)));
    report.file("notes.txt", new byte[] {1});

    assertThrows(IllegalArgumentException.class, () -> report.metric("a/b", 2));
    assertThrows(IllegalArgumentException.class, () -> report.metric("a", 2));
    assertThrows(IllegalArgumentException.class, () -> report.metric("a/b/c", 2));
    assertThrows(IllegalArgumentException.class, () -> report.table("t", "T", List.of("x"),
        List.of()));
    assertThrows(IllegalArgumentException.class, () -> report.file("notes.txt", new byte[0]));
    assertEquals(Map.of("a/b", 1.0), report.metrics());
  }

  @Test
  void aRowOfTheWrongLengthOrAnUnknownCellIsRefusedNamingTheTableAndRow() {
    RunStudyReport report = report();

    IllegalArgumentException shortRow = assertThrows(IllegalArgumentException.class,
        () -> report.table("t", "T", List.of("a", "b"), List.of(List.of(1, 2), List.of(3))));
    assertTrue(shortRow.getMessage().contains("table 't': row 1 has 1 cells for 2 columns"),
        shortRow.getMessage());
    IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
        () -> report.csv("x.csv", List.of("a"), List.of(List.of(new double[1]))));
    assertTrue(array.getMessage().contains("row 0, column 'a'"), array.getMessage());
    assertTrue(Files.notExists(folder.resolve("tables/t.csv")));
  }

  @Test
  void aClosedReportRefusesMore() {
    RunStudyReport report = report();
    report.close();

    assertThrows(IllegalStateException.class, () -> report.paragraph("late"));
  }

  @Test
  void numbersAreShownToFourSignificantDigits() {
    assertEquals("0.1235", RunStudyReport.number(0.123456));
    assertEquals("1235", RunStudyReport.number(1234.5));
    assertEquals("12.5", RunStudyReport.number(12.5));
    assertEquals("1.235e+08", RunStudyReport.number(123456789));
    assertEquals("NaN", RunStudyReport.number(Double.NaN));
    assertEquals("3", RunStudyReport.shown(3));
  }

  @Test
  void aHeatmapWithManyColumnsLabelsOnlyEveryKthSoLabelsDoNotOverlap() {
    List<String> tokens = java.util.stream.IntStream.range(0, 336).mapToObj(i -> "t" + i)
        .toList();

    String[] shown = StudyCharts.thinned(tokens, 48);

    assertEquals(336, shown.length);
    assertEquals(48, java.util.Arrays.stream(shown).filter(l -> !l.isEmpty()).count());
    assertEquals("t7", shown[7]);
    assertEquals("", shown[8]);
    assertEquals(List.of("a", "b"), List.of(StudyCharts.thinned(List.of("a", "b"), 48)));
  }

  private static List<Path> list(Path folder) {
    try (var files = Files.list(folder)) {
      return files.toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
