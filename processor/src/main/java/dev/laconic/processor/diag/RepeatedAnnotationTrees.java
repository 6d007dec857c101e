package dev.laconic.processor.diag;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic.Kind;

/**
 * Prints a message on an attribute of a repeated annotation. javac's {@code Messager} looks for
 * the annotation among the element's mirrors, where repeated annotations only appear inside their
 * synthesized container, which has no source tree, so it falls back to the method. The source
 * trees still hold each annotation as written: this walks them.
 */
final class RepeatedAnnotationTrees {

  private final Trees trees;

  private RepeatedAnnotationTrees(Trees trees) {
    this.trees = trees;
  }

  /** The tree support of javac, or null under a compiler without it (such as Eclipse's). */
  static RepeatedAnnotationTrees of(ProcessingEnvironment env) {
    try {
      return new RepeatedAnnotationTrees(Trees.instance(env));
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Prints at the attribute's tree; false when the tree cannot be found. */
  boolean print(Kind kind, String message, Origin.Location at) {
    TreePath path = trees.getPath(at.element());
    if (path == null) {
      return false;
    }
    Tree tree = find(path.getLeaf(), at);
    if (tree == null) {
      return false;
    }
    trees.printMessage(kind, message, tree, path.getCompilationUnit());
    return true;
  }

  private static Tree find(Tree declaration, Origin.Location at) {
    ModifiersTree modifiers = declaration instanceof MethodTree method ? method.getModifiers()
        : declaration instanceof ClassTree type ? type.getModifiers() : null;
    if (modifiers == null) {
      return null;
    }
    int seen = 0;
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      String name = annotation.getAnnotationType().toString();
      if (!name.equals(at.repeated().simpleName())
          && !name.endsWith("." + at.repeated().simpleName())) {
        continue;
      }
      if (seen++ == at.repeated().index()) {
        return at.attribute() == null ? annotation : attribute(annotation, at);
      }
    }
    return null;
  }

  private static Tree attribute(AnnotationTree annotation, Origin.Location at) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree name
          && name.getName().contentEquals(at.attribute())) {
        ExpressionTree value = assignment.getExpression();
        if (at.index() >= 0 && value instanceof NewArrayTree array
            && array.getInitializers() != null && at.index() < array.getInitializers().size()) {
          List<? extends ExpressionTree> items = array.getInitializers();
          return items.get(at.index());
        }
        return value;
      }
    }
    return annotation;
  }
}
