package org.doppel.compute.internal;

import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ND4J as loaded by the launcher, on the application class path.
 *
 * <p>ND4J looks its backend up through the context class loader of the first thread that
 * touches it and keeps the outcome for the JVM's life (cases C01, C02). The launcher
 * starts it before any bundle runs; should that not have happened, every call here sets
 * the context loader, and ND4J's recorded loader, to the loader that defined ND4J itself,
 * never this bundle's, so the lookup cannot depend on which bundle's thread came first.
 * Thread-safe.
 */
final class Nd4jBackend implements Backend {

  private static final Logger LOG = LoggerFactory.getLogger(Nd4jBackend.class);

  private volatile boolean started;

  @Override
  public void start() {
    if (started) {
      return;
    }
    try {
      withNd4jLoader(() -> {
        useNd4jLoader();
        return Nd4j.getBackend();
      });
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("the ND4J backend did not start; searched class loader "
          + nd4jLoader() + ", which sees backends " + visibleBackends() + " (ND4J stays"
          + " broken for the JVM's life once its start has failed): " + e, e);
    }
    started = true;
  }

  @Override
  public Properties environment() {
    start();
    Properties environment = new Properties();
    environment.putAll(withNd4jLoader(() -> Nd4j.getExecutioner()
        .getEnvironmentInformation()));
    return environment;
  }

  @Override
  public HostMemory hostMemory() {
    long resident = Pointer.physicalBytes();
    long limit = Pointer.maxPhysicalBytes();
    return new HostMemory(resident > 0 ? resident : -1, limit > 0 ? limit : -1);
  }

  /**
   * ND4J keeps the context loader of the first thread that touched its class-loading
   * helper, which may be a thread that touched only ND4J's common classes; the context
   * loader alone would not undo that choice, so a wrong one is replaced before the backend
   * starts.
   */
  private static void useNd4jLoader() {
    ClassLoader recorded = ND4JClassLoading.getNd4jClassloader();
    if (recorded != nd4jLoader()) {
      LOG.warn("ND4J had recorded class loader [{}], which did not define it; using [{}]",
          recorded, nd4jLoader());
      ND4JClassLoading.setNd4jClassloader(nd4jLoader());
    }
  }

  private static <T> T withNd4jLoader(Supplier<T> call) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(nd4jLoader());
    try {
      return call.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static ClassLoader nd4jLoader() {
    return Nd4j.class.getClassLoader();
  }

  private static List<String> visibleBackends() {
    try {
      return ServiceLoader.load(org.nd4j.linalg.factory.Nd4jBackend.class, nd4jLoader())
          .stream()
          .map(provider -> provider.type().getName())
          .toList();
    } catch (RuntimeException | LinkageError e) {
      return List.of("none (" + e + ")");
    }
  }
}
