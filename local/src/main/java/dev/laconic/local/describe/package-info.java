/**
 * {@code laconic:describe}: the application of a template as one self-contained HTML page, a
 * picture of what feeds what (tables, streams and queues, the mappings that read them, the
 * functions they invoke, where failed batches go) above a text summary of every setting.
 *
 * <p>A pipeline of three steps, each testable alone: {@link DescriptionReader} turns the template
 * tree into a {@link Description} (no HTML), {@link DiagramLayout} places its nodes (no SVG),
 * and {@link DescribePage} writes the page ({@link DiagramSvg} the picture, {@link SummaryHtml}
 * the text) with nothing that a browser would fetch. {@link TextSummary} is the short form for a
 * terminal.
 */
package dev.laconic.local.describe;
