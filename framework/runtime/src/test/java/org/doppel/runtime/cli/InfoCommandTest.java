package org.doppel.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.compute.ComputeUsage;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/** {@code doppel info} over a stand-in framework whose only service is a compute service. */
class InfoCommandTest {

  private final StringWriter out = new StringWriter();

  @Test
  void printsTheBackendItsDevicesMemoryAndEachOwnersUse() {
    ComputeService compute = new FixedCompute(
        new ComputeInfo("CUDA", List.of("GPU 0: NVIDIA H200, compute capability 9.0, 143771"
            + " MiB (140000 MiB free)"), "CUBLAS", 0, 143771L << 20, 3771L << 20),
        List.of(new ComputeUsage("smart-grid", 12, 1, Duration.ofMillis(3250),
            Duration.ofMillis(140))));

    int code = info(compute);

    assertEquals(0, code);
    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(0).startsWith("java:        "), lines.get(0));
    assertEquals(List.of(
        "backend:     CUDA, BLAS CUBLAS, threads not reported",
        "device:      GPU 0: NVIDIA H200, compute capability 9.0, 143771 MiB (140000 MiB"
            + " free)",
        "memory:      3771 MiB in use of 143771 MiB",
        "compute use: smart-grid: 12 job(s), 1 failed, 3.3 s running, 0.1 s waiting"),
        lines.subList(3, lines.size()));
  }

  @Test
  void saysWhenTheBackendReportsNoMemory() {
    int code = info(new FixedCompute(new ComputeInfo("CPU", List.of("CPU: x86_64, 2 cores"),
        "OPENBLAS", 1, -1, -1), List.of()));

    assertEquals(0, code);
    assertTrue(out.toString().contains("memory:      not reported by the backend"),
        out.toString());
  }

  @Test
  void failsWhenNoComputeServiceIsRunning() {
    int code = info(null);

    assertEquals(1, code);
    assertTrue(out.toString().contains("backend:     unavailable (the compute bundle is not"
        + " running)"), out.toString());
  }

  private int info(ComputeService compute) {
    CliContext context = new CliContext(framework(compute), null,
        new BufferedReader(new StringReader("")), new PrintWriter(out), new PrintWriter(out));
    return new InfoCommand(context).call();
  }

  /** A bundle context that knows the system bundle and, optionally, one compute service. */
  private static BundleContext framework(ComputeService compute) {
    Bundle system = proxy(Bundle.class, (method, args) -> switch (method) {
      case "getSymbolicName" -> "org.apache.felix.framework";
      case "getVersion" -> new Version(7, 0, 5);
      default -> throw new UnsupportedOperationException(method);
    });
    ServiceReference<?> reference = proxy(ServiceReference.class, (method, args) -> {
      throw new UnsupportedOperationException(method);
    });
    return proxy(BundleContext.class, (method, args) -> switch (method) {
      case "getBundle" -> system;
      case "getBundles" -> new Bundle[] {system};
      case "getServiceReference" -> compute == null ? null : reference;
      case "getService" -> compute;
      default -> throw new UnsupportedOperationException(method);
    });
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(Proxy.newProxyInstance(InfoCommandTest.class.getClassLoader(),
        new Class<?>[] {type}, (self, method, args) -> answer.answer(method.getName(), args)));
  }

  private record FixedCompute(ComputeInfo info, List<ComputeUsage> usage)
      implements ComputeService {

    @Override
    public <T> T run(String owner, Callable<T> work) {
      throw new UnsupportedOperationException("info never runs work");
    }
  }
}
