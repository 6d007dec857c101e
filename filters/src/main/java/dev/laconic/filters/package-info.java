/**
 * Lambda's event filter patterns, read as Lambda reads them: {@link
 * dev.laconic.filters.ParsedFilter#parse} tells what Lambda refuses (each {@link
 * dev.laconic.filters.FilterProblem}) and what a pattern it takes asks of a record (its
 * alternatives of {@link dev.laconic.filters.FieldCondition}s). The processor reports the
 * problems at compile time; the local runner matches the conditions with AWS's event-ruler.
 */
package dev.laconic.filters;
