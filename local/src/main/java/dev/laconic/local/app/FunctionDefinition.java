package dev.laconic.local.app;

import java.util.List;

/**
 * One {@code AWS::Lambda::Function} of the template with the mappings that invoke it.
 *
 * @param logicalId such as {@code OrderEventsEchoFunction}
 * @param handlerClass the adapter class from {@code Handler}, such as
 *     {@code com.example.orders.Laconic_OrderEvents_echo}
 * @param timeoutSeconds the function's {@code Timeout}, for {@code getRemainingTimeInMillis}
 */
public record FunctionDefinition(String logicalId, String handlerClass, int timeoutSeconds,
    int memorySize, List<MappingDefinition> mappings) {

  public FunctionDefinition {
    mappings = List.copyOf(mappings);
  }
}
