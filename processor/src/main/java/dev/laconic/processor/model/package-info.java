/**
 * What the user declared, already resolved into plain immutable records: functions, their
 * triggers, IAM statements and settings. No javac types but the {@link
 * dev.laconic.processor.diag.Origin} each declaration carries for diagnostics, so validators and
 * writers can be tested with models built by hand.
 */
package dev.laconic.processor.model;
