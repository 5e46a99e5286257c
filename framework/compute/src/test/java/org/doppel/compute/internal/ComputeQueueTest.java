package org.doppel.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.doppel.sdk.compute.ComputeException;
import org.doppel.sdk.compute.ComputeUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComputeQueueTest {

  private static final long TIMEOUT_SECONDS = 10;

  private final ComputeQueue queue = new ComputeQueue();
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void jobsFromManyThreadsNeverOverlap() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String owner = "bundle-" + (t % 2);
      workers.add(threads.submit(() -> {
        go.await();
        for (int job = 0; job < 200; job++) {
          queue.run(owner, () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            return running.decrementAndGet();
          });
        }
        return null;
      }));
    }

    go.countDown();
    for (Future<?> worker : workers) {
      worker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    assertEquals(1, mostAtOnce.get());
    assertEquals(List.of(800L, 800L), queue.usage().stream().map(ComputeUsage::jobs).toList());
  }

  @Test
  void aJobWaitsWhileAnotherHoldsTheDevice() throws Exception {
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicInteger secondRan = new AtomicInteger();
    Future<?> first = threads.submit(() -> queue.run("first", () -> {
      firstInside.countDown();
      return releaseFirst.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }));
    assertTrue(firstInside.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

    Future<?> second = threads.submit(() -> queue.run("second", secondRan::incrementAndGet));
    awaitCondition(() -> queue.waiting() == 1);

    assertEquals(0, secondRan.get(), "the second job ran while the first held the device");
    releaseFirst.countDown();
    first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(1, secondRan.get());
    assertFalse(queue.busy());
  }

  @Test
  void waitingJobsRunInArrivalOrder() throws Exception {
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    Future<?> first = threads.submit(() -> queue.run("holder", () -> {
      firstInside.countDown();
      return releaseFirst.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }));
    assertTrue(firstInside.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

    List<Future<?>> queued = new ArrayList<>();
    for (String owner : List.of("a", "b", "c", "d")) {
      int before = queue.waiting();
      queued.add(threads.submit(() -> queue.run(owner, () -> order.add(owner))));
      awaitCondition(() -> queue.waiting() == before + 1);
    }
    releaseFirst.countDown();
    first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    for (Future<?> job : queued) {
      job.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    assertEquals(List.of("a", "b", "c", "d"), order);
  }

  @Test
  void aFailureIsWrappedAndNamesTheOwner() {
    IllegalStateException cause = new IllegalStateException("shape [2, 3] does not fit");

    ComputeException error = assertThrows(ComputeException.class,
        () -> queue.run("smart-grid", () -> {
          throw cause;
        }));

    assertEquals("compute job of 'smart-grid' failed: shape [2, 3] does not fit",
        error.getMessage());
    assertSame(cause, error.getCause());
  }

  @Test
  void aFailedJobReleasesTheDeviceAndIsCounted() {
    assertThrows(ComputeException.class, () -> queue.run("traffic", () -> {
      throw new java.io.IOException("model file missing");
    }));

    assertEquals(42, queue.run("traffic", () -> 42));
    assertFalse(queue.busy());
    ComputeUsage usage = queue.usage().get(0);
    assertEquals(2, usage.jobs());
    assertEquals(1, usage.failures());
  }

  @Test
  void aBackendThatFailedToLoadIsWrappedToo() {
    ComputeException error = assertThrows(ComputeException.class,
        () -> queue.run("medical", () -> {
          throw new NoClassDefFoundError("org/nd4j/linalg/factory/Nd4j");
        }));

    assertTrue(error.getMessage().startsWith("compute job of 'medical' failed"),
        error.getMessage());
  }

  @Test
  void aJobMayRunANestedJobOnItsOwnThread() {
    int result = queue.run("outer", () -> queue.run("inner", () -> 7) * 6);

    assertEquals(42, result);
    assertEquals(List.of("inner", "outer"),
        queue.usage().stream().map(ComputeUsage::owner).toList());
  }

  @Test
  void anInterruptWhileWaitingEndsTheWaitAndKeepsTheFlag() throws Exception {
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Future<?> first = threads.submit(() -> queue.run("holder", () -> {
      firstInside.countDown();
      return releaseFirst.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }));
    assertTrue(firstInside.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

    Thread.currentThread().interrupt();
    ComputeException error = assertThrows(ComputeException.class,
        () -> queue.run("impatient", () -> 1));

    assertTrue(Thread.interrupted(), "the interrupt flag was lost");
    assertTrue(error.getMessage().contains("'impatient' was interrupted while waiting"),
        error.getMessage());
    releaseFirst.countDown();
    first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void accountsAddWaitingAndRunningTimePerOwner() {
    AtomicLong clock = new AtomicLong();
    ComputeQueue timed = new ComputeQueue(() -> clock.getAndAdd(1_000_000));

    timed.run("smart-grid", () -> 1);
    timed.run("smart-grid", () -> 2);
    timed.run("attention", () -> 3);

    // Each job reads the clock three times (queued, started, finished): 1 ms apart.
    assertEquals(List.of(
        new ComputeUsage("attention", 1, 0, Duration.ofMillis(1), Duration.ofMillis(1)),
        new ComputeUsage("smart-grid", 2, 0, Duration.ofMillis(2), Duration.ofMillis(2))),
        timed.usage());
  }

  @Test
  void aJobWithoutAnOwnerIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> queue.run(" ", () -> 1));

    assertTrue(error.getMessage().contains("needs an owner"), error.getMessage());
  }

  /** Polls a condition another thread makes true; fails after the timeout. */
  private static void awaitCondition(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not reached in time");
      Thread.yield();
    }
  }
}
