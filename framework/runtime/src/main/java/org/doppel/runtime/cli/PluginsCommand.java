package org.doppel.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.concurrent.Callable;
import org.doppel.runtime.registry.PluginEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code doppel plugins}: every registered plugin with type, id, version, bundle, state. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List the installed plugins: type, id, version, bundle and state.")
final class PluginsCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--json", description = "Print the list as JSON.")
  private boolean json;

  PluginsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    List<PluginEntry> plugins = context.registry().plugins();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      List<Object> rows = plugins.stream().map(PluginsCommand::asMap).toList();
      context.out().println(mapper.writeValueAsString(rows));
    } else {
      printTable(plugins);
    }
    context.out().flush();
    return 0;
  }

  private static Object asMap(PluginEntry entry) {
    return new java.util.LinkedHashMap<>(java.util.Map.of(
        "type", entry.type().label(), "id", entry.id(), "version", entry.version(),
        "bundle", entry.bundle(), "state", entry.state(),
        "description", entry.description()));
  }

  private void printTable(List<PluginEntry> plugins) {
    String[] headers = {"TYPE", "ID", "VERSION", "BUNDLE", "STATE", "DESCRIPTION"};
    List<String[]> rows = plugins.stream().map(e -> new String[] {e.type().label(), e.id(),
        e.version(), e.bundle(), e.state(), e.description()}).toList();
    Tables.print(context.out(), headers, rows);
    context.out().println(plugins.size() + " plugin(s)");
  }
}
