package dev.laconic.processor.parse;

import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.Reporter;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape;
import dev.laconic.processor.model.PolicyModel;
import dev.laconic.processor.model.TriggerModel;
import dev.laconic.processor.source.EventSource;
import dev.laconic.processor.source.EventSources;
import dev.laconic.processor.source.Signatures.Signature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns the annotated methods of one round into {@link FunctionModel}s. Problems only javac's
 * types can reveal (placement, handler signature, missing AWS libraries) are reported here; a
 * method with such a problem yields no model, so no adapter is generated for it.
 */
public final class HandlerParser {

  static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
  static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final java.util.function.Function<String, ArnRef.Resource> baseResources;
  private final PolicyReader policyReader;
  private final FunctionSettingsReader settingsReader;
  /** Reads the types of DynamoDB item images, where Enhanced Client classes keep its rules. */
  private final MappedTypeReader itemTypeReader;
  /** Reads the types of JSON payloads (Kinesis data, SQS bodies) by Laconic's rules alone. */
  private final MappedTypeReader jsonTypeReader;
  private final Set<String> classesReported = new HashSet<>();

  /**
   * @param mapperNames the mapper class names given out so far in this build, to the type each
   *     maps; the parser adds those it gives out
   * @param baseResources the resources of the user's base template by logical id, for
   *     {@code @Name} values; null for an unknown name
   */
  public HandlerParser(Elements elements, Types types, Reporter reporter,
      Map<String, String> mapperNames, java.util.function.Function<String, ArnRef.Resource> baseResources) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.baseResources = baseResources;
    this.policyReader = new PolicyReader(elements, baseResources);
    this.settingsReader = new FunctionSettingsReader(elements, baseResources);
    this.itemTypeReader = new MappedTypeReader(elements, types, mapperNames, true);
    this.jsonTypeReader = new MappedTypeReader(elements, types, mapperNames, false);
  }

  /** What one round yields. */
  public record Parsed(List<FunctionModel> functions, List<ExecutableElement> deferred) {}

  /**
   * The functions declared in this round, in no particular order, and the handlers that take a
   * type javac has not resolved yet: another processor may generate it in a later round.
   *
   * @param retried handlers deferred in earlier rounds, to try again
   */
  public Parsed parse(RoundEnvironment round, List<ExecutableElement> retried) {
    Set<ExecutableElement> triggered = new LinkedHashSet<>();
    for (EventSource<?> source : EventSources.ALL) {
      triggered.addAll(methodsAnnotated(round, source.annotation()));
      triggered.addAll(methodsAnnotated(round, source.container()));
    }

    reportUntriggered(round, triggered);
    triggered.addAll(retried);
    itemTypeReader.waitForLombok(!round.processingOver());
    jsonTypeReader.waitForLombok(!round.processingOver());

    List<FunctionModel> functions = new ArrayList<>();
    List<ExecutableElement> deferred = new ArrayList<>();
    for (ExecutableElement method : triggered) {
      problems = ValidationReport.builder();
      FunctionModel function = parse(method);
      ValidationReport found = problems.build();
      reporter.report(found);
      if (function != null) {
        functions.add(function);
      } else if (waiting && found.isClean()) {
        deferred.add(method);
      }
    }
    return new Parsed(functions, deferred);
  }

  /**
   * The trigger-annotated methods of {@code type} and its nested classes: the handlers of a
   * class compiled by an earlier build, read back from its class file.
   */
  public List<ExecutableElement> handlersOf(TypeElement type) {
    List<ExecutableElement> handlers = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (hasTrigger(method)) {
        handlers.add(method);
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      handlers.addAll(handlersOf(nested));
    }
    return handlers;
  }

  /** Reports each handler still waiting for a type when processing is over. */
  public void reportNeverResolved(List<ExecutableElement> deferred) {
    for (ExecutableElement method : deferred) {
      reporter.report(Diagnostic.TYPE_NEVER_RESOLVED, Origin.of(method).whole(),
          method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName());
    }
  }

  /** Whether the last method parsed waits for an unresolved type. */
  private boolean waiting;
  /** The problems of the method being parsed. */
  private ValidationReport.Builder problems = ValidationReport.builder();

  private FunctionModel parse(ExecutableElement method) {
    waiting = false;
    List<TriggerModel> triggers = new ArrayList<>();
    EventSource<?> source = null;
    for (EventSource<?> candidate : EventSources.ALL) {
      for (Annotations.Found found : Annotations.repeated(elements, method,
          candidate.annotation(), candidate.container())) {
        triggers.add(candidate.read(new AnnotationReader(elements, method, found.mirror(),
            found.repeated()), baseResources));
        if (source != null && source != candidate) {
          problems.report(Diagnostic.MIXED_TRIGGERS, triggers.get(triggers.size() - 1).origin()
              .whole(), method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName(),
              simpleName(source.annotation()), simpleName(candidate.annotation()));
          return null;
        }
        source = candidate;
      }
    }
    Origin at = triggers.isEmpty() ? Origin.of(method) : triggers.get(0).origin();
    if (source == null || !librariesPresent(at, source)) {
      return null;
    }
    TypeElement type = (TypeElement) method.getEnclosingElement();
    boolean placed = checkClass(type) & checkMethod(method);
    Shape shape = shapeOf(method, source);
    if (!placed || shape == null) {
      return null;
    }
    List<CompositeType> composites = List.of();
    if (shape.item() != null) {
      MappedTypeReader mappedTypeReader =
          shape.shape().input() == HandlerShape.Input.JSON_BODY ? jsonTypeReader : itemTypeReader;
      composites = mappedTypeReader.read(shape.item(), packageOf(type),
          method.getParameters().get(0), problems);
      if (composites == null) {
        waiting = mappedTypeReader.deferred();
        return null;
      }
    }
    List<PolicyModel> policies = new ArrayList<>(policyReader.read(type));
    policies.addAll(policyReader.read(method));
    return new FunctionModel(
        packageOf(type),
        simpleNames(type),
        method.getSimpleName().toString(),
        shape.shape(),
        settingsReader.read(method),
        triggers,
        policies,
        composites,
        Origin.of(method));
  }

  /** Reports the first missing type of each AWS library once per method. */
  private boolean librariesPresent(Origin at, EventSource<?> source) {
    String events = firstMissing(source.requiredTypes().toArray(String[]::new));
    if (events != null) {
      problems.report(Diagnostic.MISSING_EVENTS_LIBRARY, at.whole(), events);
    }
    String core = firstMissing(CONTEXT, REQUEST_HANDLER);
    if (core != null) {
      problems.report(Diagnostic.MISSING_CORE_LIBRARY, at.whole(), core);
    }
    return events == null && core == null;
  }

  private String firstMissing(String... names) {
    for (String name : names) {
      if (elements.getTypeElement(name) == null) {
        return name;
      }
    }
    return null;
  }

  /** Checks the class and its enclosing classes; reports each class once per build. */
  private boolean checkClass(TypeElement type) {
    List<Diagnostic> wrong = new ArrayList<>();
    String name = String.join(".", simpleNames(type));
    if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
      wrong.add(Diagnostic.CLASS_NOT_CONCRETE);
    }
    for (Element t = type; t instanceof TypeElement nested; t = t.getEnclosingElement()) {
      if (!nested.getModifiers().contains(Modifier.PUBLIC)) {
        wrong.add(Diagnostic.CLASS_NOT_PUBLIC);
        break;
      }
    }
    for (Element t = type; t instanceof TypeElement nested; t = t.getEnclosingElement()) {
      if (nested.getNestingKind() != NestingKind.TOP_LEVEL
          && (nested.getNestingKind() != NestingKind.MEMBER
              || !nested.getModifiers().contains(Modifier.STATIC))) {
        wrong.add(Diagnostic.CLASS_NOT_STATIC);
        break;
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      wrong.add(Diagnostic.CLASS_GENERIC);
    }
    boolean constructible = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    if (!constructible && type.getKind() == ElementKind.CLASS) {
      wrong.add(Diagnostic.CLASS_NO_CONSTRUCTOR);
    }
    if (!wrong.isEmpty() && classesReported.add(type.getQualifiedName().toString())) {
      for (Diagnostic problem : wrong) {
        problems.report(problem, Origin.of(type).whole(), name);
      }
    }
    return wrong.isEmpty();
  }

  private boolean checkMethod(ExecutableElement method) {
    String name = method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    ValidationReport.Builder report = ValidationReport.builder();
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      report.report(Diagnostic.METHOD_NOT_PUBLIC, Origin.of(method).whole(), name);
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      report.report(Diagnostic.METHOD_STATIC, Origin.of(method).whole(), name);
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.report(Diagnostic.METHOD_GENERIC, Origin.of(method).whole(), name);
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!isSubtype(thrown, "java.lang.Exception") && !isSubtype(thrown, "java.lang.Error")) {
        report.report(Diagnostic.THROWS_THROWABLE, Origin.of(method).whole(), name, thrown);
      }
    }
    ValidationReport found = report.build();
    problems.add(found);
    return found.isClean();
  }

  /** A handler's shape and, for typed handlers, the element of the item type. */
  private record Shape(HandlerShape shape, TypeElement item) {}

  /** The handler's shape, or null (reported) when the signature is not one of the accepted. */
  private Shape shapeOf(ExecutableElement method, EventSource<?> source) {
    List<TypeMirror> parameters =
        method.getParameters().stream().map(Element::asType).collect(Collectors.toList());
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() == TypeKind.ERROR
        || parameters.stream().anyMatch(p -> p.getKind() == TypeKind.ERROR)) {
      // Perhaps generated in a later round; if not, javac reports the unresolved type.
      waiting = true;
      return null;
    }
    TypeMirror first = parameters.isEmpty() ? null : parameters.get(0);
    Signature matched = null;
    TypeElement item = null;
    boolean fixedType = false;
    // A first parameter of one of the source's own types decides the signature; any other type
    // of the user's own is the item type T.
    for (Signature signature : first == null ? List.<Signature>of()
        : source.signatures().accepted()) {
      if (signature.parameterType() == null || !is(first, signature.parameterType())) {
        continue;
      }
      fixedType = true;
      if (signature.typed()) {
        List<? extends TypeMirror> arguments = ((DeclaredType) first).getTypeArguments();
        if (arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.ERROR) {
          waiting = true; // StreamChange<Gen> with Gen not generated yet
          return null;
        }
        item = arguments.size() == 1 ? itemType(arguments.get(0)) : null;
        matched = item == null ? null : signature;
      } else {
        matched = signature;
      }
      break;
    }
    for (Signature signature : first == null || fixedType ? List.<Signature>of()
        : source.signatures().accepted()) {
      if (signature.parameterType() == null) {
        item = itemType(first);
        matched = item == null ? null : signature;
        break;
      }
    }
    boolean context = parameters.size() == 2 && is(parameters.get(1), CONTEXT);
    boolean returnsVoid = returnType.getKind() == TypeKind.VOID;
    boolean accepted = matched != null
        && (parameters.size() == 1 || context)
        && matched.returnTypes().stream().anyMatch(allowed -> allowed.equals(Signature.VOID)
            ? returnsVoid : is(returnType, allowed));
    if (!accepted) {
      problems.report(Diagnostic.BAD_SIGNATURE, Origin.of(method).whole(), describe(method),
          simpleName(source.annotation()), source.signatures().help());
      return null;
    }
    HandlerShape shape = new HandlerShape(matched.input(), context, !returnsVoid,
        !method.getThrownTypes().isEmpty(),
        item == null ? null : MappedTypeReader.typeRef(item));
    return new Shape(shape, item);
  }

  /**
   * The user's record or class a typed handler takes, or null when {@code type} cannot be one:
   * a JDK or AWS type, a primitive, an array, an enum, a type variable.
   */
  private static TypeElement itemType(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return null;
    }
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    boolean platform = MappedTypeReader.isForeign(name);
    ElementKind kind = element.getKind();
    return !platform && (kind == ElementKind.CLASS || kind == ElementKind.RECORD
        || kind == ElementKind.INTERFACE) ? element : null;
  }

  private boolean isSubtype(TypeMirror type, String qualifiedName) {
    TypeElement expected = elements.getTypeElement(qualifiedName);
    return type.getKind() == TypeKind.ERROR
        || (expected != null && types.isSubtype(type, expected.asType()));
  }

  private boolean is(TypeMirror type, String qualifiedName) {
    TypeElement expected = elements.getTypeElement(qualifiedName);
    return expected != null && types.isSameType(types.erasure(type), types.erasure(expected.asType()));
  }

  private void reportUntriggered(RoundEnvironment round, Set<ExecutableElement> triggered) {
    for (String annotation : List.of(FunctionSettingsReader.ANNOTATION, PolicyReader.ANNOTATION,
        PolicyReader.CONTAINER)) {
      for (ExecutableElement method : methodsAnnotated(round, annotation)) {
        if (!triggered.contains(method)) {
          String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
          reporter.report(Diagnostic.NO_TRIGGER,
              Origin.of(method, Annotations.find(method, annotation)).whole(),
              simple.equals("IamPolicies") ? "IamPolicy" : simple,
              method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName(),
              EventSources.ALL.stream().map(s -> "@" + simpleName(s.annotation()))
                  .collect(Collectors.joining(", ")));
        }
      }
      for (TypeElement type : ElementFilter.typesIn(annotated(round, annotation))) {
        boolean used = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
            .anyMatch(HandlerParser::hasTrigger);
        if (!used) {
          reporter.report(Diagnostic.CLASS_POLICY_UNUSED,
              Origin.of(type, Annotations.find(type, annotation)).whole(),
              type.getSimpleName());
        }
      }
    }
  }

  /** Whether {@code method} carries a trigger annotation of any event source. */
  private static boolean hasTrigger(ExecutableElement method) {
    for (EventSource<?> source : EventSources.ALL) {
      if (Annotations.find(method, source.annotation()) != null
          || Annotations.find(method, source.container()) != null) {
        return true;
      }
    }
    return false;
  }

  private Set<ExecutableElement> methodsAnnotated(RoundEnvironment round, String annotation) {
    return ElementFilter.methodsIn(annotated(round, annotation));
  }

  private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
    TypeElement type = elements.getTypeElement(annotation);
    return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  private static String describe(ExecutableElement method) {
    String parameters = method.getParameters().stream()
        .map(p -> simpleName(p.asType()) + " " + p.getSimpleName())
        .collect(Collectors.joining(", "));
    return simpleName(method.getReturnType()) + " " + method.getSimpleName()
        + "(" + parameters + ")";
  }

  private static String simpleName(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      Element element = declared.asElement();
      Element outer = element.getEnclosingElement();
      return outer instanceof TypeElement
          ? outer.getSimpleName() + "." + element.getSimpleName()
          : element.getSimpleName().toString();
    }
    return type.toString();
  }

  private static String packageOf(TypeElement type) {
    Element e = type;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  private static List<String> simpleNames(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      names.add(0, e.getSimpleName().toString());
    }
    return names;
  }
}
