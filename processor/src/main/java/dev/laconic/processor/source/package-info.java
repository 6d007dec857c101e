/**
 * The event sources, one package each, behind {@link dev.laconic.processor.source.EventSource}:
 * a source reads its trigger annotation, names its handler signatures, checks its values, writes
 * its event source mappings and permissions, and shapes its adapters. {@link
 * dev.laconic.processor.source.EventSources} registers them.
 *
 * <p>A source's package reads its annotation with the parse step's {@link
 * dev.laconic.processor.parse.AnnotationReader}, its only contact with {@code javax.lang.model};
 * everything else it does works on the model.
 */
package dev.laconic.processor.source;
