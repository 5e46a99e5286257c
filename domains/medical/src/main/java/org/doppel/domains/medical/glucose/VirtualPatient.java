package org.doppel.domains.medical.glucose;

import java.util.List;
import java.util.Map;

/**
 * One virtual patient of the UVA/Padova type 1 diabetes simulator: the model parameters of a
 * row of {@code vpatient_params.csv} and the therapy parameters of its row of
 * {@code Quest.csv}. These are parameters of an in-silico patient, not of a real person.
 *
 * <p>Units (per the simglucose definitions): masses per kg of body weight, rates per minute,
 * glucose in mg, insulin in pmol. Fields are package-private so the model's equations read
 * like the published ones. Immutable and thread-safe.
 */
public final class VirtualPatient {

  /** The model columns read from {@code vpatient_params.csv}, besides the initial state. */
  static final List<String> MODEL_COLUMNS = List.of("BW", "EGPb", "Gb", "Ib", "kabs", "kmax",
      "kmin", "b", "d", "Vg", "Vi", "Ipb", "Vmx", "Km0", "k2", "k1", "p2u", "m1", "m2", "m4",
      "m30", "Ilb", "ki", "kp1", "kp2", "kp3", "f", "Gpb", "ke1", "ke2", "Fsnc", "Gtb", "Vm0",
      "kd", "ksc", "ka1", "ka2", "u2ss", "isc1ss", "isc2ss");

  /** The therapy columns read from {@code Quest.csv}. */
  static final List<String> THERAPY_COLUMNS = List.of("CR", "CF", "Age", "TDI");

  /** The number of model states. */
  static final int STATES = 13;

  final String name;
  final double[] x0;
  final double bw;
  final double egpb;
  final double gb;
  final double ib;
  final double kabs;
  final double kmax;
  final double kmin;
  final double b;
  final double d;
  final double vg;
  final double vi;
  final double ipb;
  final double vmx;
  final double km0;
  final double k2;
  final double k1;
  final double p2u;
  final double m1;
  final double m2;
  final double m4;
  final double m30;
  final double ilb;
  final double ki;
  final double kp1;
  final double kp2;
  final double kp3;
  final double f;
  final double gpb;
  final double ke1;
  final double ke2;
  final double fsnc;
  final double gtb;
  final double vm0;
  final double kd;
  final double ksc;
  final double ka1;
  final double ka2;
  final double u2ss;
  final double isc1ss;
  final double isc2ss;
  final double carbRatio;
  final double correctionFactor;
  final double age;
  final double totalDailyInsulin;

  /**
   * @param model every column of {@link #MODEL_COLUMNS}
   * @param therapy every column of {@link #THERAPY_COLUMNS}
   */
  VirtualPatient(String name, double[] x0, Map<String, Double> model,
      Map<String, Double> therapy) {
    if (x0.length != STATES) {
      throw new IllegalArgumentException(name + ": initial state needs " + STATES
          + " values, got " + x0.length);
    }
    this.name = name;
    this.x0 = x0.clone();
    bw = model.get("BW");
    egpb = model.get("EGPb");
    gb = model.get("Gb");
    ib = model.get("Ib");
    kabs = model.get("kabs");
    kmax = model.get("kmax");
    kmin = model.get("kmin");
    b = model.get("b");
    d = model.get("d");
    vg = model.get("Vg");
    vi = model.get("Vi");
    ipb = model.get("Ipb");
    vmx = model.get("Vmx");
    km0 = model.get("Km0");
    k2 = model.get("k2");
    k1 = model.get("k1");
    p2u = model.get("p2u");
    m1 = model.get("m1");
    m2 = model.get("m2");
    m4 = model.get("m4");
    m30 = model.get("m30");
    ilb = model.get("Ilb");
    ki = model.get("ki");
    kp1 = model.get("kp1");
    kp2 = model.get("kp2");
    kp3 = model.get("kp3");
    f = model.get("f");
    gpb = model.get("Gpb");
    ke1 = model.get("ke1");
    ke2 = model.get("ke2");
    fsnc = model.get("Fsnc");
    gtb = model.get("Gtb");
    vm0 = model.get("Vm0");
    kd = model.get("kd");
    ksc = model.get("ksc");
    ka1 = model.get("ka1");
    ka2 = model.get("ka2");
    u2ss = model.get("u2ss");
    isc1ss = model.get("isc1ss");
    isc2ss = model.get("isc2ss");
    carbRatio = therapy.get("CR");
    correctionFactor = therapy.get("CF");
    age = therapy.get("Age");
    totalDailyInsulin = therapy.get("TDI");
  }

  /** The patient's name, such as {@code adult#003}. */
  public String name() {
    return name;
  }

  /** The initial (basal steady) state from the parameter file. */
  public double[] initialState() {
    return x0.clone();
  }

  /** Body weight, kg. */
  public double bodyWeight() {
    return bw;
  }

  /** Basal plasma glucose, mg/dL. */
  public double basalGlucose() {
    return gb;
  }

  /** The basal insulin rate that holds the basal steady state, U/min ({@code u2ss·BW/6000}). */
  public double basalRate() {
    return u2ss * bw / InsulinPump.PMOL_PER_UNIT;
  }

  /** Carbohydrate ratio, g of carbohydrate per U of insulin. */
  public double carbRatio() {
    return carbRatio;
  }

  /** Correction factor, mg/dL per U of insulin. */
  public double correctionFactor() {
    return correctionFactor;
  }

  /** Total daily insulin from the questionnaire, U/day. */
  public double totalDailyInsulin() {
    return totalDailyInsulin;
  }

  /** Plasma glucose concentration of a state, mg/dL. */
  double plasmaGlucose(double[] state) {
    return state[UvaPadovaModel.GP] / vg;
  }

  /** Subcutaneous (interstitial) glucose concentration of a state, mg/dL: what a CGM sees. */
  double subcutaneousGlucose(double[] state) {
    return state[UvaPadovaModel.GS] / vg;
  }

  @Override
  public String toString() {
    return name;
  }
}
