/**
 * The mass–spring–damper example plugin: one {@link org.doppel.plugins.msd.MassSpringDamper}
 * plant, contributed as an OSGi service by the bundle's activator.
 *
 * <p>Not exported: a plugin bundle contributes services, never packages.
 */
package org.doppel.plugins.msd;
