package dev.laconic.processor.parse;

import dev.laconic.annotations.ApplicationLogLevel;
import dev.laconic.annotations.Architecture;
import dev.laconic.annotations.LogFormat;
import dev.laconic.annotations.SystemLogLevel;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.JavaRuntime;
import dev.laconic.annotations.TieredCompilation;
import dev.laconic.annotations.Tracing;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionSettings;
import dev.laconic.processor.model.LoggingSettings;
import dev.laconic.processor.model.VpcSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/** Reads a method's {@code @LambdaFunction}, or gives the defaults when it has none. */
final class FunctionSettingsReader {

  static final String ANNOTATION = LambdaFunction.class.getCanonicalName();

  private final Elements elements;
  private final Function<String, ArnRef.Resource> baseResources;

  /**
   * @param baseResources the resources of the user's base template by logical id, for
   *     {@code @Name} values; null for an unknown name
   */
  FunctionSettingsReader(Elements elements, Function<String, ArnRef.Resource> baseResources) {
    this.elements = elements;
    this.baseResources = baseResources;
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
        new LoggingSettings(
            a.enumConstant("logFormat", LogFormat.class, LogFormat.TEXT),
            a.enumConstant("applicationLogLevel", ApplicationLogLevel.class,
                ApplicationLogLevel.LAMBDA_DEFAULT),
            a.enumConstant("systemLogLevel", SystemLogLevel.class,
                SystemLogLevel.LAMBDA_DEFAULT)),
        new VpcSettings(references(a, "subnetIds"), references(a, "securityGroupIds"),
            a.bool("ipv6AllowedForDualStack", false)),
        references(a, "layers"),
        a.integer("ephemeralStorage", FunctionSettings.DEFAULT_EPHEMERAL_STORAGE),
        Optional.of(a.string("kmsKey", "")).filter(key -> !key.isEmpty())
            .map(key -> ArnRef.parse(key, baseResources)),
        a.origin());
  }

  private List<ArnRef> references(AnnotationReader a, String attribute) {
    return a.strings(attribute).stream().map(value -> ArnRef.parse(value, baseResources))
        .toList();
  }
}
