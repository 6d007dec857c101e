package dev.laconic.processor;

import com.google.auto.service.AutoService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.cfn.BaseTemplate;
import dev.laconic.processor.cfn.TemplateBuilder;
import dev.laconic.processor.cfn.TemplateWriter;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.Reporter;
import dev.laconic.processor.diag.ValidationReport;
import com.palantir.javapoet.JavaFile;
import dev.laconic.processor.generate.AdapterGenerator;
import dev.laconic.processor.generate.MapperGenerator;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.parse.HandlerParser;
import dev.laconic.processor.source.EventSource;
import dev.laconic.processor.source.EventSources;
import dev.laconic.processor.validate.Validator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Turns methods annotated with {@code @DynamoStreamTrigger} into Lambda handler adapters and one
 * CloudFormation template for the whole compilation.
 *
 * <p>The pipeline, one package per step:
 *
 * <ol>
 *   <li>{@code parse}: annotated elements to {@code model} records; placement and signature
 *       checks;
 *   <li>{@code validate}: every value against AWS's limits, all problems reported at once;
 *   <li>{@code generate}: one adapter per function, in the round it is found, and one mapper
 *       per user type that typed handlers take (and the types nested in them), only while the
 *       build has no error;
 *   <li>{@code cfn}: the template, written once when processing is over, and only if the whole
 *       build had no error, so a broken build never leaves a fresh-looking template behind.
 * </ol>
 *
 * <p>Options ({@code -A}):
 *
 * <ul>
 *   <li>{@code laconic.code}: the function code, as a path to the deployable jar relative to the
 *       template ({@code target/classes/laconic/}); {@code aws cloudformation package} uploads it.
 *       Default {@value #DEFAULT_CODE}, with a warning.
 *   <li>{@code laconic.baseTemplate}: the user's own CloudFormation template, merged with the
 *       generated resources; default {@value #DEFAULT_BASE_TEMPLATE} when that file exists.
 *   <li>{@code laconic.adapter}: {@code stream} (default), adapters that read the event bytes
 *       themselves, or {@code request-handler}, adapters the Lambda runtime deserializes the event
 *       for.
 * </ul>
 *
 * <p>Output: {@code laconic/template.yaml} and {@code laconic/template.json} in the class output
 * directory, the adapters in the handlers' packages, the mappers beside the types they map.
 */
@AutoService(Processor.class)
public final class LaconicProcessor extends AbstractProcessor {

  static final String CODE_OPTION = "laconic.code";
  static final String ADAPTER_OPTION = "laconic.adapter";
  static final String BASE_TEMPLATE_OPTION = "laconic.baseTemplate";
  static final String DEFAULT_BASE_TEMPLATE = "src/main/cloudformation/template.yaml";
  static final String DEFAULT_CODE = "../../function.jar";
  static final String TEMPLATE_YAML = "laconic/template.yaml";
  static final String TEMPLATE_JSON = "laconic/template.json";
  /**
   * The classes that declared handlers in the last good build, one per line: a compilation of
   * some of the sources (an IDE, Gradle, javac on a subset) reads the others back from their
   * class files, so the template still has every function.
   */
  static final String INDEX = "laconic/handlers.index";

  private Reporter reporter;
  private final List<FunctionModel> functions = new ArrayList<>();
  /** The types whose mapper was written in this build: several handlers may share one. */
  private final Set<String> mappersWritten = new HashSet<>();
  /** Mapper class names given out in this build, to the type each maps. */
  private final Map<String, String> mapperNames = new HashMap<>();
  /**
   * Handlers that take a type not resolved yet, by class and method name: retried in the next
   * round, reported if still waiting when processing is over (AutoValue's deferred types).
   */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Classes whose functions were read back from class files: in the template, not regenerated. */
  private final Set<String> recoveredClasses = new HashSet<>();
  private boolean firstRound = true;
  /** The user's own template, read in the first round; null when there is none. */
  private BaseTemplate base;
  private boolean failed;
  private int adapterOptionReported;
  private final Consumer<RoundEnvironment> beforeRound;

  /** The processor as javac's service loader creates it. */
  public LaconicProcessor() {
    this(round -> {});
  }

  /** A processor that runs {@code beforeRound} first in every round: tests use it to fail. */
  LaconicProcessor(Consumer<RoundEnvironment> beforeRound) {
    this.beforeRound = beforeRound;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> supported = new java.util.TreeSet<>(Set.of(
        "dev.laconic.annotations.IamPolicy",
        "dev.laconic.annotations.IamPolicies",
        "dev.laconic.annotations.DynamoAttribute",
        "dev.laconic.annotations.DynamoIgnore",
        "dev.laconic.annotations.LambdaFunction"));
    for (EventSource<?> source : EventSources.ALL) {
      supported.add(source.annotation());
      supported.add(source.container());
    }
    return supported;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(CODE_OPTION, ADAPTER_OPTION, BASE_TEMPLATE_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reporter == null) {
      reporter = new Reporter(processingEnv);
    }
    try {
      if (!failed) {
        beforeRound.accept(round);
        if (round.processingOver()) {
          finish(round);
        } else {
          processRound(round);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // The firewall: a bug in Laconic becomes one error with an id and the trace, never a
      // crash of javac, and no output is written after it.
      failed = true;
      removeStaleTemplates(); // whatever an earlier build left must not look like this one's
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      reporter.report(Diagnostic.INTERNAL_ERROR, Origin.NONE.whole(), trace);
    }
    reporter.flush();
    return false;
  }

  private void processRound(RoundEnvironment round) {
    HandlerParser parser = new HandlerParser(processingEnv.getElementUtils(),
        processingEnv.getTypeUtils(), reporter, mapperNames, this::baseResource);
    Validator validator = new Validator(javaRelease());
    AdapterGenerator generator = new AdapterGenerator(
        processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated")
            != null, adapterFlavor());
    MapperGenerator mappers = new MapperGenerator(generator.generatedAnnotation());
    List<ExecutableElement> again = new ArrayList<>(deferredMethods());
    if (firstRound) {
      firstRound = false;
      base = baseTemplate();
      again.addAll(handlersNotCompiledNow(round, parser));
    } else {
      forgetRecoveredCompiledNow(round);
    }
    HandlerParser.Parsed result = parser.parse(round, again);
    deferred.clear();
    result.deferred().forEach(method -> deferred.add(key(method)));
    List<FunctionModel> parsed = new ArrayList<>(result.functions());
    parsed.sort(FunctionModel.TEMPLATE_ORDER);
    // Project-wide checks run in the round that brings the functions, while javac can still
    // place messages on their elements; later rounds check only what they add.
    reporter.report(validator.validateProject(functions, parsed));
    List<FunctionModel> valid = new ArrayList<>();
    for (FunctionModel function : parsed) {
      if (reporter.report(validator.validate(function))
          && reporter.report(freeOfBaseTemplate(function))) {
        valid.add(function);
      }
      functions.add(function);
    }
    // A build with an error writes nothing: no adapter, mapper or template that could look like
    // the output of a good build.
    if (reporter.hasErrors()) {
      return;
    }
    for (FunctionModel function : valid) {
      if (recoveredClasses.contains(function.qualifiedClassName())) {
        continue; // compiled by an earlier build, adapter and mappers included
      }
      for (CompositeType composite : function.composites()) {
        if (mappersWritten.add(composite.type().qualifiedName())) {
          write(mappers.generate(composite), composite.origin());
        }
      }
      write(generator.generate(function, EventSources.of(function).adapter(function)),
          function.origin());
    }
  }

  private void write(JavaFile file, Origin origin) {
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      reporter.report(Diagnostic.WRITE_FAILED, origin.whole(),
          file.packageName().isEmpty() ? file.typeSpec().name()
              : file.packageName() + "." + file.typeSpec().name(),
          e.getMessage());
    }
  }

  /**
   * The handlers of the last good build whose classes are not among this compilation's sources,
   * read back from their class files; classes that no longer exist, or no longer declare
   * handlers, drop out.
   */
  private List<ExecutableElement> handlersNotCompiledNow(RoundEnvironment round,
      HandlerParser parser) {
    Set<String> compiledNow = new HashSet<>();
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        addWithNested(type, compiledNow);
      }
    }
    List<ExecutableElement> handlers = new ArrayList<>();
    for (String className : previousIndex()) {
      if (compiledNow.contains(className)) {
        continue;
      }
      TypeElement type = processingEnv.getElementUtils().getTypeElement(className);
      if (type != null) {
        List<ExecutableElement> found = parser.handlersOf(type);
        for (ExecutableElement method : found) {
          recoveredClasses.add(
              ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString());
        }
        handlers.addAll(found);
      }
    }
    return handlers;
  }

  /**
   * Drops functions read back from class files whose class this round compiles after all (a
   * class another processor generates): the compiled version counts, once.
   */
  private void forgetRecoveredCompiledNow(RoundEnvironment round) {
    Set<String> compiledNow = new HashSet<>();
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        addWithNested(type, compiledNow);
      }
    }
    compiledNow.retainAll(recoveredClasses);
    if (!compiledNow.isEmpty()) {
      functions.removeIf(f -> compiledNow.contains(f.qualifiedClassName()));
      recoveredClasses.removeAll(compiledNow);
    }
  }

  private static void addWithNested(TypeElement type, Set<String> names) {
    names.add(type.getQualifiedName().toString());
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      addWithNested(nested, names);
    }
  }

  /** The class names of the index the last good build wrote, or none. */
  private List<String> previousIndex() {
    try {
      FileObject index = processingEnv.getFiler()
          .getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
      return List.of(index.getCharContent(true).toString().split("\n")).stream()
          .map(String::trim).filter(line -> !line.isEmpty()).toList();
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return List.of(); // a first build, or an output that keeps nothing between builds
    }
  }

  /** The handlers deferred in earlier rounds, found again by class and method name. */
  private List<ExecutableElement> deferredMethods() {
    List<ExecutableElement> methods = new ArrayList<>();
    for (String key : deferred) {
      int hash = key.indexOf('#');
      TypeElement type = processingEnv.getElementUtils().getTypeElement(key.substring(0, hash));
      if (type == null) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (key(method).equals(key)) {
          methods.add(method);
        }
      }
    }
    return methods;
  }

  private static String key(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#"
        + method.getSimpleName() + "/" + method.getParameters().size();
  }

  private void finish(RoundEnvironment round) {
    if (!deferred.isEmpty()) {
      new HandlerParser(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter,
          mapperNames, this::baseResource).reportNeverResolved(deferredMethods());
      deferred.clear();
    }
    if (reporter.hasErrors() || round.errorRaised()) {
      // No template for a build with errors, ours or javac's; and none left from an earlier
      // build either, where it would look like this build's output.
      removeStaleTemplates();
      return;
    }
    if (functions.isEmpty()) {
      return;
    }
    String code = codeOption();
    ObjectNode generated = new TemplateBuilder(code).build(functions);
    JsonNode template = base == null ? generated : base.merge(generated);
    Element[] origins = functions.stream()
        .map(f -> f.origin().element())
        .filter(e -> e != null)
        .toArray(Element[]::new);
    write(TEMPLATE_YAML, TemplateWriter.yaml(template), origins);
    write(TEMPLATE_JSON, TemplateWriter.json(template), origins);
    write(INDEX, functions.stream().map(FunctionModel::qualifiedClassName).distinct().sorted()
        .map(name -> name + "\n").collect(java.util.stream.Collectors.joining()), origins);
  }

  /** The {@code laconic.adapter} option: {@code stream} (default) or {@code request-handler}. */
  private AdapterGenerator.Flavor adapterFlavor() {
    String value = processingEnv.getOptions().containsKey(ADAPTER_OPTION)
        ? String.valueOf(processingEnv.getOptions().get(ADAPTER_OPTION)) : "stream";
    switch (value) {
      case "stream":
        return AdapterGenerator.Flavor.STREAM;
      case "request-handler":
        return AdapterGenerator.Flavor.REQUEST_HANDLER;
      default:
        if (adapterOptionReported++ == 0) {
          reporter.report(Diagnostic.ADAPTER_OPTION_INVALID, Origin.NONE.whole(), value);
        }
        return AdapterGenerator.Flavor.STREAM;
    }
  }

  /** Resource {@code logicalId} of the base template, for {@code @Name} values; or null. */
  private ArnRef.Resource baseResource(String logicalId) {
    return base == null ? null : base.resource(logicalId);
  }

  /**
   * The user's template: the {@code laconic.baseTemplate} option's file, else
   * {@value #DEFAULT_BASE_TEMPLATE} when it exists; null when there is none or it cannot be
   * read (reported).
   */
  private BaseTemplate baseTemplate() {
    String option = processingEnv.getOptions().get(BASE_TEMPLATE_OPTION);
    java.nio.file.Path path = java.nio.file.Path.of(
        option == null || option.isBlank() ? DEFAULT_BASE_TEMPLATE : option);
    if ((option == null || option.isBlank()) && !java.nio.file.Files.exists(path)) {
      return null;
    }
    try (java.io.Reader text = java.nio.file.Files.newBufferedReader(path,
        StandardCharsets.UTF_8)) {
      return BaseTemplate.read(text);
    } catch (IOException | RuntimeException e) {
      reporter.report(Diagnostic.BASE_TEMPLATE_UNREADABLE, Origin.NONE.whole(), path,
          e.getMessage() == null ? e.toString() : e.getMessage());
      return null;
    }
  }

  /**
   * Whether the logical ids {@code function} generates are free in the user's template: a
   * parameter the user declares is reused, any other shared id is an error on the function.
   */
  private ValidationReport freeOfBaseTemplate(FunctionModel function) {
    if (base == null) {
      return ValidationReport.clean();
    }
    ObjectNode generated = new TemplateBuilder(DEFAULT_CODE).build(List.of(function));
    ValidationReport.Builder report = ValidationReport.builder();
    for (String section : List.of("Parameters", "Resources", "Outputs")) {
      for (java.util.Iterator<String> ids = generated.path(section).fieldNames();
          ids.hasNext(); ) {
        String id = ids.next();
        String clash = base.clashWith(section, id);
        if (clash != null) {
          report.report(Diagnostic.LOGICAL_ID_TAKEN, function.origin().whole(),
              function.displayName(), id, "(" + clash + ")");
        }
      }
    }
    return report.build();
  }


  /**
   * Deletes {@code name} from the class output if an earlier build left it there. The Filer can
   * only create files, so the file is deleted by its path; an output that is not a directory
   * (an in-memory compiler) holds nothing from earlier builds.
   */
  private void removeStaleTemplates() {
    removeStale(TEMPLATE_YAML);
    removeStale(TEMPLATE_JSON);
  }

  private void removeStale(String name) {
    try {
      java.net.URI uri = processingEnv.getFiler()
          .getResource(StandardLocation.CLASS_OUTPUT, "", name).toUri();
      if ("file".equals(uri.getScheme())) {
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(uri));
      }
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      // Nothing there to delete.
    }
  }

  private String codeOption() {
    String code = processingEnv.getOptions().get(CODE_OPTION);
    if (code == null || code.isBlank()) {
      reporter.report(Diagnostic.CODE_OPTION_MISSING, Origin.NONE.whole(), DEFAULT_CODE);
      return DEFAULT_CODE;
    }
    if (code.startsWith("/") || code.contains("\\") || code.matches("[A-Za-z]:.*")) {
      reporter.report(Diagnostic.CODE_OPTION_INVALID, Origin.NONE.whole(), code);
    }
    return code;
  }

  private void write(String name, String content, Element[] origins) {
    try {
      FileObject file = processingEnv.getFiler()
          .createResource(StandardLocation.CLASS_OUTPUT, "", name, origins);
      try (Writer writer = new OutputStreamWriter(
          file.openOutputStream(), StandardCharsets.UTF_8)) {
        writer.write(content);
      }
    } catch (IOException e) {
      reporter.report(Diagnostic.WRITE_FAILED, Origin.NONE.whole(), name, e.getMessage());
    }
  }

  /** The Java release the sources are compiled for: 17 for {@code --release 17}. */
  private int javaRelease() {
    String version = processingEnv.getSourceVersion().name(); // RELEASE_17
    try {
      return Integer.parseInt(version.substring(version.lastIndexOf('_') + 1));
    } catch (NumberFormatException e) {
      return 8;
    }
  }
}
