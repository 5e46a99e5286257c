package org.doppel.domains.medical.glucose;

import java.util.List;

/**
 * Runs one virtual patient under one insulin policy: each minute the CGM reads, the meals due
 * are announced, the policy is asked at every control step, the pump rounds and clips what it
 * asked, and the model advances a minute.
 *
 * @param sensor the CGM
 * @param pump the pump, whose limits hold whatever a policy asks
 * @param integrator the ODE integrator's set-up
 * @param periodMinutes minutes between policy decisions
 */
record ClosedLoop(SensorModel sensor, InsulinPump pump, IntegratorSettings integrator,
    int periodMinutes) {

  /** The plant's id in error messages. */
  static final String PLANT = UvaPadovaDynamics.ID;

  ClosedLoop {
    if (periodMinutes < 1 || periodMinutes > 60) {
      throw new IllegalArgumentException("control period must be 1 to 60 min, got "
          + periodMinutes);
    }
    integrator.check("glucose");
  }

  /**
   * Simulates {@code minutes} minutes.
   *
   * @param sensorSeed seeds the CGM noise
   * @throws SimulationException when the integrator fails, with the trace so far
   */
  GlucoseTrace run(VirtualPatient patient, InsulinPolicy policy, List<MealPlan.Meal> meals,
      int minutes, long sensorSeed) {
    PatientSimulator simulator = new PatientSimulator(patient, integrator);
    CgmSensor cgm = new CgmSensor(sensor, sensorSeed);
    GlucoseTrace trace = new GlucoseTrace(minutes);
    int nextMeal = 0;
    double announced = 0;
    double delivered = 0;
    double basal = 0;
    double bolus = 0;
    for (int minute = 0; minute < minutes; minute++) {
      while (nextMeal < meals.size() && meals.get(nextMeal).minute() <= minute) {
        double grams = meals.get(nextMeal++).grams();
        simulator.announceMeal(grams);
        announced += grams;
      }
      double reading = cgm.read(minute, simulator.subcutaneousGlucose());

      if (minute % periodMinutes == 0) {
        InsulinPolicy.Dose dose = policy.decide(new InsulinPolicy.Observation(minute, reading,
            announced, simulator.remainingMeal(), simulator.state(), delivered,
            periodMinutes));
        basal = pump.basal(dose.basalRate());
        bolus = pump.bolus(dose.bolus() / periodMinutes);
        announced = 0;
        delivered = 0;
      }

      double insulin = basal + bolus;
      double glucose = simulator.bloodGlucose();
      double carbs;
      try {
        carbs = simulator.step(insulin);
      } catch (PatientSimulator.IntegrationFailure e) {
        throw new SimulationException(PLANT + ": integration failed for patient "
            + patient.name() + " at minute " + e.reachedMinute + " of the step from minute "
            + minute + " (the integrator needed a step of " + e.neededStep + " min, below"
            + " min_step_min " + integrator.minStep() + "); " + trace.minutes()
            + " minutes kept", e, trace);
      }
      delivered += insulin;
      trace.add(glucose, reading, basal, bolus, carbs);
    }
    return trace;
  }
}
