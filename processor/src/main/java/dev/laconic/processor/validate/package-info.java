/**
 * Checks every value of the {@link dev.laconic.processor.model model} against what AWS accepts,
 * reporting all problems (not just the first) with ids from the {@link
 * dev.laconic.processor.diag.Diagnostic catalogue} at the value that is wrong. Validators never
 * generate anything and never read javac types.
 */
package dev.laconic.processor.validate;
