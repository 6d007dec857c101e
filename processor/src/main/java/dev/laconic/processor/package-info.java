/**
 * Laconic's annotation processor. {@link dev.laconic.processor.LaconicProcessor} only wires the
 * pipeline: {@code parse} → {@code model} → {@code validate} → {@code generate} (adapters) and
 * {@code cfn} (the template), with {@code diag} for messages.
 */
package dev.laconic.processor;
