package org.doppel.domains.medical.pk;

import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * A compartmental plant whose doses are boluses: an instantaneous amount added to one state
 * (the gut for an oral dose, the central compartment for an intravenous one). Its
 * continuous input is an infusion rate into that same state, mg/s. Time is in seconds, as
 * everywhere in the SDK; rate constants are configured per hour and converted.
 */
public interface PkPlant extends SystemDynamics {

  /** The index of the state a bolus dose is added to. */
  int doseState();

  /** The central compartment's volume, L. */
  double volumeL();

  /** The plasma concentration, mg/L, of a state. */
  double concentration(double[] state);

  /** The index of the central amount among the states. */
  int centralState();
}
