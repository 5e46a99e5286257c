package org.doppel.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code doppel new-plugin NAME}: writes a domain plugin project (a Maven build, a small
 * plant, a synthetic dataset, a scenario and the SDK test kit wired in) from the template
 * the distribution ships in {@code templates/domain-plugin}.
 */
@Command(name = "new-plugin", mixinStandardHelpOptions = true,
    description = "Write a new domain plugin project (Maven, bundle, plant, data, scenario,"
        + " tests) into the folder NAME.")
final class NewPluginCommand implements Callable<Integer> {

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "NAME",
      description = "The domain's id, lower-case words joined by hyphens (thermal-room).")
  String name;

  @Option(names = "--package", paramLabel = "PACKAGE",
      description = "Java package and bundle name (default: org.example.NAME without"
          + " hyphens).")
  String javaPackage;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
      description = "Folder to create the project folder NAME in (default: the current"
          + " folder).")
  Path parent;

  @Option(names = "--template", paramLabel = "DIR",
      description = "Template folder (default: templates/domain-plugin of the"
          + " distribution).")
  Path template;

  NewPluginCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    PluginTemplate plugin;
    Path target = parent.resolve(name == null ? "" : name).toAbsolutePath().normalize();
    List<Path> written;
    try {
      Path folder = templateFolder().toAbsolutePath().normalize();
      // the distribution holds templates/domain-plugin beside sdk-repo/
      String repository = folder.getParent().resolveSibling("sdk-repo").toUri().toString();
      plugin = javaPackage == null ? PluginTemplate.forId(name, repository)
          : new PluginTemplate(name, javaPackage, repository);
      written = plugin.write(folder, target);
    } catch (IllegalArgumentException e) {
      context.err().println("error: " + e.getMessage());
      context.err().flush();
      return 2;
    }
    var out = context.out();
    out.printf("wrote %d files into %s (package %s)%n", written.size(), target,
        plugin.javaPackage());
    out.printf("next: cd %s && mvn verify, then copy target/%s-0.1.0-SNAPSHOT.jar into"
        + " deploy/ and run: doppel run %s --quick%n", target, name, name);
    out.flush();
    return 0;
  }

  private Path templateFolder() {
    if (template != null) {
      return template;
    }
    String home = System.getProperty("doppel.home");
    if (home == null) {
      throw new IllegalArgumentException("no template folder: run from a distribution"
          + " (bin/doppel sets doppel.home) or give --template");
    }
    return Path.of(home, "templates", "domain-plugin");
  }
}
