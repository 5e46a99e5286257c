package org.doppel.runtime.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Applies {@code --set key=value} arguments to a scenario tree: the key is a dotted path
 * ({@code surrogate.epochs}, {@code compression.0.sparsity} or {@code compression[0].sparsity}),
 * the value is YAML ({@code 3}, {@code top-k}, {@code [prune-magnitude]},
 * {@code {id: top-k, k: 8}}).
 *
 * <p>Missing sections on the way are created; a section given as a plain id is widened to
 * {@code {id: ...}} before a key is set inside it, so {@code attention=top-k} then
 * {@code attention.k=8} gives {@code {id: top-k, k: 8}}. Every error, and every value set,
 * is located at the {@code --set} argument. Stateless.
 */
final class Overrides {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");

  private Overrides() {
  }

  /** The tree {@code root} with {@code argument} applied. */
  static Node.Mapping apply(Node.Mapping root, String argument) {
    SourceLocation where = SourceLocation.of("--set " + argument);
    int equals = argument.indexOf('=');
    if (equals < 0) {
      throw new ScenarioException(where, "", "expected key=value, such as surrogate.epochs=3");
    }
    String key = argument.substring(0, equals).strip();
    List<String> segments = segments(key, where);
    String text = argument.substring(equals + 1);
    Node value = text.isBlank() ? null : YamlTreeReader.read(text, where.source(), false);
    if (value == null) {
      throw new ScenarioException(where, key, "no value after '='");
    }
    return (Node.Mapping) set(root, segments, 0, value, where, "");
  }

  private static List<String> segments(String key, SourceLocation where) {
    List<String> segments = Arrays.asList(key.replace("]", "").replace('[', '.').split("\\.", -1));
    if (key.isEmpty() || !segments.stream().allMatch(part -> SEGMENT.matcher(part).matches())) {
      throw new ScenarioException(where, "", "'" + key + "' is not a dotted field path such"
          + " as surrogate.epochs or compression.0.sparsity");
    }
    return segments;
  }

  private static Node set(Node current, List<String> segments, int index, Node value,
      SourceLocation where, String path) {
    if (index == segments.size()) {
      return value;
    }
    String segment = segments.get(index);
    Node container = container(current, path, segment, where);
    if (container instanceof Node.Sequence list) {
      int item = itemIndex(list, segment, path, where);
      Node old = item < list.items().size() ? list.items().get(item) : null;
      return list.with(item, set(old, segments, index + 1, value, where,
          path + "[" + item + "]"));
    }
    Node.Mapping mapping = (Node.Mapping) container;
    Node.Entry old = mapping.entries().get(segment);
    String child = path.isEmpty() ? segment : path + "." + segment;
    return mapping.with(segment, where, set(old == null ? null : old.value(), segments,
        index + 1, value, where, child));
  }

  private static Node container(Node current, String path, String segment,
      SourceLocation where) {
    if (current == null || (current instanceof Node.Scalar scalar && scalar.isNull())) {
      return Node.Mapping.empty(where);
    }
    if (current instanceof Node.Mapping || current instanceof Node.Sequence) {
      return current;
    }
    if (((Node.Scalar) current).value() instanceof String) {
      return Sections.toMapping(current, path, "id");
    }
    throw new ScenarioException(where, path, "is " + current.describe() + ", not a section,"
        + " so '" + segment + "' cannot be set inside it");
  }

  private static int itemIndex(Node.Sequence list, String segment, String path,
      SourceLocation where) {
    int item;
    try {
      item = Integer.parseInt(segment);
    } catch (NumberFormatException e) {
      throw new ScenarioException(where, path, "is a list; name an item by its index, such as "
          + path + ".0." + segment);
    }
    if (item > list.items().size()) {
      throw new ScenarioException(where, path, "has " + list.items().size() + " item(s), so"
          + " index " + item + " is out of range (the next index, " + list.items().size()
          + ", appends)");
    }
    return item;
  }
}
