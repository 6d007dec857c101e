/**
 * The Lambda Java runtime's part of an invocation, in this JVM: loading the class a function's
 * {@code Handler} names as the runtime loads it ({@link dev.laconic.local.lambda.JavaHandler}),
 * the {@code Context} it gets ({@link dev.laconic.local.lambda.LocalContext}) and the error it
 * reports ({@link dev.laconic.local.lambda.LambdaError}).
 */
package dev.laconic.local.lambda;
