package org.doppel.runtime.forecast;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.runtime.pipeline.ComputeAccess;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.forecast.SequenceForecasting;

/**
 * The framework's {@link SequenceForecasting} outside OSGi, for unit tests of domain bundles:
 * the same implementation the runtime registers as a service, on plain ND4J in the caller's
 * thread, with the attention variants the test hands over.
 *
 * <p>A domain module's {@code pom.xml} adds, all with {@code <scope>test</scope>}:
 * {@code org.doppel:doppel-runtime} and {@code org.doppel:doppel-attention} (version
 * {@code ${project.version}}), {@code org.nd4j:nd4j-native} and {@code org.nd4j:nd4j-native}
 * with {@code <classifier>${javacpp.platform}</classifier>} (the CPU backend; versions come
 * from the parent's dependency management), and {@code ch.qos.logback:logback-classic} for
 * log output, with a {@code src/test/resources/logback-test.xml} that sets {@code org.nd4j}
 * to {@code WARN} (as the runtime's own does), or ND4J logs every array it caches at DEBUG.
 * Guice, which the third form below needs, is already on a bundle's class path (its
 * {@code PluginModule} extends Guice's {@code AbstractModule}). Then a test builds the service
 * in one of these ways:
 *
 * <pre>{@code
 * // every variant the attention bundle contributes, wired by the bundle's own module
 * SequenceForecasting forecasting = StandaloneForecasting.create(
 *     new org.doppel.plugins.attention.internal.AttentionModule());
 *
 * // or only the public variants, by hand (a list, or a map from id to variant)
 * SequenceForecasting forecasting = StandaloneForecasting.create(List.of(
 *     new org.doppel.plugins.attention.MultiHeadAttention(),
 *     new org.doppel.plugins.attention.NoAttention()));
 *
 * SequenceForecaster forecaster = forecasting.train(windows,
 *     new ForecasterSettings("multi-head", Parameters.of("attention", Map.of("heads", 2)),
 *         16, 5, 32, 1e-2, 1e-4, 0.2, 3, 42L), null);
 * }</pre>
 *
 * <p>{@code AttentionModule} lists {@code multi-head}, {@code dot-product},
 * {@code learned-query}, {@code additive}, {@code top-k}, {@code local} and {@code none};
 * only {@code MultiHeadAttention} and {@code NoAttention} are public classes, the others are
 * reached through the module. Surefire in the parent pom already sets
 * {@code OMP_NUM_THREADS=1} and {@code OMP_WAIT_POLICY=PASSIVE}, which keeps small models
 * fast on two cores.
 */
public final class StandaloneForecasting {

  private StandaloneForecasting() {
  }

  /**
   * The service over the given variants, looked up by their ids.
   *
   * @throws IllegalArgumentException when two variants share an id
   */
  public static SequenceForecasting create(Collection<? extends AttentionVariant> variants) {
    List<String> ids = new ArrayList<>();
    for (AttentionVariant variant : variants) {
      if (ids.contains(variant.id())) {
        throw new IllegalArgumentException("two attention variants have the id '"
            + variant.id() + "'");
      }
      ids.add(variant.id());
    }
    return new SameDiffForecasting(ComputeAccess.direct(), PluginLookup.of(List.copyOf(
        variants)));
  }

  /**
   * The service over variants keyed by id, as a scenario names them.
   *
   * @throws IllegalArgumentException when a key differs from its variant's id
   */
  public static SequenceForecasting create(Map<String, ? extends AttentionVariant> variants) {
    variants.forEach((id, variant) -> {
      if (!id.equals(variant.id())) {
        throw new IllegalArgumentException("attention variant '" + variant.id()
            + "' is given under the id '" + id + "'");
      }
    });
    return create(variants.values());
  }

  /**
   * The service over every attention variant the given plugin modules contribute (such as
   * the attention bundle's {@code AttentionModule}), wired with Guice as the bundles' own
   * activators wire them. Plugins of other types are ignored.
   */
  public static SequenceForecasting create(Module... modules) {
    Set<Plugin> plugins = Guice.createInjector(modules)
        .getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));
    return create(plugins.stream().filter(p -> p.type() == PluginType.ATTENTION)
        .map(AttentionVariant.class::cast).toList());
  }
}
