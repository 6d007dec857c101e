package dev.laconic.local.describe;

import java.util.Locale;

/**
 * An arrow of the picture, from one node's id to another's.
 *
 * @param from the id of the node the arrow leaves
 * @param to the id of the node it points at
 */
public record Link(String from, String to, Kind kind) {

  /** What an arrow means; each kind is drawn in a style of its own, which the legend explains. */
  public enum Kind {
    /** A mapping reads the source (a table's stream, a Kinesis stream, a queue). */
    READS("reads"),
    /** A mapping invokes the function with the batches it reads. */
    INVOKES("invokes"),
    /** A mapping sends a record of each batch it gives up on to the destination. */
    ON_FAILURE("on failure"),
    /** A DynamoDB table also writes its changes to a Kinesis stream. */
    CHANGES("changes"),
    /** A queue moves a message it failed to deliver too often to its dead-letter queue. */
    DEAD_LETTERS("dead letters");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The words of the arrow, as the legend and the arrow's tooltip say them. */
    public String label() {
      return label;
    }

    /** The CSS class of its arrows. */
    String cssClass() {
      return "link-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
