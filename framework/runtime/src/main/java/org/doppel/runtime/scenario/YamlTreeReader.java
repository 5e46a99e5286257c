package org.doppel.runtime.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a tree of {@link Node}s that remember where each value and key was
 * written, using Jackson's streaming YAML parser and its token locations.
 *
 * <p>Duplicate keys are errors (YAML forbids them; a parser that keeps the last one hides
 * a typo). Anchors and aliases are resolved. Only one document is allowed. Not
 * thread-safe: one reader per text.
 */
final class YamlTreeReader {

  private static final YAMLFactory YAML = new YAMLFactory();

  private final String source;
  private final boolean located;
  private final FlowIdForm form;
  private final Map<String, Node> anchors = new HashMap<>();

  private YamlTreeReader(String source, boolean located, FlowIdForm form) {
    this.source = source;
    this.located = located;
    this.form = form;
  }

  /**
   * Reads {@code text}; every location names {@code source}, with lines and columns when
   * {@code located}, and without when the text is a {@code --set} value.
   *
   * @return the document's root value, or {@code null} when the text holds none
   * @throws ScenarioException for a YAML syntax error, a duplicate key or a second document
   */
  static Node read(String text, String source, boolean located) {
    FlowIdForm form = FlowIdForm.rewrite(text);
    YamlTreeReader reader = new YamlTreeReader(source, located, form);
    try (JsonParser parser = YAML.createParser(form.text())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      Node root = reader.value(parser, first);
      if (parser.nextToken() != null) {
        throw new ScenarioException(reader.location(parser.currentTokenLocation()), "",
            "a second YAML document; a scenario file holds exactly one");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw reader.syntaxError(e);
    } catch (IOException e) {
      throw new ScenarioException(SourceLocation.of(source), "", "cannot read: " + e);
    }
  }

  private Node value(JsonParser parser, JsonToken token) throws IOException {
    SourceLocation where = location(parser.currentTokenLocation());
    String anchor = ((YAMLParser) parser).getCurrentAnchor();
    if (((YAMLParser) parser).isCurrentAlias()) {
      return alias(parser.getText(), where);
    }
    Node node = switch (token) {
      case START_OBJECT -> mapping(parser, where);
      case START_ARRAY -> sequence(parser, where);
      case VALUE_STRING -> new Node.Scalar(parser.getText(), parser.getText(), where);
      case VALUE_NUMBER_INT -> new Node.Scalar(parser.getNumberValue(), parser.getText(), where);
      case VALUE_NUMBER_FLOAT -> new Node.Scalar(parser.getDoubleValue(), parser.getText(),
          where);
      case VALUE_TRUE -> new Node.Scalar(Boolean.TRUE, parser.getText(), where);
      case VALUE_FALSE -> new Node.Scalar(Boolean.FALSE, parser.getText(), where);
      case VALUE_NULL -> new Node.Scalar(null, parser.getText(), where);
      default -> throw new ScenarioException(where, "", "unexpected YAML token " + token);
    };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private Node.Mapping mapping(JsonParser parser, SourceLocation where) throws IOException {
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT;
        token = parser.nextToken()) {
      String key = parser.currentName();
      SourceLocation keyLocation = location(parser.currentTokenLocation());
      Node.Entry earlier = entries.get(key);
      if (earlier != null) {
        throw new ScenarioException(keyLocation, key, "duplicate key; it is already set at "
            + earlier.keyLocation());
      }
      Node value = value(parser, parser.nextToken());
      entries.put(key, new Node.Entry(key, keyLocation, value));
    }
    return new Node.Mapping(entries, where);
  }

  private Node.Sequence sequence(JsonParser parser, SourceLocation where) throws IOException {
    List<Node> items = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      items.add(value(parser, token));
    }
    return new Node.Sequence(items, where);
  }

  private Node alias(String name, SourceLocation where) {
    Node target = anchors.get(name);
    if (target == null) {
      throw new ScenarioException(where, "", "alias *" + name + " names no anchor before it");
    }
    return target;
  }

  private SourceLocation location(JsonLocation at) {
    return at(at.getLineNr(), at.getColumnNr());
  }

  private SourceLocation at(int line, int column) {
    if (!located || line < 1) {
      return SourceLocation.of(source);
    }
    return new SourceLocation(source, line, form.originalColumn(line, column));
  }

  private ScenarioException syntaxError(JsonProcessingException error) {
    if (error instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
      return new ScenarioException(at(mark.getLine() + 1, mark.getColumn() + 1), "",
          "YAML syntax error: " + marked.getProblem() + context);
    }
    JsonLocation where = error.getLocation();
    return new ScenarioException(where == null ? SourceLocation.of(source) : location(where),
        "", "YAML syntax error: " + error.getOriginalMessage());
  }
}
