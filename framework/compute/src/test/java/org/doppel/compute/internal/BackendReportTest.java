package org.doppel.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.doppel.sdk.compute.ComputeInfo;
import org.junit.jupiter.api.Test;

class BackendReportTest {

  private static final HostMemory HOST = new HostMemory(300L << 20, 12L << 30);

  @Test
  void theCpuBackendReportsTheProcessorAndTheProcessMemory() {
    Properties cpu = new Properties();
    cpu.put("backend", "CPU");
    cpu.put("blas.vendor", "OPENBLAS");
    cpu.put("blas.threads", 1);
    cpu.put("omp.threads", 1);
    cpu.put("cores", 2);

    ComputeInfo info = BackendReport.from(cpu, "AMD EPYC", HOST);

    assertEquals(new ComputeInfo("CPU", List.of("CPU: AMD EPYC, 2 cores, 1 OpenMP thread(s)"),
        "OPENBLAS", 1, 12L << 30, 300L << 20), info);
  }

  @Test
  void theCudaBackendReportsEachGpuAndItsMemory() {
    Properties cuda = new Properties();
    cuda.put("backend", "CUDA");
    cuda.put("blas.vendor", "CUBLAS");
    cuda.put("cuda.availableDevices", 2);
    cuda.put("cuda.devicesInformation", List.of(
        Map.of("cuda.deviceName", "NVIDIA A100-SXM4-40GB", "cuda.deviceMajor", 8,
            "cuda.deviceMinor", 0, "cuda.totalMemory", 40L << 30,
            "cuda.freeMemory", 39L << 30),
        Map.of("cuda.deviceName", "NVIDIA A100-SXM4-40GB", "cuda.deviceMajor", 8,
            "cuda.deviceMinor", 0, "cuda.totalMemory", 40L << 30,
            "cuda.freeMemory", 38L << 30)));

    ComputeInfo info = BackendReport.from(cuda, "AMD EPYC", HOST);

    assertEquals(List.of(
        "GPU 0: NVIDIA A100-SXM4-40GB, compute capability 8.0, 40960 MiB (39936 MiB free)",
        "GPU 1: NVIDIA A100-SXM4-40GB, compute capability 8.0, 40960 MiB (38912 MiB free)"),
        info.devices());
    assertEquals("CUDA", info.backend());
    assertEquals("CUBLAS", info.blasVendor());
    assertEquals(80L << 30, info.maxBytes());
    assertEquals(3L << 30, info.usedBytes());
  }

  @Test
  void whatTheBackendDoesNotSayIsReportedAsUnknown() {
    Properties sparse = new Properties();
    sparse.put("cores", "four");

    ComputeInfo info = BackendReport.from(sparse, "RISC-V", new HostMemory(-1, -1));

    assertEquals("unknown", info.backend());
    assertEquals("unknown", info.blasVendor());
    assertEquals(0, info.blasThreads());
    assertEquals(-1, info.maxBytes());
    assertEquals(1, info.devices().size());
  }

  @Test
  void openMpThreadsStandInWhenBlasThreadsAreNotReported() {
    Properties environment = new Properties();
    environment.put("omp.threads", "4");

    assertEquals(4, BackendReport.from(environment, "x", HOST).blasThreads());
  }
}
