package dev.laconic.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.InvokeResult;
import dev.laconic.local.LocalInvoker;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.events.DynamoStreamSource;
import dev.laconic.local.events.EventGenerator;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn laconic:invoke -Dfunction=<name> -Devent=<file>}: invokes one function of the
 * project as Lambda would, through its generated adapter, with an event file (a real event, one
 * written by {@code sam local generate-event} or by Laconic's local runner), on the project's own
 * compiled classes and run-time class path. It prints the function's logs as they come and then
 * its response; the build fails when the function fails (Lambda's error JSON is printed).
 *
 * <p>Instead of an event file, a DynamoDB stream function takes one item change, its items in
 * DynamoDB JSON (as {@code aws dynamodb get-item} prints them): {@code -Dinsert=item.json},
 * {@code -Dmodify=old.json,new.json} or {@code -Dremove=item.json}. The event is the one its
 * mapping would deliver (see {@link DynamoStreamSource}).
 *
 * <p>It reads the template the processor wrote ({@code target/classes/laconic/template.json}),
 * so the project must be compiled: {@code mvn compile laconic:invoke ...}. The function is named
 * as {@code LocalMain invoke} takes it: its logical id, its {@code FunctionName}, its handler, or
 * {@code Class.method}.
 */
@Mojo(name = "invoke", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class InvokeMojo extends ProjectMojo {

  /** The function to invoke: logical id, function name, handler or {@code Class.method}. */
  @Parameter(property = "function", required = true)
  private String function;

  /** The event: a JSON file. */
  @Parameter(property = "event")
  private File event;

  /** The region in the function's ARN and context. */
  @Parameter(property = "laconic.region", defaultValue = "us-east-1")
  private String region;

  /** An item inserted: the event is its INSERT record. */
  @Parameter(property = "insert")
  private File insert;

  /**
   * An item changed, as {@code old.json,new.json} (relative to the project's directory, as the
   * other files are): the event is its MODIFY record.
   */
  @Parameter(property = "modify")
  private String modify;

  /** An item removed: the event is its REMOVE record. */
  @Parameter(property = "remove")
  private File remove;

  /** What {@code -Dmodify}'s files are relative to, as Maven resolves the other files. */
  @Parameter(defaultValue = "${basedir}", readonly = true)
  private File basedir;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    long given = Stream.of(event, insert, modify, remove).filter(Objects::nonNull).count();
    if (given != 1) {
      throw new MojoFailureException("Give the event as one of -Devent=FILE, -Dinsert=ITEM.json,"
          + " -Dmodify=OLD.json,NEW.json or -Dremove=ITEM.json" + (given == 0 ? "." : ", not "
          + given + " of them."));
    }
    JsonNode template = template();
    InvokeResult result;
    try (URLClassLoader loader = projectClassLoader();
        LocalInvoker invoker = LocalInvoker.builder(Application.parse(template))
            .classLoader(loader).region(region).output(line -> getLog().info(line)).build()) {
      byte[] payload = event != null ? read(event.toPath())
          : JSON.writeValueAsBytes(itemChangeEvent(template,
              invoker.application().find(function)));
      result = invoker.invoke(function, payload);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      // Writing the event; closing the class loader.
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (!result.succeeded()) {
      throw new MojoFailureException("Function " + result.logicalId() + " failed (request "
          + result.requestId() + "): " + result.payloadText());
    }
    getLog().info("Response of " + result.logicalId() + " (request " + result.requestId()
        + "): " + result.payloadText());
  }

  /** The event of the item change given, as the function's DynamoDB mapping delivers it. */
  private ObjectNode itemChangeEvent(JsonNode template, FunctionDefinition definition)
      throws MojoExecutionException, MojoFailureException {
    DynamoStreamSource stream;
    try {
      stream = DynamoStreamSource.of(template, definition, region);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage() + " Give -Devent=FILE.", e);
    }
    EventGenerator.ItemChange change = stream.change(
        insert != null ? Optional.of(item(insert.toPath()))
            : modify != null ? Optional.of(item(modifyFile(1)))
            : Optional.empty(),
        remove != null ? Optional.of(item(remove.toPath()))
            : modify != null ? Optional.of(item(modifyFile(0)))
            : Optional.empty());
    return new EventGenerator().dynamodb(stream.streamArn(), List.of(change), stream.viewType());
  }

  private static byte[] read(Path file) throws MojoExecutionException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + file + ": " + e, e);
    }
  }

  private static JsonNode item(Path file) throws MojoExecutionException {
    try {
      return JSON.readTree(read(file));
    } catch (IOException e) {
      throw new MojoExecutionException(file + " is not JSON: " + e.getMessage(), e);
    }
  }

  /** The {@code index}th file of {@code -Dmodify=old.json,new.json}. */
  private Path modifyFile(int index) throws MojoFailureException {
    String[] files = modify.split(",", -1);
    if (files.length != 2 || files[0].isBlank() || files[1].isBlank()) {
      throw new MojoFailureException("-Dmodify takes two item files, old.json,new.json, not "
          + modify);
    }
    return basedir.toPath().resolve(files[index].trim());
  }

  @Override
  String goal() {
    return "invoke";
  }
}
