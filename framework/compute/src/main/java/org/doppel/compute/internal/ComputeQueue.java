package org.doppel.compute.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.doppel.sdk.compute.ComputeException;
import org.doppel.sdk.compute.ComputeUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs compute jobs one at a time, first come first served, and keeps per-owner accounts.
 *
 * <p>A fair lock gives the device to waiting jobs in arrival order, so one bundle's stream
 * of short jobs cannot starve another's. The lock is reentrant: a job that runs a nested
 * job on its own thread does not deadlock. Thread-safe.
 */
final class ComputeQueue {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeQueue.class);

  private final ReentrantLock device = new ReentrantLock(true);
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  ComputeQueue() {
    this(System::nanoTime);
  }

  /** A queue timed by {@code nanoClock}, so tests can see exact durations. */
  ComputeQueue(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Runs {@code work} once every job queued before it has finished.
   *
   * @throws IllegalArgumentException when {@code owner} is blank
   * @throws ComputeException wrapping what {@code work} threw, or an interrupt while
   *     waiting, naming {@code owner}
   */
  <T> T run(String owner, Callable<T> work) {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("a compute job needs an owner (who asks), got '"
          + owner + "'");
    }
    long queued = nanoClock.getAsLong();
    acquire(owner);

    long started = nanoClock.getAsLong();
    boolean failed = true;
    try {
      T result = work.call();
      failed = false;
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeException("compute job of '" + owner + "' was interrupted", e);
    } catch (Exception | LinkageError e) {
      // A LinkageError here is most often a backend that failed to start (C02): name who
      // met it rather than let it surface without context.
      throw new ComputeException("compute job of '" + owner + "' failed: " + describe(e),
          e);
    } finally {
      long finished = nanoClock.getAsLong();
      device.unlock();
      accounts.computeIfAbsent(owner, Account::new)
          .record(started - queued, finished - started, failed);
      if (LOG.isDebugEnabled()) {
        LOG.debug("compute job of [{}] waited [{} ms], ran [{} ms]{}", owner,
            millis(started - queued), millis(finished - started), failed ? ", failed" : "");
      }
    }
  }

  /** The accounts in owner order. */
  List<ComputeUsage> usage() {
    return accounts.values().stream()
        .map(Account::snapshot)
        .sorted((a, b) -> a.owner().compareTo(b.owner()))
        .toList();
  }

  /** How many jobs wait for the device now (an estimate, as the lock's own count is). */
  int waiting() {
    return device.getQueueLength();
  }

  /** Whether a job holds the device now. */
  boolean busy() {
    return device.isLocked();
  }

  private void acquire(String owner) {
    try {
      device.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeException("compute job of '" + owner
          + "' was interrupted while waiting for the device", e);
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
  }

  /** One owner's running totals; updated under its own monitor, read as a snapshot. */
  private static final class Account {

    private final String owner;
    private long jobs;
    private long failures;
    private long busyNanos;
    private long waitedNanos;

    Account(String owner) {
      this.owner = owner;
    }

    synchronized void record(long waited, long busy, boolean failed) {
      jobs++;
      failures += failed ? 1 : 0;
      waitedNanos += waited;
      busyNanos += busy;
    }

    synchronized ComputeUsage snapshot() {
      return new ComputeUsage(owner, jobs, failures, Duration.ofNanos(busyNanos),
          Duration.ofNanos(waitedNanos));
    }
  }
}
