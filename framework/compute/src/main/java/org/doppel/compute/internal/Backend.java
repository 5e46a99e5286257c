package org.doppel.compute.internal;

import java.util.Properties;

/** The deep-learning backend as the compute service needs it. Thread-safe. */
interface Backend {

  /**
   * Makes sure the backend is running; cheap once it is (the launcher normally started it
   * before any bundle).
   *
   * @throws IllegalStateException naming the class loader searched and the backends it
   *     could see, when the backend cannot start
   */
  void start();

  /** The backend's own description of itself: backend, BLAS, threads, devices. */
  Properties environment();

  /** The process's memory now. */
  HostMemory hostMemory();
}
