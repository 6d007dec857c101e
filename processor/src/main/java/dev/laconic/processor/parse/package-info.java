/**
 * Reads annotated elements into the {@link dev.laconic.processor.model model}. The only package
 * that reads {@code javax.lang.model}: it checks what only javac's types can tell (placement,
 * handler signature, the AWS libraries on the classpath) and leaves every value check to {@link
 * dev.laconic.processor.validate}.
 */
package dev.laconic.processor.parse;
