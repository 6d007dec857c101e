package dev.laconic.processor.adapters;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one invocation of an adapter left behind.
 *
 * @param response the bytes written back to Lambda; null when the invocation threw
 * @param failure what the invocation threw; null when it answered
 * @param inputs what the handler was called with, in order
 * @param log what the function logged
 */
record Invocation(byte[] response, Throwable failure, List<Object> inputs, String log) {

  /** The response as text, or a note of what was thrown instead. */
  String responseText() {
    return response == null ? "(threw " + failure + ")"
        : new String(response, StandardCharsets.UTF_8);
  }
}
