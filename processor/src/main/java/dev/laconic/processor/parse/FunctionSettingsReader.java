package dev.laconic.processor.parse;

import dev.laconic.annotations.Architecture;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.JavaRuntime;
import dev.laconic.annotations.TieredCompilation;
import dev.laconic.annotations.Tracing;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.model.FunctionSettings;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/** Reads a method's {@code @LambdaFunction}, or gives the defaults when it has none. */
final class FunctionSettingsReader {

  static final String ANNOTATION = LambdaFunction.class.getCanonicalName();

  private final Elements elements;

  FunctionSettingsReader(Elements elements) {
    this.elements = elements;
  }

  FunctionSettings read(ExecutableElement method) {
    AnnotationMirror mirror = Annotations.find(method, ANNOTATION);
    if (mirror == null) {
      return FunctionSettings.defaults(Origin.of(method));
    }
    AnnotationReader a = new AnnotationReader(elements, method, mirror);
    return new FunctionSettings(
        a.string("name", ""),
        a.integer("memorySize", FunctionSettings.DEFAULT_MEMORY_SIZE),
        a.integer("timeout", FunctionSettings.DEFAULT_TIMEOUT),
        a.enumConstant("runtime", JavaRuntime.class, JavaRuntime.JAVA21),
        a.enumConstant("architecture", Architecture.class, Architecture.X86_64),
        a.strings("environment"),
        a.string("description", ""),
        a.integer("reservedConcurrency", -1),
        a.integer("logRetentionDays", FunctionSettings.DEFAULT_LOG_RETENTION_DAYS),
        a.enumConstant("tracing", Tracing.class, Tracing.PASS_THROUGH),
        a.bool("snapStart", false),
        a.enumConstant("tieredCompilation", TieredCompilation.class,
            TieredCompilation.RUNTIME_DEFAULT),
        a.origin());
  }
}
