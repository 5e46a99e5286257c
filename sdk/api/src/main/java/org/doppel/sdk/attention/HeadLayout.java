package org.doppel.sdk.attention;

import java.util.List;

/**
 * How a multi-head attention block lays out its heads in the graph, so that a tool outside
 * its bundle (structured pruning) can find the heads and remove whole ones.
 *
 * <p>Under its prefix {@code p}, a block that follows this layout has
 * <ul>
 *   <li>query, key and value projections {@code p/q/W}, {@code p/k/W}, {@code p/v/W}
 *       {@code [width, heads * d]} with biases {@code p/q/b} ... {@code [heads * d]}: head
 *       {@code h} owns columns {@code h*d} to {@code h*d + d - 1};</li>
 *   <li>the output projection {@code p/out/W} {@code [heads * d, width]}: head {@code h} owns
 *       the same rows;</li>
 *   <li>the shape constants named by {@link #SHAPES} (vectors of longs), the only places
 *       where the head count enters the graph: {@code p/shape/head_split}
 *       {@code [-1, tokens, heads, d]}, {@code p/shape/per_head} {@code [-1, heads, tokens,
 *       tokens]}, {@code p/shape/context_split} {@code [-1, heads, tokens, d]} and
 *       {@code p/shape/merged} {@code [-1, heads * d]}.</li>
 * </ul>
 * Removing heads means cutting their columns and rows and writing {@link #reshaped} of every
 * shape constant back. Stateless.
 */
public final class HeadLayout {

  /** The query, key and value projections, after the prefix. */
  public static final List<String> PROJECTIONS = List.of("/q", "/k", "/v");

  /** The output projection, after the prefix. */
  public static final String OUTPUT = "/out";

  /** A projection's weight matrix, after the projection's name. */
  public static final String WEIGHT = "/W";

  /** A projection's bias, after the projection's name. */
  public static final String BIAS = "/b";

  /** {@code [-1, tokens, heads, d]}: the projections split into heads. */
  public static final String HEAD_SPLIT = "/shape/head_split";

  /** {@code [-1, heads, tokens, tokens]}: the scores by head. */
  public static final String PER_HEAD = "/shape/per_head";

  /** {@code [-1, heads, tokens, d]}: the attended values by head. */
  public static final String CONTEXT_SPLIT = "/shape/context_split";

  /** {@code [-1, heads * d]}: the heads merged again. */
  public static final String MERGED = "/shape/merged";

  /** Every shape constant, after the prefix. */
  public static final List<String> SHAPES = List.of(HEAD_SPLIT, PER_HEAD, CONTEXT_SPLIT,
      MERGED);

  private HeadLayout() {
  }

  /**
   * The shape constant {@code name} (one of {@link #SHAPES}) for {@code heads} heads of
   * width {@code headWidth}, the other entries of {@code shape} kept.
   *
   * @throws IllegalArgumentException for a name that is not a shape constant, or a shape of
   *     the wrong length
   */
  public static long[] reshaped(String name, long[] shape, int heads, int headWidth) {
    long[] resized = shape.clone();
    int expected = MERGED.equals(name) ? 2 : 4;
    if (shape.length != expected) {
      throw new IllegalArgumentException("shape constant " + name + " has " + shape.length
          + " entries, expected " + expected);
    }
    switch (name) {
      case HEAD_SPLIT -> resized[2] = heads;
      case PER_HEAD, CONTEXT_SPLIT -> resized[1] = heads;
      case MERGED -> resized[1] = (long) heads * headWidth;
      default -> throw new IllegalArgumentException("not a head shape constant: " + name);
    }
    return resized;
  }
}
