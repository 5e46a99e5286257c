package org.doppel.domains.medical.glucose;

/**
 * The equations of the UVA/Padova type 1 diabetes model (Dalla Man, Rizza and Cobelli, 2007;
 * Dalla Man et al., 2014) as the open simglucose simulator implements them, for one virtual
 * patient, in minutes.
 *
 * <p>State (masses per kg of body weight):
 * <pre>
 *  0 Qsto1  solid glucose in the stomach [mg]       7 I1   delayed insulin signal [pmol/L]
 *  1 Qsto2  liquid glucose in the stomach [mg]      8 Id   delayed insulin action on EGP [pmol/L]
 *  2 Qgut   glucose in the intestine [mg]           9 Il   insulin in the liver [pmol/kg]
 *  3 Gp     plasma glucose [mg/kg]                 10 Isc1 subcutaneous insulin, 1st [pmol/kg]
 *  4 Gt     tissue glucose [mg/kg]                 11 Isc2 subcutaneous insulin, 2nd [pmol/kg]
 *  5 Ip     plasma insulin [pmol/kg]               12 Gs   subcutaneous glucose [mg/kg]
 *  6 X      insulin action on utilisation [pmol/L]
 * </pre>
 * Inputs: insulin infusion u (U/min), carbohydrate intake rate CHO (g/min) and the size of the
 * current meal D (mg) that sets the gastric emptying rate:
 * <pre>
 *  Qsto1' = −kmax Qsto1 + 1000 CHO
 *  Qsto2' = kmax Qsto1 − kgut Qsto2
 *  Qgut'  = kgut Qsto2 − kabs Qgut
 *  kgut   = kmin + (kmax − kmin)/2 · (tanh(α(Qsto − b D)) − tanh(β(Qsto − d D)) + 2),
 *           α = 5 / (2 D (1 − b)), β = 5 / (2 D d); kgut = kmax when D = 0
 *  Gp'    = max(EGP, 0) + Ra − Uii − E − k1 Gp + k2 Gt,    Ra = f kabs Qgut / BW,
 *           EGP = kp1 − kp2 Gp − kp3 Id,  Uii = Fsnc,  E = ke1 (Gp − ke2) when Gp > ke2
 *  Gt'    = −(Vm0 + Vmx X) Gt / (Km0 + Gt) + k1 Gp − k2 Gt
 *  Ip'    = −(m2 + m4) Ip + m1 Il + ka1 Isc1 + ka2 Isc2,     I = Ip / Vi
 *  X'     = −p2u X + p2u (I − Ib)
 *  I1'    = −ki (I1 − I),   Id' = −ki (Id − I1)
 *  Il'    = −(m1 + m30) Il + m2 Ip
 *  Isc1'  = 6000 u / BW − (ka1 + kd) Isc1,    Isc2' = kd Isc1 − ka2 Isc2
 *  Gs'    = −ksc Gs + ksc Gp
 * </pre>
 * As in simglucose, a mass state that has gone negative gets a zero derivative (the guard
 * {@code (x >= 0) · x'}). One difference: simglucose adds the meal's grams to the stomach's
 * milligrams when it forms D, which leaves kgut at kmax nearly always; here D is in
 * milligrams throughout, as in the published model, so gastric emptying slows in mid-meal.
 *
 * <p>Immutable and thread-safe.
 */
final class UvaPadovaModel {

  static final int QSTO1 = 0;
  static final int QSTO2 = 1;
  static final int QGUT = 2;
  static final int GP = 3;
  static final int GT = 4;
  static final int IP = 5;
  static final int X = 6;
  static final int I1 = 7;
  static final int ID = 8;
  static final int IL = 9;
  static final int ISC1 = 10;
  static final int ISC2 = 11;
  static final int GS = 12;

  private final VirtualPatient p;

  UvaPadovaModel(VirtualPatient patient) {
    this.p = patient;
  }

  VirtualPatient patient() {
    return p;
  }

  /**
   * dx/dt per minute.
   *
   * @param insulin insulin infusion, U/min
   * @param carbs carbohydrate intake, g/min
   * @param mealSize the current meal's size D, mg (0 when none has been eaten)
   * @param dx receives the derivative
   */
  void derivative(double[] x, double insulin, double carbs, double mealSize, double[] dx) {
    double qsto = x[QSTO1] + x[QSTO2];
    dx[QSTO1] = -p.kmax * x[QSTO1] + 1000 * carbs;

    double kgut = gastricEmptying(qsto, mealSize);
    dx[QSTO2] = p.kmax * x[QSTO1] - kgut * x[QSTO2];
    dx[QGUT] = kgut * x[QSTO2] - p.kabs * x[QGUT];

    // Glucose: production, appearance from the gut, use, renal excretion.
    double appearance = p.f * p.kabs * x[QGUT] / p.bw;
    double production = p.kp1 - p.kp2 * x[GP] - p.kp3 * x[ID];
    double excretion = x[GP] > p.ke2 ? p.ke1 * (x[GP] - p.ke2) : 0;
    dx[GP] = nonNegative(x[GP], Math.max(production, 0) + appearance - p.fsnc - excretion
        - p.k1 * x[GP] + p.k2 * x[GT]);
    double uptake = (p.vm0 + p.vmx * x[X]) * x[GT] / (p.km0 + x[GT]);
    dx[GT] = nonNegative(x[GT], -uptake + p.k1 * x[GP] - p.k2 * x[GT]);

    // Insulin: plasma, action, liver, subcutaneous depot.
    dx[IP] = nonNegative(x[IP], -(p.m2 + p.m4) * x[IP] + p.m1 * x[IL] + p.ka1 * x[ISC1]
        + p.ka2 * x[ISC2]);
    double plasmaInsulin = x[IP] / p.vi;
    dx[X] = -p.p2u * x[X] + p.p2u * (plasmaInsulin - p.ib);
    dx[I1] = -p.ki * (x[I1] - plasmaInsulin);
    dx[ID] = -p.ki * (x[ID] - x[I1]);
    dx[IL] = nonNegative(x[IL], -(p.m1 + p.m30) * x[IL] + p.m2 * x[IP]);
    double infusion = insulin * InsulinPump.PMOL_PER_UNIT / p.bw;
    dx[ISC1] = nonNegative(x[ISC1], infusion - (p.ka1 + p.kd) * x[ISC1]);
    dx[ISC2] = nonNegative(x[ISC2], p.kd * x[ISC1] - p.ka2 * x[ISC2]);
    dx[GS] = nonNegative(x[GS], -p.ksc * x[GS] + p.ksc * x[GP]);
  }

  /** The gastric emptying rate kgut, 1/min, for the stomach content and the meal size. */
  double gastricEmptying(double stomach, double mealSize) {
    if (!(mealSize > 0)) {
      return p.kmax;
    }
    double alpha = 5 / (2 * mealSize * (1 - p.b));
    double beta = 5 / (2 * mealSize * p.d);
    return p.kmin + (p.kmax - p.kmin) / 2 * (Math.tanh(alpha * (stomach - p.b * mealSize))
        - Math.tanh(beta * (stomach - p.d * mealSize)) + 2);
  }

  /** simglucose's guard: a negative mass state does not move. */
  private static double nonNegative(double state, double derivative) {
    return state >= 0 ? derivative : 0;
  }
}
