/**
 * Diagnostics: the catalogue of every message Laconic can print ({@link
 * dev.laconic.processor.diag.Diagnostic}), where a message points ({@link
 * dev.laconic.processor.diag.Origin}), and the {@link dev.laconic.processor.diag.Reporter} that
 * collects and prints them.
 */
package dev.laconic.processor.diag;
