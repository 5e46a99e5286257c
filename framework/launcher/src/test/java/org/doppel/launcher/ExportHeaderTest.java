package org.doppel.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportHeaderTest {

  private static List<String> pairs(String header) {
    return ExportHeader.parse(header).stream().map(p -> p[0] + "@" + p[1]).toList();
  }

  @Test
  void keepsVersionsAndDropsDirectivesWithQuotedCommas() {
    String header = "org.slf4j;uses:=\"org.slf4j.event,org.slf4j.spi\";version=\"2.0.16\","
        + "org.slf4j.event;version=\"2.0.16\",org.slf4j;version=\"1.7.36\"";

    assertEquals(List.of("org.slf4j@2.0.16", "org.slf4j.event@2.0.16", "org.slf4j@1.7.36"),
        pairs(header));
  }

  @Test
  void clauseWithSeveralPackagesAndNoVersion() {
    assertEquals(List.of("a.b@", "c.d@", "e@3"), pairs("a.b;c.d;x:=y, e;version=3"));
  }
}
