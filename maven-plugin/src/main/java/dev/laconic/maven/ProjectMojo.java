package dev.laconic.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.app.Application;
import java.io.File;
import java.io.IOException;
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

  static final ObjectMapper JSON = new ObjectMapper();

  /** Where the processor wrote the template and javac the classes. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  private File classesDirectory;

  /** The project's run-time class path: its classes and dependencies, as Lambda's jar has them. */
  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
  private List<String> classpathElements;

  /** The template the processor wrote, read once: the application, and for the goals its tables. */
  JsonNode template() throws MojoExecutionException {
    Path template = templatePath();
    try {
      return JSON.readTree(template.toFile());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + template + ": " + e.getMessage(), e);
    }
  }

  private Path templatePath() throws MojoExecutionException {
    Path template = classesDirectory.toPath().resolve(Application.TEMPLATE);
    if (!Files.isRegularFile(template)) {
      throw new MojoExecutionException(template + " does not exist: compile the project with the"
          + " Laconic processor first, as in mvn compile laconic:" + goal() + " (a build with"
          + " errors writes no template).");
    }
    return template;
  }

  /**
   * The project's run-time class path, its own classes first: the functions run on the project's
   * libraries (its SDK, its Jackson), as in its jar on Lambda. Only Lambda's Java interfaces and
   * events ({@code com.amazonaws.services.lambda.runtime}) come from the plugin, which hands the
   * functions their context and, for {@code RequestHandler}s, events made by Lambda's serializer:
   * the runtime provides those on Lambda too.
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
    return new ProjectClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  /** Child first, but for what Lambda's runtime provides and the runner's logger interface. */
  private static final class ProjectClassLoader extends URLClassLoader {

    private static final String LAMBDA_RUNTIME = "com.amazonaws.services.lambda.runtime.";
    /**
     * The interface the runner's logger implements: the application's StructuredLog must see
     * the runner's copy, or it would not recognise the logger and would log Text.
     */
    private static final String FORMATTED_LOGGER = "dev.laconic.logging.FormattedLogger";

    static {
      registerAsParallelCapable();
    }

    ProjectClassLoader(URL[] urls, ClassLoader plugin) {
      super(urls, plugin);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(LAMBDA_RUNTIME) || name.startsWith("java.")
          || name.equals(FORMATTED_LOGGER)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException notInProject) {
            return super.loadClass(name, resolve);
          }
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }

  /** The goal's name, for messages. */
  abstract String goal();
}
