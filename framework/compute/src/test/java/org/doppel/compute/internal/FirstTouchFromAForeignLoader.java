package org.doppel.compute.internal;

import java.net.URL;
import java.net.URLClassLoader;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * Run in a fresh JVM by {@link Nd4jBackendFreshJvmTest}: a thread whose context loader
 * cannot see ND4J touches ND4J's class-loading helper first, then the compute service
 * starts the backend. Prints the backend it reports; exits 1 when it fails.
 */
final class FirstTouchFromAForeignLoader {

  private FirstTouchFromAForeignLoader() {
  }

  public static void main(String[] args) throws InterruptedException {
    Thread foreign = new Thread(ND4JClassLoading::getNd4jClassloader);
    foreign.setContextClassLoader(new URLClassLoader(new URL[0], null));
    foreign.start();
    foreign.join();

    try {
      Nd4jComputeService service = new Nd4jComputeService(new Nd4jBackend(),
          new ComputeQueue(), "test");
      double sum = service.run("c02", () -> org.nd4j.linalg.factory.Nd4j.ones(2, 2)
          .sumNumber().doubleValue());
      System.out.println("backend=" + service.info().backend() + " sum=" + sum);
    } catch (RuntimeException e) {
      e.printStackTrace(System.out);
      System.exit(1);
    }
  }
}
