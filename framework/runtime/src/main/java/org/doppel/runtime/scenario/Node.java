package org.doppel.runtime.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a scenario tree with the place it was written. Immutable: overrides build
 * new trees that share the untouched branches.
 */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {

  SourceLocation location();

  /** The value as plain Java: strings, numbers, booleans, null, lists and maps. */
  Object toPlain();

  /** What kind of value this is, for messages: "text", "a number", "a list"... */
  String describe();

  /**
   * A scalar as YAML typed it.
   *
   * @param value a String, Integer, Long, BigInteger, Double, Boolean, or null
   * @param text the scalar as written, for messages and for text getters
   */
  record Scalar(Object value, String text, SourceLocation location) implements Node {

    @Override
    public Object toPlain() {
      return value;
    }

    @Override
    public String describe() {
      if (value == null) {
        return "nothing (null)";
      }
      if (value instanceof String) {
        return "'" + text + "'";
      }
      return text;
    }

    boolean isNull() {
      return value == null;
    }
  }

  /** One key of a mapping, with where the key itself was written. */
  record Entry(String key, SourceLocation keyLocation, Node value) {
  }

  /** A mapping, in the order written. */
  record Mapping(Map<String, Entry> entries, SourceLocation location) implements Node {

    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    static Mapping empty(SourceLocation location) {
      return new Mapping(Map.of(), location);
    }

    /** A copy with {@code key} set; an existing key keeps its place and key location. */
    Mapping with(String key, SourceLocation keyLocation, Node value) {
      Map<String, Entry> copy = new LinkedHashMap<>(entries);
      Entry old = copy.get(key);
      copy.put(key, new Entry(key, old == null ? keyLocation : old.keyLocation(), value));
      return new Mapping(copy, location);
    }

    @Override
    public Object toPlain() {
      Map<String, Object> plain = new LinkedHashMap<>();
      entries.forEach((key, entry) -> plain.put(key, entry.value().toPlain()));
      return plain;
    }

    @Override
    public String describe() {
      return "a section";
    }
  }

  /** A list, in the order written. */
  record Sequence(List<Node> items, SourceLocation location) implements Node {

    public Sequence {
      items = List.copyOf(items);
    }

    /** A copy with item {@code index} replaced, or appended when {@code index} is the size. */
    Sequence with(int index, Node item) {
      List<Node> copy = new ArrayList<>(items);
      if (index == copy.size()) {
        copy.add(item);
      } else {
        copy.set(index, item);
      }
      return new Sequence(copy, location);
    }

    @Override
    public Object toPlain() {
      List<Object> plain = new ArrayList<>();
      items.forEach(item -> plain.add(item.toPlain()));
      return plain;
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
