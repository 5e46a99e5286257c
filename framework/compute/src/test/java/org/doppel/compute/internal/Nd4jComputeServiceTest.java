package org.doppel.compute.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.compute.ComputeUsage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The service on the real CPU backend, outside OSGi (as the launcher's class path has it). */
class Nd4jComputeServiceTest {

  private final ComputeService service = new Nd4jComputeService(new Nd4jBackend(),
      new ComputeQueue(), CpuModel.name());

  @Test
  void infoDescribesTheCpuBackend() {
    ComputeInfo info = service.info();

    assertEquals("CPU", info.backend());
    assertEquals("OPENBLAS", info.blasVendor());
    assertTrue(info.blasThreads() >= 1, "BLAS threads: " + info.blasThreads());
    assertEquals(1, info.devices().size());
    assertTrue(info.devices().get(0).startsWith("CPU: "), info.devices().toString());
    assertTrue(info.devices().get(0).contains(
        Runtime.getRuntime().availableProcessors() + " cores"), info.devices().toString());
    assertTrue(info.usedBytes() > 50L << 20, "resident bytes: " + info.usedBytes());
    assertTrue(info.maxBytes() > info.usedBytes(), "limit bytes: " + info.maxBytes());
  }

  @Test
  void aMatrixProductRunsThroughTheQueueAndIsCounted() {
    double[][] product = service.run("test", () -> {
      var a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
      var b = Nd4j.createFromArray(new double[][] {{5, 6}, {7, 8}});
      return a.mmul(b).toDoubleMatrix();
    });

    assertArrayEquals(new double[] {19, 22}, product[0]);
    assertArrayEquals(new double[] {43, 50}, product[1]);
    List<ComputeUsage> usage = service.usage();
    assertEquals(1, usage.size());
    assertEquals(new ComputeUsage("test", 1, 0, usage.get(0).busy(), usage.get(0).waited()),
        usage.get(0));
  }

  /** Case C02: a thread whose context loader cannot see ND4J still gets an answer. */
  @Test
  void threadsWithAForeignOrNoContextLoaderStillReachTheBackend() throws Exception {
    service.info();
    for (ClassLoader foreign : new ClassLoader[] {new URLClassLoader(new URL[0], null),
        null}) {
      AtomicReference<Object> outcome = new AtomicReference<>();
      Thread thread = new Thread(() -> {
        try {
          outcome.set(service.run("c02", () -> Nd4j.zeros(2, 2).sumNumber().doubleValue()));
          outcome.set(List.of(outcome.get(), service.info().backend()));
        } catch (RuntimeException | LinkageError e) {
          outcome.set(e);
        }
      });
      thread.setContextClassLoader(foreign);
      thread.start();
      thread.join(30_000);

      assertFalse(thread.isAlive());
      assertEquals(List.of(0.0, "CPU"), outcome.get(), "context loader " + foreign);
    }
  }
}
