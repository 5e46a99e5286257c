package org.doppel.runtime.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/** The reading of a value as a section: mappings as they are, plain ids as {@code {id: x}}. */
final class Sections {

  private Sections() {
  }

  /**
   * {@code node} as a mapping. Text {@code x} becomes {@code {scalarKey: x}}, and the
   * compact form {@code x{k: v}} (when quoted, so the parser left it as text) becomes
   * {@code {id: x, k: v}}.
   *
   * @param path the value's dotted path, for errors
   * @throws ScenarioException when the value is a list, a number or a boolean
   */
  static Node.Mapping toMapping(Node node, String path, String scalarKey) {
    if (node instanceof Node.Mapping mapping) {
      return mapping;
    }
    if (node instanceof Node.Scalar scalar && scalar.value() instanceof String text) {
      String[] compact = FlowIdForm.split(text);
      return compact == null
          ? single(scalarKey, scalar)
          : compactForm(compact[0], compact[1], scalar, path);
    }
    throw new ScenarioException(node.location(), path, "must be a section or a plugin id,"
        + " got " + node.describe());
  }

  private static Node.Mapping single(String key, Node.Scalar value) {
    return new Node.Mapping(Map.of(key, new Node.Entry(key, value.location(), value)),
        value.location());
  }

  private static Node.Mapping compactForm(String id, String body, Node.Scalar scalar,
      String path) {
    Node parsed = YamlTreeReader.read(body, scalar.location().source(), false);
    if (!(parsed instanceof Node.Mapping parameters)) {
      throw new ScenarioException(scalar.location(), path, "'" + scalar.text()
          + "' is neither a plugin id nor id{key: value, ...}");
    }
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    SourceLocation where = scalar.location();
    entries.put("id", new Node.Entry("id", where, new Node.Scalar(id, id, where)));
    parameters.entries().forEach((key, entry) -> entries.put(key,
        new Node.Entry(key, where, relocate(entry.value(), where))));
    return new Node.Mapping(entries, where);
  }

  /** The same value with every location set to {@code where}, the quoted scalar's place. */
  private static Node relocate(Node node, SourceLocation where) {
    if (node instanceof Node.Scalar scalar) {
      return new Node.Scalar(scalar.value(), scalar.text(), where);
    }
    if (node instanceof Node.Sequence list) {
      return new Node.Sequence(list.items().stream().map(item -> relocate(item, where))
          .toList(), where);
    }
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    ((Node.Mapping) node).entries().forEach((key, entry) -> entries.put(key,
        new Node.Entry(key, where, relocate(entry.value(), where))));
    return new Node.Mapping(entries, where);
  }
}
