/**
 * Lambda's event filtering, as an event source mapping applies it to each stream record before
 * the record joins a batch: JSON patterns with equals, prefix, numeric, exists and anything-but,
 * patterns ORed. See https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html.
 */
package dev.laconic.local.filter;
