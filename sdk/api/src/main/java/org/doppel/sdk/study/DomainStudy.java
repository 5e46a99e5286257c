package org.doppel.sdk.study;

import java.io.IOException;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What {@code doppel run <domain>} does for a domain that has its own study.
 *
 * <p>The framework has already parsed the scenario and applied {@code --set} overrides, and
 * creates the run folder; the study reads its data, trains through
 * {@link StudyContext#forecasting()}, runs its plants and policies, and tells
 * {@link StudyContext#report()} what to keep. Stateless and thread-safe: the context holds a
 * run's state.
 */
@ConsumerType
public interface DomainStudy {

  /**
   * The top-level scenario sections this study reads besides {@code name},
   * {@code description}, {@code domain} and {@code seed}; any other section is an error
   * naming it.
   */
  Set<String> sections();

  /**
   * Checks the scenario before any folder is written or long work starts: every parameter
   * and plugin id it names. The default accepts everything.
   *
   * @throws org.doppel.sdk.PluginException naming the section, key and reason
   */
  default void validate(StudyContext context) {
  }

  /**
   * Runs the study. A thrown exception fails the run: the framework keeps the folder as
   * {@code runs/<run-id>.failed/} with what was reported so far and the error.
   *
   * @throws IOException when reading data fails
   */
  void run(StudyContext context) throws IOException;
}
