package dev.laconic.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import dev.laconic.processor.cfn.BaseTemplate;
import dev.laconic.processor.cfn.TemplateBuilder;
import dev.laconic.processor.cfn.TemplateWriter;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.Reporter;
import dev.laconic.processor.generate.AdapterGenerator;
import dev.laconic.processor.generate.JsonReaderGenerator;
import dev.laconic.processor.generate.MapperGenerator;
import dev.laconic.processor.model.HandlerShape;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.parse.HandlerParser;
import dev.laconic.processor.source.EventSource;
import dev.laconic.processor.source.EventSources;
import dev.laconic.processor.validate.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Turns methods annotated with a trigger ({@code @DynamoStreamTrigger} and the other sources of
 * {@link EventSources}) into Lambda handler adapters and one CloudFormation template for the
 * whole compilation.
 *
 * <p>The pipeline, one package per step: {@code parse} (annotated elements to {@code model}
 * records; placement and signature checks), {@code validate} (every value against AWS's limits,
 * all problems reported at once), {@code generate} (one adapter per function and one mapper per
 * user type, only while the build has no error) and {@code cfn} (the template, written once when
 * processing is over and only if the whole build had no error). Each event source is a package of
 * {@code source}.
 *
 * <p>Options ({@code -A}): {@code laconic.code}, the deployable jar relative to the template
 * ({@code target/classes/laconic/}), default {@value Options#DEFAULT_CODE} with a warning;
 * {@code laconic.baseTemplate}, the user's own template to merge with, default {@value
 * Options#DEFAULT_BASE_TEMPLATE} when it exists; {@code laconic.adapter}, {@code stream}
 * (default: adapters read the event bytes themselves) or {@code request-handler};
 * {@code laconic.template}, {@code cloudformation} (default) or {@code sam}.
 *
 * <p>Output: {@code laconic/template.yaml} and {@code .json} in the class output directory, the
 * adapters in the handlers' packages, the mappers beside the types they map.
 */
@AutoService(Processor.class)
public final class LaconicProcessor extends AbstractProcessor {

  private final List<FunctionModel> functions = new ArrayList<>();
  /** Mapper class names given out in this build, to the type each maps. */
  private final Map<String, String> mapperNames = new HashMap<>();
  /** The types whose mapper was written in this build: several handlers may share one. */
  private final Set<String> mappersWritten = new HashSet<>();
  private final Consumer<RoundEnvironment> beforeRound;
  private Reporter reporter;
  private Options options;
  private OutputFiles output;
  private DeferredHandlers deferred;
  private HandlerIndex index;
  private BaseTemplate base;
  private boolean failed;

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
    Set<String> supported = new TreeSet<>(Set.of("dev.laconic.annotations.IamPolicy",
        "dev.laconic.annotations.IamPolicies", "dev.laconic.annotations.DynamoAttribute",
        "dev.laconic.annotations.DynamoIgnore", "dev.laconic.annotations.LambdaFunction"));
    for (EventSource<?> source : EventSources.ALL) {
      supported.add(source.annotation());
      supported.add(source.container());
    }
    return supported;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reporter == null) {
      reporter = new Reporter(processingEnv);
      output = new OutputFiles(processingEnv.getFiler(), reporter);
    }
    try {
      if (options == null) {
        start(round);
      }
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
      output.removeStaleTemplates(); // whatever an earlier build left must not look like ours
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      reporter.report(Diagnostic.INTERNAL_ERROR, Origin.NONE.whole(), trace);
    }
    reporter.flush();
    return false;
  }

  /** The first round: options, the user's template and the last build's handlers. */
  private void start(RoundEnvironment round) {
    options = Options.parse(processingEnv.getOptions());
    reporter.report(options.adapterReport());
    reporter.report(options.templateReport());
    deferred = new DeferredHandlers(processingEnv.getElementUtils());
    index = new HandlerIndex(processingEnv.getElementUtils());
    base = BaseTemplateLoader.load(options.baseTemplate(), reporter);
    deferred.replaceWith(index.notCompiledNow(output.read(OutputFiles.INDEX), round, parser()));
  }

  private void processRound(RoundEnvironment round) {
    index.forgetCompiledNow(round, functions);
    HandlerParser.Parsed result = parser().parse(round, deferred.methods());
    deferred.replaceWith(result.deferred());
    accept(result.functions());
  }

  /** Validates the functions of one round and, while the build has no error, generates them. */
  private void accept(List<FunctionModel> found) {
    List<FunctionModel> parsed = new ArrayList<>(found);
    parsed.sort(FunctionModel.TEMPLATE_ORDER);
    // Project-wide checks run in the round that brings the functions, while javac can still
    // place messages on their elements; later rounds check only what they add.
    Validator validator = new Validator(javaRelease(), options.template());
    reporter.report(validator.validateProject(functions, parsed));
    List<FunctionModel> valid = new ArrayList<>();
    for (FunctionModel function : parsed) {
      if (reporter.report(validator.validate(function))
          && (base == null || reporter.report(validator.validateAgainst(base, function)))) {
        valid.add(function);
      }
      functions.add(function);
    }
    if (base != null && !parsed.isEmpty() && !reporter.hasErrors()) {
      // Only the user's resources can close a circle through the generated ones. Checked in the
      // round that brings functions, while javac can still place the error on their elements.
      ObjectNode generated = new TemplateBuilder(options.code(), options.template())
          .build(functions);
      reporter.report(validator.validateTemplate(base.merge(generated), functions,
          parsed.stream().filter(function -> !index.recovered(function)).toList()));
    }
    // A build with an error writes nothing that could look like the output of a good build.
    if (!reporter.hasErrors()) {
      valid.stream().filter(function -> !index.recovered(function)).forEach(this::generate);
    }
  }

  private void generate(FunctionModel function) {
    AdapterGenerator adapters = new AdapterGenerator(processingEnv.getElementUtils()
        .getTypeElement("javax.annotation.processing.Generated") != null, options.adapter());
    // Kinesis data and SQS bodies hold JSON; everything else typed holds DynamoDB attributes.
    boolean json = function.shape().input() == HandlerShape.Input.JSON_BODY;
    for (CompositeType composite : function.composites()) {
      if (mappersWritten.add((json ? "json:" : "attributes:") + composite.type().qualifiedName())) {
        output.write(json
            ? new JsonReaderGenerator(adapters.generatedAnnotations()).generate(composite)
            : new MapperGenerator(adapters.generatedAnnotations())
                .generate(composite, function.composites()),
            composite.origin());
      }
    }
    output.write(adapters.generate(function, EventSources.of(function).adapter(function)),
        function.origin());
  }

  private void finish(RoundEnvironment round) {
    if (!deferred.isEmpty()) {
      // javac entered every tree again for this round, so a class Lombok completed after Laconic
      // read it is complete now. Lombok asks javac for a round of its own after the one it
      // rewrites, so this is only the fallback: javac compiles what is written here, with its
      // warning that files created in the last round are not processed.
      HandlerParser.Parsed result = parser().parse(round, deferred.methods());
      accept(result.functions());
      parser().reportNeverResolved(result.deferred());
      deferred.replaceWith(List.of());
    }
    if (!reporter.hasErrors() && !round.errorRaised() && !functions.isEmpty()) {
      reporter.report(options.codeReport());
    }
    if (reporter.hasErrors() || round.errorRaised()) {
      // No template for a build with errors, ours or javac's; and none left from an earlier
      // build either, where it would look like this build's output.
      output.removeStaleTemplates();
      return;
    }
    if (functions.isEmpty()) {
      return;
    }
    ObjectNode generated = new TemplateBuilder(options.code(), options.template()).build(functions);
    JsonNode template = base == null ? generated : base.merge(generated);
    Element[] origins = functions.stream().map(f -> f.origin().element())
        .filter(Objects::nonNull).toArray(Element[]::new);
    output.write(OutputFiles.TEMPLATE_YAML, TemplateWriter.yaml(template), origins);
    output.write(OutputFiles.TEMPLATE_JSON, TemplateWriter.json(template), origins);
    output.write(OutputFiles.INDEX, HandlerIndex.of(functions), origins);
  }

  private HandlerParser parser() {
    return new HandlerParser(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
        reporter, mapperNames, id -> base == null ? null : base.resource(id));
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
