package org.doppel.sdk.compute;

import java.util.List;
import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one deep-learning backend of the JVM (ND4J: CPU by default, CUDA when present).
 *
 * <p>Bundles never start ND4J themselves; they run their model work through {@link #run},
 * which serialises access so several domain bundles can share one device safely.
 * Thread-safe.
 */
@ProviderType
public interface ComputeService {

  /** The backend, its devices, memory and thread settings. */
  ComputeInfo info();

  /**
   * Runs {@code work} on the compute device, one job at a time across all bundles.
   *
   * @param owner who asks, for logs and accounting (for example {@code "smart-grid"})
   * @return what {@code work} returned
   * @throws ComputeException wrapping what {@code work} threw, naming {@code owner}
   */
  <T> T run(String owner, Callable<T> work);

  /**
   * The accounts of every owner that has run work, in owner order, for {@code doppel info}
   * and for bundles that share a device fairly. Empty when the service keeps no accounts.
   */
  default List<ComputeUsage> usage() {
    return List.of();
  }
}
