package org.doppel.runtime.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed smart-grid scenario, and edited copies of it written for one test. */
final class ScenarioFixtures {

  static final String RESOURCE = "/scenario/smart-grid.yaml";

  private ScenarioFixtures() {
  }

  /** The committed scenario's text. */
  static String smartGrid() {
    try (InputStream in = ScenarioFixtures.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scenario with {@code original} replaced by {@code replacement}, written to a file. */
  static Path smartGridWith(Path folder, String original, String replacement) {
    String text = smartGrid();
    if (!text.contains(original)) {
      throw new IllegalArgumentException("fixture has no '" + original + "'");
    }
    return write(folder, "smart-grid.yaml", text.replace(original, replacement));
  }

  static Path write(Path folder, String name, String text) {
    try {
      return Files.writeString(folder.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
