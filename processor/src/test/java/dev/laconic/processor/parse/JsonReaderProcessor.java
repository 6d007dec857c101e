package dev.laconic.processor.parse;

import dev.laconic.processor.diag.Reporter;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.generate.AdapterGenerator;
import dev.laconic.processor.generate.JsonReaderGenerator;
import dev.laconic.processor.model.CompositeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A processor for tests that writes the JSON readers of the types it is given, and of the types
 * nested in them, as Laconic will for Kinesis and SQS handlers that take the user's own type:
 * the types are read by the real {@link MappedTypeReader}, so the readers are generated from the
 * same models as the mappers, and compiled in the same compilation.
 */
public final class JsonReaderProcessor extends AbstractProcessor {

  private final List<String> typeNames;
  private final Set<String> written = new HashSet<>();
  private boolean done;

  /** @param typeNames the qualified names of the types to write readers for */
  public JsonReaderProcessor(String... typeNames) {
    this.typeNames = List.of(typeNames);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    done = true;
    MappedTypeReader reader = new MappedTypeReader(processingEnv.getElementUtils(),
        processingEnv.getTypeUtils(), new HashMap<>());
    Reporter reporter = new Reporter(processingEnv);
    List<CompositeType> read = new ArrayList<>();
    for (String name : typeNames) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type == null) {
        throw new IllegalArgumentException("no type " + name);
      }
      ValidationReport.Builder problems = ValidationReport.builder();
      List<CompositeType> needed = reader.read(type, MappedTypeReader.packageOf(type), type,
          problems);
      reporter.report(problems.build());
      if (needed != null) {
        read.addAll(needed);
      }
    }
    reporter.flush();
    JsonReaderGenerator generator = new JsonReaderGenerator(
        new AdapterGenerator(true, AdapterGenerator.Flavor.STREAM).generatedAnnotations());
    for (CompositeType composite : read) {
      if (written.add(composite.type().qualifiedName())) {
        try {
          generator.generate(composite).writeTo(processingEnv.getFiler());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return false;
  }
}
