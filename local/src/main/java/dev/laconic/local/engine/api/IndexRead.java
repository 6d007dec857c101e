package dev.laconic.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.expression.DocumentPath;
import dev.laconic.local.engine.expression.Projection;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.SecondaryIndex;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one Query or Scan with an IndexName may ask of its index, what its filter sees of each
 * item, and what it returns.
 *
 * <p>A global index answers from what it projects alone: asking it for other attributes, for
 * {@code Select=ALL_ATTRIBUTES} when it does not project them all, or for a strongly consistent
 * read is refused, and its filter sees only the projection. A local index fetches from the table
 * what it does not project, so its filter sees the whole item and {@code ALL_ATTRIBUTES} returns
 * it. Without Select or ProjectionExpression an index read returns what the index projects
 * ({@code ALL_PROJECTED_ATTRIBUTES}). See the
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-Select">Select
 * parameter</a>.
 */
final class IndexRead {
  private final SecondaryIndex index;
  private final String select;
  private final List<DocumentPath> projection;

  /**
   * The read of {@code index} a request asks for with {@code select} and the paths of its
   * ProjectionExpression (or {@code null}).
   */
  IndexRead(SecondaryIndex index, JsonNode request, String select, List<DocumentPath> projection) {
    this.index = index;
    this.select = select;
    this.projection = projection;
    if (!index.isGlobal()) {
      return;
    }
    if (Json.optionalBoolean(request, "ConsistentRead", false)) {
      throw ApiException.validation("Consistent reads are not supported on global secondary indexes");
    }
    if (select.equals("ALL_ATTRIBUTES") && !index.projectsAll()) {
      throw ApiException.invalidParameters("Select type ALL_ATTRIBUTES is not supported for global secondary index "
          + index.name() + " because its projection type is not ALL");
    }
    if (projection != null) {
      index.checkProjected(projection.stream().map(DocumentPath::attribute).toList());
    }
  }

  /** What the filter sees of an item the index holds. */
  ObjectNode view(ObjectNode item) {
    return index.isGlobal() ? index.project(item) : item;
  }

  /** What the read returns of an item as {@link #view} gives it. */
  UnaryOperator<ObjectNode> output() {
    if (projection != null) {
      return item -> Projection.apply(item, projection);
    }
    if (select.equals("ALL_ATTRIBUTES")) {
      return item -> item;
    }
    return index::project;
  }
}
