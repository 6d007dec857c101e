package dev.laconic.processor;

import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.parse.HandlerParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Incremental builds: the classes that declared handlers in the last good build ({@link
 * OutputFiles#INDEX}), so that a compilation of some sources reads the others' handlers back from
 * their class files and the template keeps every function.
 */
final class HandlerIndex {

  private final Elements elements;
  /** Classes whose functions were read back from class files: in the template, not regenerated. */
  private final Set<String> recovered = new HashSet<>();

  HandlerIndex(Elements elements) {
    this.elements = elements;
  }

  /**
   * The handlers of the last build's {@code index} whose classes are not among this round's
   * sources; classes that no longer exist, or no longer declare handlers, drop out.
   */
  List<ExecutableElement> notCompiledNow(String index, RoundEnvironment round,
      HandlerParser parser) {
    Set<String> compiledNow = compiledIn(round);
    List<ExecutableElement> handlers = new ArrayList<>();
    for (String className : index == null ? new String[0] : index.split("\n")) {
      className = className.trim();
      if (className.isEmpty() || compiledNow.contains(className)) {
        continue;
      }
      TypeElement type = elements.getTypeElement(className);
      if (type != null) {
        for (ExecutableElement method : parser.handlersOf(type)) {
          recovered.add(((TypeElement) method.getEnclosingElement()).getQualifiedName().toString());
          handlers.add(method);
        }
      }
    }
    return handlers;
  }

  /**
   * Drops from {@code functions} those read back from class files whose class this round
   * compiles after all (a class another processor generates): the compiled version counts, once.
   */
  void forgetCompiledNow(RoundEnvironment round, List<FunctionModel> functions) {
    Set<String> compiledNow = compiledIn(round);
    compiledNow.retainAll(recovered);
    if (!compiledNow.isEmpty()) {
      functions.removeIf(f -> compiledNow.contains(f.qualifiedClassName()));
      recovered.removeAll(compiledNow);
    }
  }

  /** Whether {@code function} was read back from a class file, adapter and mappers included. */
  boolean recovered(FunctionModel function) {
    return recovered.contains(function.qualifiedClassName());
  }

  /** The index of a good build with {@code functions}: their classes, sorted, one per line. */
  static String of(List<FunctionModel> functions) {
    return functions.stream().map(FunctionModel::qualifiedClassName).distinct().sorted()
        .map(name -> name + "\n").collect(Collectors.joining());
  }

  private static Set<String> compiledIn(RoundEnvironment round) {
    Set<String> names = new HashSet<>();
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        addWithNested(type, names);
      }
    }
    return names;
  }

  private static void addWithNested(TypeElement type, Set<String> names) {
    names.add(type.getQualifiedName().toString());
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      addWithNested(nested, names);
    }
  }
}
