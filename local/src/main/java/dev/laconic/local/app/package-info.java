/**
 * What the local runner runs: the functions and event source mappings of an application, read
 * from the CloudFormation template Laconic generated for it.
 */
package dev.laconic.local.app;
