package dev.laconic.local.describe;

import java.util.List;

/**
 * One {@code AWS::Lambda::Function} or {@code AWS::Serverless::Function}.
 *
 * @param handler its {@code Handler}
 * @param displayName the handler method as a person names it ({@code OrderEvents.echo})
 * @param generated whether Laconic generated it, rather than the application's own template
 * @param settings runtime, memory, timeout, architecture and the rest, defaults marked
 * @param environment the names of its environment variables; their values are left out, since
 *     a page that is shared around should not carry what may be a secret
 * @param statements what its role allows (and denies)
 * @param otherEvents the SAM events that are no mapping (an API, a schedule), as
 *     {@code Name (Type)}: listed, not drawn
 */
public record FunctionNode(String id, String handler, String displayName, boolean generated,
    List<Setting> settings, List<String> environment, List<PolicyStatement> statements,
    List<String> otherEvents) implements Node {

  public FunctionNode {
    settings = List.copyOf(settings);
    environment = List.copyOf(environment);
    statements = List.copyOf(statements);
    otherEvents = List.copyOf(otherEvents);
  }

  @Override
  public String kindLabel() {
    return generated ? "Function (Laconic)" : "Function";
  }
}
