package dev.laconic.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A function's handler, loaded and called the way the Lambda Java runtime
 * ({@code aws-lambda-java-runtime-interface-client}, {@code EventHandlerLoader}) loads and calls
 * it: from the {@code Handler} setting, event bytes in, response bytes out.
 *
 * <ul>
 *   <li>{@code Class::method}: the public methods of that name, non-bridge methods first, then
 *       the longer signatures (a trailing {@code Context} counting one more); the first of these
 *       shapes wins: {@code (InputStream, OutputStream, Context)} and its shorter stream forms,
 *       which get the raw bytes, or {@code (T, Context)}, {@code (T)}, {@code (Context)},
 *       {@code ()}, which get the event deserialized to {@code T}.
 *   <li>{@code Class}: a {@code RequestStreamHandler} gets the raw bytes; a
 *       {@code RequestHandler<I, O>} gets the event deserialized to {@code I}, resolved through
 *       the class hierarchy.
 * </ul>
 *
 * <p>Events are deserialized and responses serialized as the runtime does: by the one
 * {@link CustomPojoSerializer} the class loader provides, if any; else, for an event class of
 * {@code aws-lambda-java-events} that the runtime knows ({@code DynamodbEvent},
 * {@code DynamodbTimeWindowEvent}, {@code KinesisEvent}, {@code SQSEvent}, ...), by
 * {@code LambdaEventSerializers} with its mixins; else by {@code JacksonFactory}. A {@code void}
 * handler's response is {@code null}.
 */
public final class JavaHandler {

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

  /** How the runtime wraps every handler: bytes in, bytes out. */
  private interface StreamCall {
    void handle(InputStream input, OutputStream output, Context context) throws Throwable;
  }

  /** A handler that cannot be loaded: Lambda reports it as a function error without frames. */
  public static final class LoadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient LambdaError error;

    /** An error of the runtime's own, reported without a type. */
    LoadException(String message) {
      this(message, null, null);
    }

    /** An error reported with the type of {@code cause}, or of what it stands for. */
    LoadException(String message, String errorType, Throwable cause) {
      super(message, cause);
      this.error = new LambdaError(message, errorType, Optional.empty());
    }

    LoadException(String message, Throwable cause) {
      this(message, cause.getClass().getName(), cause);
    }

    /** The error Lambda returns for each invocation of such a function. */
    public LambdaError error() {
      return error;
    }
  }

  private final String handler;
  private final StreamCall call;

  private JavaHandler(String handler, StreamCall call) {
    this.handler = handler;
    this.call = call;
  }

  /**
   * Loads the class {@code handler} names from {@code loader} and creates its instance once, as
   * a Lambda execution environment does.
   *
   * @throws LoadException with the message Lambda would report: the class is missing, its
   *     static initializer or constructor throws, or it has no handler method or interface
   */
  public static JavaHandler load(String handler, ClassLoader loader) {
    int separator = handler.lastIndexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String methodName = separator < 0 ? null : handler.substring(separator + 2);
    if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
      throw new LoadException("Invalid handler: `" + handler + "'");
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new LoadException("Class not found: " + className, e);
    } catch (LinkageError e) {
      // A static initializer that throws (ExceptionInInitializerError, whose own message is
      // usually null: the cause is in the logged trace), or a class it needs that is missing.
      throw new LoadException("Error loading class " + className
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
    Serializers serializers = new Serializers(loader);
    StreamCall call = methodName == null ? byInterface(type, serializers)
        : byMethod(type, methodName, serializers);
    return new JavaHandler(handler, call);
  }

  /** The {@code Handler} setting this was loaded from. */
  public String handler() {
    return handler;
  }

  /**
   * Invokes the handler with {@code event}; returns the bytes it wrote or its serialized
   * response. Whatever the handler throws is thrown as it is, with the runtime's messages for
   * an event that does not deserialize ({@code An error occurred during JSON parsing}) or a
   * response that does not serialize.
   */
  public byte[] invoke(byte[] event, Context context) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      call.handle(new ByteArrayInputStream(event), output, context);
    } catch (InvocationTargetException e) {
      throw sneaky(e.getCause() != null ? e.getCause() : e);
    } catch (Throwable e) {
      throw sneaky(e);
    }
    return output.toByteArray();
  }

  // ---- Class: RequestStreamHandler or RequestHandler<I, O> -----------------------------------

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StreamCall byInterface(Class<?> type, Serializers serializers) {
    if (RequestStreamHandler.class.isAssignableFrom(type)) {
      RequestStreamHandler instance = (RequestStreamHandler) newInstance(type);
      return instance::handleRequest;
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw new LoadException("Class does not implement an appropriate handler interface: "
          + type.getName());
    }
    Type[] types = requestHandlerTypes(type, Map.of());
    if (types == null) {
      throw new LoadException("Class " + type.getName()
          + " does not implement RequestHandler with concrete type parameters");
    }
    for (Type t : types) {
      if (t instanceof TypeVariable<?> variable
          && Arrays.stream(variable.getBounds()).allMatch(Object.class::equals)) {
        throw new LoadException("Class " + type.getName() + " does not implement RequestHandler"
            + " with concrete type parameters: parameter " + t + " has no upper bound.");
      }
    }
    RequestHandler instance = (RequestHandler) newInstance(type);
    return pojo(types[0], types[1], serializers, instance::handleRequest);
  }

  /**
   * The type arguments of {@code RequestHandler} as {@code type} implements it, its own type
   * variables bound by {@code bindings}; null where it implements the raw interface.
   */
  private static Type[] requestHandlerTypes(Type type, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw;
    Map<TypeVariable<?>, Type> own = new HashMap<>();
    if (type instanceof ParameterizedType parameterized) {
      raw = (Class<?>) parameterized.getRawType();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] arguments = parameterized.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        Type argument = arguments[i];
        own.put(variables[i], argument instanceof TypeVariable<?> variable
            ? bindings.getOrDefault(variable, variable) : argument);
      }
      if (raw == RequestHandler.class) {
        return new Type[] {own.get(variables[0]), own.get(variables[1])};
      }
    } else if (type instanceof Class<?> c) {
      raw = c;
      if (raw == RequestHandler.class) {
        return null;
      }
    } else {
      return null;
    }
    for (Type implemented : raw.getGenericInterfaces()) {
      if (implemented instanceof Class<?> c && !RequestHandler.class.isAssignableFrom(c)) {
        continue;
      }
      Type[] found = requestHandlerTypes(implemented, own);
      if (found != null || implemented == RequestHandler.class) {
        return found;
      }
    }
    Type superclass = raw.getGenericSuperclass();
    return superclass == null ? null : requestHandlerTypes(superclass, own);
  }

  // ---- Class::method ----------------------------------------------------------------------

  private static StreamCall byMethod(Class<?> type, String methodName, Serializers serializers) {
    List<Method> candidates;
    try {
      candidates = Arrays.stream(type.getMethods())
          .filter(m -> m.getName().equals(methodName))
          .sorted(METHOD_PRIORITY)
          .toList();
    } catch (NoClassDefFoundError e) {
      throw new LoadException("Error loading method " + methodName + " on class "
          + type.getName(), e);
    }
    for (Method method : candidates) {
      Optional<StreamCall> call = callOf(type, method, serializers);
      if (call.isPresent()) {
        return call.get();
      }
    }
    throw new LoadException("No public method named " + methodName
        + " with appropriate method signature found on class " + type.getName());
  }

  /**
   * The runtime's order of overloads: non-bridge methods first, then longer signatures, a
   * trailing {@code Context} counting as one more parameter.
   */
  private static final Comparator<Method> METHOD_PRIORITY = Comparator
      .comparing(Method::isBridge)
      .thenComparing(m -> -weight(m));

  private static int weight(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    return parameters.length + (parameters.length > 0
        && parameters[parameters.length - 1] == Context.class ? 1 : 0);
  }

  /** The call of {@code method} if its signature is one the runtime accepts. */
  private static Optional<StreamCall> callOf(Class<?> type, Method method,
      Serializers serializers) {
    Type[] p = method.getGenericParameterTypes();
    Type result = method.getGenericReturnType();
    boolean in0 = p.length > 0 && p[0] == InputStream.class;
    boolean out0 = p.length > 0 && p[0] == OutputStream.class;
    boolean context0 = p.length > 0 && p[0] == Context.class;
    switch (p.length) {
      case 0:
        return Optional.of(pojoMethod(type, method, null, result, false, serializers));
      case 1:
        if (in0 || out0) {
          return Optional.of(streamMethod(type, method, in0, out0, false));
        }
        return Optional.of(context0 ? pojoMethod(type, method, null, result, true, serializers)
            : pojoMethod(type, method, p[0], result, false, serializers));
      case 2:
        if (out0) {
          return p[1] == Context.class
              ? Optional.of(streamMethod(type, method, false, true, true)) : Optional.empty();
        }
        if (context0) {
          return Optional.empty();
        }
        if (in0) {
          return p[1] == OutputStream.class || p[1] == Context.class
              ? Optional.of(streamMethod(type, method, true, p[1] == OutputStream.class,
                  p[1] == Context.class))
              : Optional.empty();
        }
        return p[1] == Context.class
            ? Optional.of(pojoMethod(type, method, p[0], result, true, serializers))
            : Optional.empty();
      case 3:
        return in0 && p[1] == OutputStream.class && p[2] == Context.class
            ? Optional.of(streamMethod(type, method, true, true, true)) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static StreamCall streamMethod(Class<?> type, Method method, boolean needsInput,
      boolean needsOutput, boolean needsContext) {
    Object instance = Modifier.isStatic(method.getModifiers()) ? null : newInstance(type);
    return (input, output, context) -> {
      Object[] arguments = new Object[(needsInput ? 1 : 0) + (needsOutput ? 1 : 0)
          + (needsContext ? 1 : 0)];
      int i = 0;
      if (needsInput) {
        arguments[i++] = input;
      }
      if (needsOutput) {
        arguments[i++] = output;
      }
      if (needsContext) {
        arguments[i] = context;
      }
      method.invoke(instance, arguments);
      if (!needsOutput) {
        output.write(JSON_NULL);
      }
    };
  }

  private interface PojoCall {
    Object apply(Object input, Context context) throws Throwable;
  }

  private static StreamCall pojoMethod(Class<?> type, Method method, Type inputType,
      Type outputType, boolean needsContext, Serializers serializers) {
    Object instance = Modifier.isStatic(method.getModifiers()) ? null : newInstance(type);
    return pojo(inputType, outputType, serializers, (input, context) -> {
      Object[] arguments = new Object[(inputType != null ? 1 : 0) + (needsContext ? 1 : 0)];
      int i = 0;
      if (inputType != null) {
        arguments[i++] = input;
      }
      if (needsContext) {
        arguments[i] = context;
      }
      return method.invoke(instance, arguments);
    });
  }

  /** The runtime's {@code PojoHandlerAsStreamHandler}: deserialize, call, serialize. */
  private static StreamCall pojo(Type inputType, Type outputType, Serializers serializers,
      PojoCall call) {
    PojoSerializer<Object> in = inputType == null ? null : serializers.of(inputType);
    PojoSerializer<Object> out = outputType == null || isVoid(outputType) ? null
        : serializers.of(outputType);
    return (input, output, context) -> {
      Object event;
      try {
        event = in == null ? null : in.fromJson(input);
      } catch (Throwable e) {
        throw new RuntimeException("An error occurred during JSON parsing",
            LambdaError.filterStackTrace(e, new java.util.HashSet<>()));
      }
      Object response;
      try {
        response = call.apply(event, context);
      } catch (InvocationTargetException e) {
        throw e.getCause() != null ? e.getCause() : e;
      }
      try {
        if (out != null) {
          out.toJson(response, output);
        } else {
          output.write(JSON_NULL);
        }
      } catch (Throwable e) {
        throw new RuntimeException("An error occurred during JSON serialization of response", e);
      }
    };
  }

  private static boolean isVoid(Type type) {
    return type == void.class || (type instanceof Class<?> c && Void.class.isAssignableFrom(c));
  }

  private static Object newInstance(Class<?> type) {
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
        throw new LoadException("Class " + type.getName()
            + " cannot be instantiated because it is a non-static inner class",
            Exception.class.getName(), e);
      }
      throw new LoadException("Class " + type.getName()
          + " has no public zero-argument constructor", Exception.class.getName(), e);
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new LoadException(LambdaError.messageOf(cause), cause);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new LoadException(LambdaError.messageOf(e), e);
    }
  }

  /** The runtime's choice of serializer for a type, with the class loader's custom one. */
  private static final class Serializers {
    private final ClassLoader loader;
    private final CustomPojoSerializer custom;

    Serializers(ClassLoader loader) {
      this.loader = loader;
      Iterator<CustomPojoSerializer> found =
          ServiceLoader.load(CustomPojoSerializer.class, loader).iterator();
      this.custom = found.hasNext() ? found.next() : null;
      if (found.hasNext()) {
        throw new LoadException("Too many serializers provided inside the META-INF/services"
            + " folder, only one is allowed");
      }
    }

    @SuppressWarnings("unchecked")
    PojoSerializer<Object> of(Type type) {
      if (custom != null) {
        return new PojoSerializer<>() {
          @Override
          public Object fromJson(InputStream input) {
            return custom.fromJson(input, type);
          }

          @Override
          public Object fromJson(String input) {
            return custom.fromJson(input, type);
          }

          @Override
          public void toJson(Object value, OutputStream output) {
            custom.toJson(value, output, type);
          }
        };
      }
      if (type instanceof Class<?> c
          && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
        return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, loader);
      }
      return JacksonFactory.getInstance().getSerializer(type);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable thrown) throws T {
    throw (T) thrown;
  }
}
