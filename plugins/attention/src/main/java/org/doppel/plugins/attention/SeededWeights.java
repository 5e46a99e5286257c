package org.doppel.plugins.attention;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Initial weights drawn from a generator seeded by the spec's seed and the variable's name,
 * so a graph is the same on every run and adding a variable does not shift the others.
 */
final class SeededWeights {

  private SeededWeights() {
  }

  /** Glorot-uniform weights for a {@code [fanIn, fanOut]} matrix. */
  static INDArray glorot(long seed, String name, int fanIn, int fanOut) {
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    SplittableRandom random = new SplittableRandom(seed ^ ((long) name.hashCode() << 32));
    float[] values = new float[fanIn * fanOut];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
    }
    return Nd4j.create(values, new long[] {fanIn, fanOut}, 'c');
  }

  /** A zero bias row of {@code width}. */
  static INDArray zeros(int width) {
    return Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, width);
  }
}
