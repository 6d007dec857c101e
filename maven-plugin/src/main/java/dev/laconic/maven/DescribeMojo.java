package dev.laconic.maven;

import dev.laconic.local.describe.DescribePage;
import dev.laconic.local.describe.Description;
import dev.laconic.local.describe.TextSummary;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn laconic:describe}: writes {@code target/laconic/describe.html}, one page that shows
 * the application the template deploys as a picture (its tables and their streams, Kinesis
 * streams and queues, the mappings that read them with their settings and filters, the functions
 * they invoke, where failed batches go) above the text of every setting, each function's
 * permissions too. The page needs nothing else: it opens from the disk, loads nothing, and can be
 * mailed or attached to a review as it is. The log gets the page's path and a short summary.
 *
 * <p>It reads the template the processor wrote, so the project must be compiled:
 * {@code mvn compile laconic:describe}.
 */
@Mojo(name = "describe", threadSafe = true)
public final class DescribeMojo extends ProjectMojo {

  /** Where to write the page. */
  @Parameter(property = "laconic.describeFile",
      defaultValue = "${project.build.directory}/laconic/describe.html")
  private File describeFile;

  /** What the page calls the application. */
  @Parameter(defaultValue = "${project.artifactId}", readonly = true)
  private String applicationName;

  @Override
  public void execute() throws MojoExecutionException {
    Description description;
    try {
      description = DescribePage.write(template(), applicationName, describeFile.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write " + describeFile + ": " + e.getMessage(), e);
    }
    getLog().info("Wrote " + describeFile);
    TextSummary.of(description).forEach(line -> getLog().info(line));
  }

  @Override
  String goal() {
    return "describe";
  }
}
