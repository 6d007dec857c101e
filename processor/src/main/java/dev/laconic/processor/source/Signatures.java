package dev.laconic.processor.source;

import dev.laconic.processor.model.HandlerShape;
import java.util.List;

/**
 * The handler signatures an event source accepts, each as the type of the first parameter and
 * the return types allowed with it; an optional {@code Context} may follow the first parameter in
 * all of them.
 *
 * @param accepted in the order they are tried
 * @param help the signatures spelled out in full for LACONIC-109, with where each type comes from
 */
public record Signatures(List<Signature> accepted, String help) {

  public Signatures {
    accepted = List.copyOf(accepted);
  }

  /**
   * One accepted first parameter.
   *
   * @param input what the parameter receives
   * @param parameterType the parameter's qualified type, or null for the user's own type {@code T}
   * @param typed whether the parameter type takes the user's type as its one type argument, as in
   *     {@code StreamChange<T>}
   * @param returnTypes the qualified return types allowed, {@code void} for none
   */
  public record Signature(HandlerShape.Input input, String parameterType, boolean typed,
      List<String> returnTypes) {

    public static final String VOID = "void";

    public Signature {
      returnTypes = List.copyOf(returnTypes);
    }

    /** A first parameter of a fixed type. */
    public static Signature of(HandlerShape.Input input, String parameterType,
        String... returnTypes) {
      return new Signature(input, parameterType, false, List.of(returnTypes));
    }

    /** A first parameter of the user's own type {@code T}. */
    public static Signature userType(HandlerShape.Input input, String... returnTypes) {
      return new Signature(input, null, false, List.of(returnTypes));
    }

    /** A first parameter of {@code parameterType<T>}, {@code T} the user's own type. */
    public static Signature ofUserType(HandlerShape.Input input, String parameterType,
        String... returnTypes) {
      return new Signature(input, parameterType, true, List.of(returnTypes));
    }
  }
}
