package org.doppel.sdk.compute;

import java.util.List;

/**
 * The compute backend as it is running.
 *
 * @param backend the ND4J backend's name, such as {@code "CPU"} or {@code "CUDA"}
 * @param devices a description of each device
 * @param blasVendor the BLAS library in use (OpenBLAS, MKL, cuBLAS)
 * @param blasThreads the threads BLAS and OpenMP use
 * @param maxBytes the memory the backend may use, bytes ({@code -1} when unknown)
 * @param usedBytes the memory in use now, bytes ({@code -1} when unknown)
 */
public record ComputeInfo(String backend, List<String> devices, String blasVendor,
    int blasThreads, long maxBytes, long usedBytes) {

  public ComputeInfo {
    devices = List.copyOf(devices);
  }
}
