/**
 * The grid's live SUMO plant: a minimal TraCI client on loopback ({@link
 * org.doppel.domains.traffic.sumo.TraciClient}), a headless {@code sumo} on the shipped grid
 * ({@link org.doppel.domains.traffic.sumo.SumoProcess}) and the adapter that lets the grid's
 * signal policies retime it ({@link org.doppel.domains.traffic.sumo.SumoGridPlant}). Opt-in
 * with the grid section's {@code plant: sumo}. Private to the traffic bundle. All types are
 * non-null unless a parameter or return value says otherwise.
 */
package org.doppel.domains.traffic.sumo;
