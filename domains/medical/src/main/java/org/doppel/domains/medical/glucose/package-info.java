/**
 * The type 1 diabetes twin of the medical domain: the UVA/Padova model of the simglucose
 * virtual patients ({@link org.doppel.domains.medical.glucose.UvaPadovaDynamics}), a seeded CGM
 * and a pump, insulin policies (basal-bolus, PID with an insulin-on-board limit, MPC through
 * the {@code mpc} plugin), glycaemic KPIs and CGM forecasting with the attention surrogate,
 * run by {@link org.doppel.domains.medical.glucose.GlucosePart}. Private to the medical
 * bundle. All types are non-null unless a parameter or return value says otherwise.
 */
package org.doppel.domains.medical.glucose;
