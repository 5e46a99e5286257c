package org.doppel.compute.internal;

import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J as loaded by the launcher, on the application class path.
 *
 * <p>ND4J looks its backend up through the context class loader of the first thread that
 * touches it and keeps the outcome for the JVM's life (cases C01, C02). The launcher
 * starts it before any bundle runs; should that not have happened, every call here sets
 * the context loader to the loader that defined ND4J itself, never this bundle's, so the
 * lookup cannot depend on which bundle's thread came first. Thread-safe.
 */
final class Nd4jBackend implements Backend {

  private volatile boolean started;

  @Override
  public void start() {
    if (started) {
      return;
    }
    try {
      withNd4jLoader(Nd4j::getBackend);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("the ND4J backend did not start; searched class loader "
          + nd4jLoader() + ", which sees backends " + visibleBackends() + ": " + e, e);
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
