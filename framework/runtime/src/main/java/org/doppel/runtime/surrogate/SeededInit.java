package org.doppel.runtime.surrogate;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Initial weights from a generator seeded by the run's seed and the variable's name, so
 * the same seed gives the same network and adding a variable does not shift the others.
 */
public final class SeededInit {

  private SeededInit() {
  }

  /** Glorot-uniform {@code [rows, columns]} weights. */
  public static INDArray glorot(long seed, String name, int rows, int columns) {
    double limit = Math.sqrt(6.0 / (rows + columns));
    SplittableRandom random = new SplittableRandom(seed ^ ((long) name.hashCode() << 32));
    float[] values = new float[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
    }
    return Nd4j.create(values, new long[] {rows, columns}, 'c');
  }

  public static INDArray zeros(int width) {
    return Nd4j.zeros(DataType.FLOAT, width);
  }
}
