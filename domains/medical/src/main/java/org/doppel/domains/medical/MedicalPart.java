package org.doppel.domains.medical;

import java.io.IOException;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.study.StudyContext;

/**
 * One scenario of the medical study (drug dosing on pharmacokinetic data, glucose control
 * on the type 1 diabetes model), run when the scenario has its section. Stateless and
 * thread-safe.
 */
public interface MedicalPart {

  /** The scenario section this part reads, such as {@code glucose}. */
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
