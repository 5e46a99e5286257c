/**
 * Scenario files: YAML documents read with the source location of every value, changed by
 * {@code --set} overrides, and read through typed, validating getters whose errors name
 * the file, line, column and dotted field path.
 *
 * <p>Private to the runtime bundle. Types are non-null unless documented.
 */
package org.doppel.runtime.scenario;
