/**
 * Runs an application's functions on this machine: {@link dev.laconic.local.LocalRunner} starts
 * every event source mapping of the template Laconic generated, against the in-process DynamoDB
 * of {@code dev.laconic.local.engine} or any DynamoDB Streams endpoint, and feeds the generated
 * adapters; {@link dev.laconic.local.LocalInvoker} invokes any one function of the template with
 * an event, whatever its trigger.
 */
package dev.laconic.local;
