package org.doppel.compute.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host processor's name, for the CPU backend's device line. Stateless. */
final class CpuModel {

  private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

  private CpuModel() {
  }

  /** The processor's name on Linux, else the JVM's architecture name. */
  static String name() {
    if (Files.isReadable(CPU_INFO)) {
      try {
        String parsed = parse(Files.readString(CPU_INFO, StandardCharsets.UTF_8));
        if (parsed != null) {
          return parsed;
        }
      } catch (IOException | RuntimeException unreadable) {
        // fall through to the architecture name: the device line is informative only
      }
    }
    return System.getProperty("os.arch", "unknown");
  }

  /** The first {@code model name} in a {@code /proc/cpuinfo} text, or null when none. */
  static String parse(String cpuInfo) {
    for (String line : cpuInfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
        String name = line.substring(colon + 1).trim().replaceAll("\\s+", " ");
        return name.isEmpty() ? null : name;
      }
    }
    return null;
  }
}
