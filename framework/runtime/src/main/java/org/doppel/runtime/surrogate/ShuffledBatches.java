package org.doppel.runtime.surrogate;

import java.util.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * One epoch's minibatches over rows in a seeded order, the last batch possibly partial
 * (case C11); a subclass assembles the batch of given rows. Shared by the day-ahead
 * surrogate's and the domain forecasters' training loops. Not thread-safe.
 */
public abstract class ShuffledBatches implements MultiDataSetIterator {

  private final int[] order;
  private final int batchSize;
  private int next;

  protected ShuffledBatches(int[] order, int batchSize) {
    this.order = order;
    this.batchSize = batchSize;
  }

  /** The rows {@code 0 .. n - 1} in an order drawn from {@code random} (Fisher–Yates). */
  public static int[] shuffled(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** The minibatch of these rows. */
  protected abstract MultiDataSet batch(long[] rows);

  @Override
  public MultiDataSet next(int count) {
    int end = Math.min(order.length, next + count);
    long[] rows = new long[end - next];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = order[next + i];
    }
    next = end;
    return batch(rows);
  }

  @Override
  public MultiDataSet next() {
    return next(batchSize);
  }

  @Override
  public boolean hasNext() {
    return next < order.length;
  }

  @Override
  public void reset() {
    next = 0;
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  @Override
  public boolean asyncSupported() {
    // A background prefetch thread would make the seeded order depend on timing.
    return false;
  }

  @Override
  public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
    throw new UnsupportedOperationException("training batches take no pre-processor");
  }

  @Override
  public MultiDataSetPreProcessor getPreProcessor() {
    return null;
  }
}
