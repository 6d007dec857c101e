package dev.laconic.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The class files of a compilation, loaded to run in a test: the user's types and the code
 * generated for them, over the test class path (the run-time library, Jackson).
 */
final class CompiledClasses extends ClassLoader {

  private static final String OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  CompiledClasses(Compilation compilation) {
    super(CompiledClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf(OUTPUT);
      if (file.getKind() != JavaFileObject.Kind.CLASS || at < 0) {
        continue;
      }
      String name = path.substring(at + OUTPUT.length(), path.length() - ".class".length())
          .replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** The compiled class {@code name}. */
  Class<?> type(String name) {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not compiled: " + name, e);
    }
  }

  /**
   * Calls the public static method {@code name} of class {@code type} with parameters of types
   * {@code parameterTypes}, rethrowing what it throws.
   */
  static Object call(Class<?> type, String name, Class<?>[] parameterTypes, Object... arguments)
      throws Exception {
    Method method = type.getMethod(name, parameterTypes);
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
