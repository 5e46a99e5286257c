package org.doppel.runtime.pipeline;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.doppel.sdk.compute.ComputeException;
import org.doppel.sdk.compute.ComputeService;

/**
 * How a run reaches the compute device: through the shared {@link ComputeService} inside the
 * framework, so several runs and bundles take turns on one device, or directly where no
 * service exists (unit tests outside OSGi).
 */
@FunctionalInterface
public interface ComputeAccess {

  /** Runs {@code work} on the device; what it throws is rethrown unchecked. */
  <T> T run(String task, Callable<T> work);

  /** Runs work on the calling thread, with no sharing. */
  static ComputeAccess direct() {
    return new ComputeAccess() {
      @Override
      public <T> T run(String task, Callable<T> work) {
        try {
          return work.call();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new ComputeException(task + ": " + e.getMessage(), e);
        }
      }
    };
  }

  /** Runs work through the shared service, on behalf of {@code owner}. */
  static ComputeAccess through(ComputeService service, String owner) {
    return new ComputeAccess() {
      @Override
      public <T> T run(String task, Callable<T> work) {
        try {
          return service.run(owner + "/" + task, work);
        } catch (ComputeException e) {
          // The service wraps what the work threw; a run reports the original error.
          if (e.getCause() instanceof RuntimeException cause) {
            throw cause;
          }
          throw e;
        }
      }
    };
  }

  /**
   * Runs work through whichever shared service is registered when the work is asked for,
   * for a framework service that outlives restarts of the compute bundle.
   *
   * @throws IllegalStateException from {@link #run} when no compute service is registered
   */
  static ComputeAccess tracking(Supplier<Optional<ComputeService>> service, String owner) {
    return new ComputeAccess() {
      @Override
      public <T> T run(String task, Callable<T> work) {
        ComputeService current = service.get().orElseThrow(() -> new IllegalStateException(
            "the compute service is not running: is the doppel-compute bundle installed and "
                + "active? (doppel start, then 'bundles')"));
        return through(current, owner).run(task, work);
      }
    };
  }
}
