package relay;

import java.math.BigDecimal;

/**
 * A product as the JSON payloads of the test events hold it: each record's data of
 * powertools-java__kinesis_event.json ({@code {"id":1234, "name":"product", "price":42}}), each
 * message's body of java__sqs_event_product.json and powertools-java__sqs_fifo_event.json. The id
 * is primitive, so a payload without one does not fit.
 */
public record Product(long id, String name, BigDecimal price) {}
