package org.doppel.sdk.wiring;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Framework services as a plugin reaches them. Services come and go, so look one up when it
 * is needed rather than keeping it. Thread-safe.
 */
@ProviderType
public interface Services {

  /** The service of {@code type} with the highest ranking, if one is registered now. */
  <T> Optional<T> find(Class<T> type);

  /**
   * The service of {@code type}.
   *
   * @throws IllegalStateException naming the type when none is registered
   */
  default <T> T get(Class<T> type) {
    return find(type).orElseThrow(() -> new IllegalStateException(
        "no " + type.getName() + " service is registered; is its bundle started?"));
  }
}
