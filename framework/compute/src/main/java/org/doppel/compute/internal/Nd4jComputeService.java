package org.doppel.compute.internal;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.doppel.sdk.compute.ComputeException;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.compute.ComputeUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's one {@link ComputeService}, on the ND4J backend the launcher started.
 *
 * <p>{@link #run} goes through a fair queue, one job at a time; {@link #info} does not
 * wait for it, so {@code doppel info} answers while a long training job runs. Thread-safe.
 */
final class Nd4jComputeService implements ComputeService {

  private static final Logger LOG = LoggerFactory.getLogger(Nd4jComputeService.class);

  private final Backend backend;
  private final ComputeQueue queue;
  private final String cpuModel;
  private final AtomicBoolean announced = new AtomicBoolean();

  Nd4jComputeService(Backend backend, ComputeQueue queue, String cpuModel) {
    this.backend = backend;
    this.queue = queue;
    this.cpuModel = cpuModel;
  }

  @Override
  public ComputeInfo info() {
    ComputeInfo info = BackendReport.from(backend.environment(), cpuModel,
        backend.hostMemory());
    if (announced.compareAndSet(false, true)) {
      LOG.info("compute backend [{}] with BLAS [{}], [{}] thread(s), devices {}",
          info.backend(), info.blasVendor(), info.blasThreads(), info.devices());
    }
    return info;
  }

  @Override
  public <T> T run(String owner, Callable<T> work) {
    try {
      backend.start();
    } catch (IllegalStateException e) {
      throw new ComputeException("compute job of '" + owner + "' cannot run: "
          + e.getMessage(), e);
    }
    return queue.run(owner, work);
  }

  @Override
  public List<ComputeUsage> usage() {
    return queue.usage();
  }
}
