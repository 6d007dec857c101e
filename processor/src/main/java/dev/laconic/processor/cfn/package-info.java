/**
 * Builds the CloudFormation template from the {@link dev.laconic.processor.model model} and
 * writes it as YAML and JSON. Never sees a javac object, so it is tested with models built by
 * hand.
 */
package dev.laconic.processor.cfn;
