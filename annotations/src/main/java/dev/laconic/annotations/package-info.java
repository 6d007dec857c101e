/**
 * The annotations that turn a Java method into an AWS Lambda function, its triggers and its IAM
 * permissions. Laconic's annotation processor reads them at compile time and generates a handler
 * adapter per method and one CloudFormation template for the whole compilation.
 *
 * <p>Every annotation has {@code CLASS} retention: the annotations stay readable from compiled
 * classes (incremental builds) but cost nothing at run time.
 */
package dev.laconic.annotations;
