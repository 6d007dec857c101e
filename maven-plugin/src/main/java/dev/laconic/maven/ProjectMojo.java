package dev.laconic.maven;

import dev.laconic.local.app.Application;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals share: the project's compiled application and its run-time class path. */
abstract class ProjectMojo extends AbstractMojo {

  /** Where the processor wrote the template and javac the classes. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  private File classesDirectory;

  /** The project's run-time class path: its classes and dependencies, as Lambda's jar has them. */
  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
  private List<String> classpathElements;

  /** The template the processor wrote, which must exist. */
  Path template() throws MojoExecutionException {
    Path template = classesDirectory.toPath().resolve(Application.TEMPLATE);
    if (!Files.isRegularFile(template)) {
      throw new MojoExecutionException(template + " does not exist: compile the project with the"
          + " Laconic processor first, as in mvn compile laconic:" + goal() + " (a build with"
          + " errors writes no template).");
    }
    return template;
  }

  /**
   * The project's classes over the plugin's: a class both have (the events library, the Lambda
   * core interfaces) is the plugin's, so the invoker and the adapter agree on it.
   */
  URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    for (String element : classpathElements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("Bad class path element " + element, e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  /** The goal's name, for messages. */
  abstract String goal();
}
