package org.doppel.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the framework host finds its parts and how it behaves.
 *
 * @param libraryClassPath the jars (and class folders) whose packages the system bundle
 *     exports; they must be on the JVM's class path
 * @param bundleFolder the bundles started at every boot ({@code bundle/})
 * @param deployFolder the watched folder ({@code deploy/}); {@code null} for none
 * @param pollInterval how often {@code deploy/} is polled
 * @param storageParent where the per-process framework cache folder is created
 * @param commandTimeout how long to wait for the runtime's command service
 */
public record HostSettings(List<Path> libraryClassPath, Path bundleFolder, Path deployFolder,
    Duration pollInterval, Path storageParent, Duration commandTimeout) {

  /** System property: the distribution's root folder. */
  public static final String HOME = "doppel.home";

  /** System property: the {@code deploy/} poll interval in milliseconds (default 500). */
  public static final String POLL_MILLIS = "doppel.deploy.poll.ms";

  /** System property: seconds to wait for the runtime's command service (default 60). */
  public static final String COMMAND_TIMEOUT = "doppel.command.timeout.s";

  public HostSettings {
    libraryClassPath = List.copyOf(libraryClassPath);
  }

  /**
   * The settings of an installed distribution: {@code lib/}, {@code bundle/} and
   * {@code deploy/} under {@code doppel.home} (the working folder if unset), the cache in
   * the system's temporary folder.
   */
  public static HostSettings fromSystemProperties() {
    Path home = Path.of(System.getProperty(HOME, ".")).toAbsolutePath().normalize();
    Path lib = home.resolve("lib");
    List<Path> classPath = lib.toFile().isDirectory() ? SystemPackages.jarsIn(lib)
        : SystemPackages.launcherClassPath();
    return new HostSettings(classPath, home.resolve("bundle"), home.resolve("deploy"),
        Duration.ofMillis(Long.getLong(POLL_MILLIS, 500)),
        Path.of(System.getProperty("java.io.tmpdir")),
        Duration.ofSeconds(Long.getLong(COMMAND_TIMEOUT, 60)));
  }
}
