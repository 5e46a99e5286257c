package org.doppel.launcher;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ND4J once per JVM, before any bundle runs (cases C01, C02).
 *
 * <p>ND4J looks its backend up through the class loader it sees on first use and keeps
 * that choice for the life of the JVM. Bundle threads carry bundle loaders (or none) as
 * their context loader, so the first use must happen here, with the application class
 * loader that holds ND4J, its backend and the native libraries.
 */
public final class Nd4jBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(Nd4jBootstrap.class);

  private static final String[] BACKEND_CLASSES = {
      "org.nd4j.linalg.cpu.nativecpu.CpuBackend",
      "org.nd4j.linalg.jcublas.JCublasBackend"};

  private static String backend;

  private Nd4jBootstrap() {
  }

  /**
   * Initialises ND4J with the launcher's class loader; later calls return at once.
   *
   * @return the backend's name, e.g. {@code CpuBackend}
   * @throws LauncherException naming the loader searched and the backend classes it sees
   */
  public static synchronized String initialise() {
    if (backend != null) {
      return backend;
    }
    ClassLoader launcherLoader = Nd4jBootstrap.class.getClassLoader();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    long start = System.nanoTime();
    try {
      thread.setContextClassLoader(launcherLoader);
      ND4JClassLoading.setNd4jClassloader(launcherLoader);

      // One small operation makes the backend load its native libraries now.
      Nd4j.zeros(2, 2).addi(1.0).sumNumber();
      backend = Nd4j.getBackend().getClass().getSimpleName();
      LOG.info("ND4J backend {} initialised in {} ms", backend,
          (System.nanoTime() - start) / 1_000_000);
      return backend;
    } catch (RuntimeException | LinkageError e) {
      throw new LauncherException("ND4J could not start its backend through class loader "
          + launcherLoader + "; backend classes visible there: " + visibleBackends(
          launcherLoader) + ": " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static List<String> visibleBackends(ClassLoader loader) {
    List<String> visible = new ArrayList<>();
    for (String name : BACKEND_CLASSES) {
      if (ND4JClassLoading.classPresentOnClasspath(name, loader)) {
        visible.add(name);
      }
    }
    return visible;
  }
}
