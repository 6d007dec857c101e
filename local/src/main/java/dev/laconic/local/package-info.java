/**
 * Runs an application's stream-triggered functions on this machine: {@link
 * dev.laconic.local.LocalRunner} starts every event source mapping of the template Laconic
 * generated, against the in-process DynamoDB of {@code dev.laconic.local.engine} or any DynamoDB
 * Streams endpoint, and feeds the generated adapters.
 */
package dev.laconic.local;
