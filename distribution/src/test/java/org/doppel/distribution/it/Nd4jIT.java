package org.doppel.distribution.it;

import static org.doppel.distribution.it.TestHost.await;
import static org.doppel.distribution.it.TestHost.deployAtomically;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleSupplier;
import org.doppel.launcher.SystemPackages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/** ND4J inside Felix after the launcher's initialisation (cases C01 and C02). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Nd4jIT {

  /** [[1,2],[3,4]] x [[5,6],[7,8]] = [[19,22],[43,50]]. */
  private static final double PRODUCT_SUM = 134.0;

  private TestHost host;

  @BeforeAll
  void boot() throws IOException {
    host = TestHost.boot("nd4j");
  }

  @AfterAll
  void stop() {
    host.close();
  }

  /** C02 (a): a thread whose context loader is a bare loader with no ND4J on it. */
  @Test
  void zerosOnThreadWithBareContextLoader() throws Exception {
    try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
      INDArray zeros = onThreadWithContextLoader(bare, () -> Nd4j.zeros(2, 2));

      assertArrayEquals(new long[] {2, 2}, zeros.shape());
      assertEquals(0.0, zeros.sumNumber().doubleValue());
    }
  }

  /** C02 (b): a context loader holding a second copy of the ND4J api jar. */
  @Test
  void zerosOnThreadWithSecondNd4jCopyAsContextLoader() throws Exception {
    Path api = SystemPackages.jarsIn(TestHost.DIST.resolve("lib")).stream()
        .filter(j -> j.getFileName().toString().startsWith("nd4j-api-")).findFirst()
        .orElseThrow();
    try (URLClassLoader copy = new URLClassLoader(new URL[] {api.toUri().toURL()}, null)) {
      INDArray zeros = onThreadWithContextLoader(copy, () -> Nd4j.zeros(2, 2));

      assertArrayEquals(new long[] {2, 2}, zeros.shape());
    }
  }

  /** C01: an ND4J-using bundle updated 10 times computes after every update. */
  @Test
  void nd4jBundleWorksAfterEachOfTenUpdates() throws Exception {
    Path jar = host.deploy.resolve("nd4j-user.jar");
    for (int update = 0; update <= 10; update++) {
      String version = "1." + update + ".0";
      deployAtomically(FixtureBundles.nd4j(version), jar);
      await("nd4j fixture " + version, () -> host.bundleAt(jar)
          .filter(b -> b.getState() == Bundle.ACTIVE)
          .filter(b -> b.getVersion().toString().equals(version)).isPresent());
      Bundle bundle = host.bundleAt(jar).orElseThrow();

      // The bundle sees the one ND4J of the JVM, loaded by the application class loader.
      assertSame(Nd4j.class, bundle.loadClass(Nd4j.class.getName()));
      ClassLoader bundleLoader = bundle.adapt(BundleWiring.class).getClassLoader();
      assertEquals(PRODUCT_SUM, onThreadWithContextLoader(bundleLoader,
          () -> product(bundle)), "after update " + update);
    }
  }

  private static double product(Bundle bundle) {
    var context = bundle.getBundleContext();
    ServiceReference<DoubleSupplier> reference =
        context.getServiceReference(DoubleSupplier.class);
    try {
      return context.getService(reference).getAsDouble();
    } finally {
      context.ungetService(reference);
    }
  }

  private static <T> T onThreadWithContextLoader(ClassLoader loader, Callable<T> task)
      throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, "context-loader-test");
      t.setContextClassLoader(loader);
      return t;
    });
    try {
      return thread.submit(task).get();
    } finally {
      thread.shutdown();
    }
  }
}
