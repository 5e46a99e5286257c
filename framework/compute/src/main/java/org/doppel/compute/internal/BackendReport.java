package org.doppel.compute.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.doppel.sdk.compute.ComputeInfo;

/**
 * Turns ND4J's environment information into a {@link ComputeInfo}.
 *
 * <p>ND4J reports its environment as loose properties whose keys depend on the backend:
 * the CPU backend gives cores, OpenMP and BLAS threads; the CUDA backend adds a list of
 * per-device maps with name, compute capability and memory. Missing keys read as unknown,
 * never as an error, so a backend that reports less still gets an answer. Stateless.
 */
final class BackendReport {

  static final String BACKEND = "backend";
  static final String BLAS_VENDOR = "blas.vendor";
  static final String BLAS_THREADS = "blas.threads";
  static final String OMP_THREADS = "omp.threads";
  static final String CORES = "cores";
  static final String CUDA_DEVICES = "cuda.devicesInformation";
  static final String CUDA_NAME = "cuda.deviceName";
  static final String CUDA_TOTAL = "cuda.totalMemory";
  static final String CUDA_FREE = "cuda.freeMemory";
  static final String CUDA_MAJOR = "cuda.deviceMajor";
  static final String CUDA_MINOR = "cuda.deviceMinor";

  private static final String UNKNOWN = "unknown";

  private BackendReport() {
  }

  /**
   * The report for a backend's {@code environment}.
   *
   * @param cpuModel the host processor's name, for the CPU backend's device line
   * @param host the process's memory, used unless the backend reports device memory
   */
  static ComputeInfo from(Properties environment, String cpuModel, HostMemory host) {
    String backend = text(environment.get(BACKEND));
    String blasVendor = text(environment.get(BLAS_VENDOR));
    int threads = threads(environment);
    List<Map<?, ?>> gpus = gpus(environment);
    if (gpus.isEmpty()) {
      return new ComputeInfo(backend, List.of(cpuLine(environment, cpuModel)), blasVendor,
          threads, host.limitBytes(), host.residentBytes());
    }

    List<String> devices = new ArrayList<>();
    long total = 0;
    long used = 0;
    for (int i = 0; i < gpus.size(); i++) {
      Map<?, ?> gpu = gpus.get(i);
      long deviceTotal = number(gpu.get(CUDA_TOTAL), -1);
      long deviceFree = number(gpu.get(CUDA_FREE), -1);
      devices.add(gpuLine(i, gpu, deviceTotal, deviceFree));
      total += Math.max(0, deviceTotal);
      used += deviceTotal >= 0 && deviceFree >= 0 ? deviceTotal - deviceFree : 0;
    }
    return new ComputeInfo(backend, devices, blasVendor, threads, total > 0 ? total : -1,
        total > 0 ? used : -1);
  }

  private static String cpuLine(Properties environment, String cpuModel) {
    long cores = number(environment.get(CORES), Runtime.getRuntime().availableProcessors());
    long omp = number(environment.get(OMP_THREADS), -1);
    String line = "CPU: " + cpuModel + ", " + cores + " cores";
    return omp > 0 ? line + ", " + omp + " OpenMP thread(s)" : line;
  }

  private static String gpuLine(int index, Map<?, ?> gpu, long total, long free) {
    StringBuilder line = new StringBuilder("GPU " + index + ": " + text(gpu.get(CUDA_NAME)));
    long major = number(gpu.get(CUDA_MAJOR), -1);
    if (major >= 0) {
      line.append(", compute capability ").append(major).append('.')
          .append(number(gpu.get(CUDA_MINOR), 0));
    }
    if (total >= 0) {
      line.append(", ").append(mebibytes(total)).append(" MiB");
      if (free >= 0) {
        line.append(" (").append(mebibytes(free)).append(" MiB free)");
      }
    }
    return line.toString();
  }

  /** BLAS threads where the backend says, else OpenMP's, else 0 for not reported. */
  private static int threads(Properties environment) {
    long blas = number(environment.get(BLAS_THREADS), -1);
    return (int) (blas > 0 ? blas : Math.max(0, number(environment.get(OMP_THREADS), 0)));
  }

  private static List<Map<?, ?>> gpus(Properties environment) {
    if (!(environment.get(CUDA_DEVICES) instanceof List<?> list)) {
      return List.of();
    }
    List<Map<?, ?>> gpus = new ArrayList<>();
    for (Object entry : list) {
      if (entry instanceof Map<?, ?> map) {
        gpus.add(map);
      }
    }
    return gpus;
  }

  private static long number(Object value, long fallback) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value != null) {
      try {
        return Long.parseLong(value.toString().trim());
      } catch (NumberFormatException notANumber) {
        return fallback;
      }
    }
    return fallback;
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? UNKNOWN : value.toString().trim();
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%d", bytes >> 20);
  }
}
