package org.doppel.domains.medical.pk;

/**
 * What a dosing course achieved.
 *
 * @param timeInWindowPct share of the time inside the therapeutic window, %
 * @param timeAboveToxicPct share of the time above the toxic level, %
 * @param timeBelowWindowPct share of the time below the window, %
 * @param totalDoseMg the sum of the doses
 * @param maxConcentration the highest concentration, mg/L
 * @param meanConcentration the mean concentration, mg/L
 */
public record DosingKpis(double timeInWindowPct, double timeAboveToxicPct,
    double timeBelowWindowPct, double totalDoseMg, double maxConcentration,
    double meanConcentration) {
}
