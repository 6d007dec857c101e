/**
 * The JUnit 5 kit for an application's own tests. End to end, {@link dev.laconic.junit.LaconicTest}
 * (or {@link dev.laconic.junit.LaconicExtension}) runs the application under test for each test
 * on one in-process DynamoDB, and {@link dev.laconic.junit.LocalApplication} shows what each
 * function received, returned and logged. For one adapter alone,
 * {@link dev.laconic.junit.DynamoStreamEvent} builds stream events from items and
 * {@link dev.laconic.junit.FunctionContext} is the call's Lambda context. See docs/testing.md.
 */
package dev.laconic.junit;
