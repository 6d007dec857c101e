/**
 * Priming for Lambda SnapStart: the generated adapter of a function with {@code snapStart = true}
 * registers a {@link dev.laconic.snapstart.Priming} with the CRaC global context, and Lambda calls
 * it before it takes the snapshot. It drives {@link dev.laconic.snapstart.SyntheticEvents} through
 * the adapter's reading, mapping and writing code, never through the user's handler, so the
 * snapshot holds those classes loaded and initialised.
 *
 * <p>Only adapters of SnapStart functions refer to this package, so other functions load no
 * {@code org.crac} class.
 */
package dev.laconic.snapstart;
