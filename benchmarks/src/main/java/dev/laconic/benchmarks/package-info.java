/**
 * Benchmarks that print numbers: cold start of a fresh JVM to the first batch handled, warm
 * throughput (JMH), and what the processor adds to javac's time. {@link
 * dev.laconic.benchmarks.Benchmarks} runs them all; no test asserts on time.
 */
package dev.laconic.benchmarks;
