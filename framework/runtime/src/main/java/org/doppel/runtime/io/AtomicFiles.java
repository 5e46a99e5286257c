package org.doppel.runtime.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files so that a reader sees either the old content or the complete new one, never
 * a partial file: the bytes go to a temporary file beside the target, which is then moved
 * over it.
 */
public final class AtomicFiles {

  /** Writes the content of one file. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {
  }

  /** Writes {@code text} as UTF-8 to {@code target}. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes what {@code writer} produces to {@code target}; returns the bytes written. */
  public static long write(Path target, Writer writer) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        writer.writeTo(out);
      }
      long size = Files.size(temporary);
      readableByAll(temporary);
      move(temporary, target);
      return size;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Temporary files are created private to the owner; a finished output is as readable as
   * any file the user writes (rw-r--r--), so a report can be served or shared.
   */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file,
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException notPosix) {
      // Other file systems keep their default permissions.
    }
  }

  /** Moves a finished temporary file (or folder) over {@code target}. */
  public static void move(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes {@code root} and everything under it, deepest first; nothing when it does not
   * exist. Used for folders a run replaces or discards (an old model, a warm-up's scratch).
   */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
