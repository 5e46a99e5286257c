package org.doppel.sdk.attention;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What an attention block adds to the graph.
 *
 * @param output the attended representation, {@code [batch, queries, width]}
 * @param weights the attention weights, {@code [batch, queries, tokens]}, non-negative and
 *     summing to one over tokens for each query (averaged over heads); {@code null} for a
 *     variant without attention
 * @param queries the number of query positions in {@code output}
 * @param width the width of each output position
 */
public record AttentionBlock(SDVariable output, SDVariable weights, int queries, int width) {
}
