package org.doppel.domains.traffic;

import java.io.IOException;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.study.StudyContext;

/**
 * One scenario of the traffic study (the motorway corridor, the street grid, rail
 * ridership), run when the scenario has its section. Stateless and thread-safe.
 */
public interface TrafficPart {

  /** The scenario section this part reads, such as {@code motorway}. */
  String section();

  /**
   * Checks the section before any folder is written.
   *
   * @throws org.doppel.sdk.PluginException naming the key and the reason
   */
  void validate(StudyContext context, Parameters section);

  /** Runs the part; metrics, tables and charts are named under {@link #section()}. */
  void run(StudyContext context, Parameters section) throws IOException;
}
