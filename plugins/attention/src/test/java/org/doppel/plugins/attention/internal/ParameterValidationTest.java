package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/** A misspelt or out-of-range parameter fails, naming the variant and the parameter. */
class ParameterValidationTest {

  private static final int TOKENS = 10;

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(new DotProductAttention(), Map.of("heads", 2), "heads"),
        Arguments.of(new LearnedQueryAttention(), Map.of("querys", 2), "querys"),
        Arguments.of(new LearnedQueryAttention(), Map.of("queries", 0), "queries"),
        Arguments.of(new LearnedQueryAttention(), Map.of("queries", "two"), "queries"),
        Arguments.of(new AdditiveAttention(), Map.of("units", -1), "units"),
        Arguments.of(new AdditiveAttention(), Map.of("hidden", 8), "hidden"),
        Arguments.of(new TopKAttention(), Map.of("k", 0), "k"),
        Arguments.of(new TopKAttention(), Map.of("k", TOKENS + 1), "k"),
        Arguments.of(new TopKAttention(), Map.of("k", 2.5), "k"),
        Arguments.of(new TopKAttention(), Map.of("top", 3), "top"),
        Arguments.of(new LocalAttention(), Map.of("window", -1), "window"),
        Arguments.of(new LocalAttention(), Map.of("window", TOKENS), "window"),
        Arguments.of(new LocalAttention(), Map.of("width", 3), "width"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalid")
  void invalidParameterFailsNamingVariantAndParameter(AttentionVariant variant,
      Map<String, Object> values, String key) {
    SameDiff graph = SameDiff.create();
    SDVariable tokens = graph.placeHolder("tokens", DataType.FLOAT, -1, TOKENS, 4);
    SDVariable mask = graph.placeHolder("keyMask", DataType.FLOAT, -1, TOKENS);
    // an owner that does not name the variant, as a careless caller might pass
    AttentionSpec spec = new AttentionSpec("", TOKENS, 4, Parameters.of("", values), 1);

    PluginException error = assertThrows(PluginException.class,
        () -> variant.build(graph, tokens, mask, spec));

    assertTrue(error.getMessage().contains(variant.id()), error.getMessage());
    assertTrue(error.getMessage().contains(key), error.getMessage());
  }
}
