package org.doppel.runtime.scenario;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doppel.sdk.Parameters;

/**
 * One section of a scenario, such as {@code surrogate} or {@code compression[0]}, read
 * through typed getters that validate and throw a {@link ScenarioException} naming the
 * file, line, column and dotted path of the faulty value.
 *
 * <p>A required field that is absent (or written with no value) is an error at the
 * section's location; a getter with a fallback returns the fallback instead, unvalidated.
 * A section written as a plain id ({@code attention: top-k}) reads as {@code {id: top-k}},
 * and the compact form {@code top-k{k: 8}} as {@code {id: top-k, k: 8}}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScenarioSection {

  private final ScenarioDocument document;
  private final String path;
  private final Node.Mapping mapping;
  private final SourceLocation location;

  ScenarioSection(ScenarioDocument document, String path, Node.Mapping mapping,
      SourceLocation location) {
    this.document = document;
    this.path = path;
    this.mapping = mapping;
    this.location = location;
  }

  /** The dotted path, such as {@code data.timestamp} or {@code compression[1]}. */
  public String path() {
    return path;
  }

  /** Where the section was written: its key, or the list item. */
  public SourceLocation location() {
    return location;
  }

  /** The keys given, in the order written. */
  public Set<String> keys() {
    return mapping.entries().keySet();
  }

  /** Whether {@code key} is given with a value. */
  public boolean has(String key) {
    return value(key) != null;
  }

  /** Whether {@code key} holds a plain value (text, number, boolean), not a section or list. */
  boolean isPlainValue(String key) {
    return value(key) instanceof Node.Scalar;
  }

  /** The section's {@code id}, as plugin sections name their plugin; required. */
  public String id() {
    return getString("id");
  }

  /** Where the value of {@code key} was written, or the section's location when absent. */
  public SourceLocation locationOf(String key) {
    Node value = value(key);
    return value == null ? location : value.location();
  }

  /** A located error about {@code key}, for checks the getters cannot make. */
  public ScenarioException error(String key, String reason) {
    return new ScenarioException(locationOf(key), childPath(key), reason);
  }

  /** A located error about the section as a whole. */
  public ScenarioException error(String reason) {
    return new ScenarioException(location, path, reason);
  }

  /**
   * A plugin's complaint located at the parameter it names ({@code parameter 'k'}) when
   * this section has it, so an error about a {@code --set} value points at that argument;
   * at the section otherwise.
   */
  public ScenarioException errorAtParameter(String reason) {
    return parameterNamedIn(reason).map(key -> error(key, reason))
        .orElseGet(() -> error(reason));
  }

  /**
   * The first key of this section that {@code message} names, as {@code parameter 'key'}
   * or in {@code unknown parameter(s) [key, ...]}.
   */
  public Optional<String> parameterNamedIn(String message) {
    Matcher named = NAMED_PARAMETER.matcher(message);
    while (named.find()) {
      if (has(named.group(1))) {
        return Optional.of(named.group(1));
      }
    }
    Matcher unknown = UNKNOWN_PARAMETERS.matcher(message);
    if (unknown.find()) {
      for (String key : unknown.group(1).split(",\\s*")) {
        if (has(key)) {
          return Optional.of(key);
        }
      }
    }
    return Optional.empty();
  }

  private static final Pattern NAMED_PARAMETER = Pattern.compile("parameter '([^']+)'");
  private static final Pattern UNKNOWN_PARAMETERS =
      Pattern.compile("unknown parameter\\(s\\) \\[([^\\]]+)\\]");


  /** The sub-section {@code key}; required. */
  public ScenarioSection section(String key) {
    return optionalSection(key).orElseThrow(() -> missing(key));
  }

  /** The sub-section {@code key}, if given. */
  public Optional<ScenarioSection> optionalSection(String key) {
    Node.Entry entry = entry(key);
    if (entry == null) {
      return Optional.empty();
    }
    String child = childPath(key);
    Node.Mapping section = Sections.toMapping(entry.value(), child, "id");
    return Optional.of(new ScenarioSection(document, child, section, entry.keyLocation()));
  }

  /**
   * The items of the list {@code key} as sections, where a plain item {@code x} reads as
   * {@code {id: x}}; empty when the key is absent, one item when a single section is given.
   */
  public List<ScenarioSection> sections(String key) {
    return sections(key, "id");
  }

  /** As {@link #sections(String)}, a plain item {@code x} reading as {@code {scalarKey: x}}. */
  public List<ScenarioSection> sections(String key, String scalarKey) {
    Node value = value(key);
    if (value == null) {
      return List.of();
    }
    List<Node> items = value instanceof Node.Sequence list ? list.items() : List.of(value);
    List<ScenarioSection> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = childPath(key) + "[" + i + "]";
      Node item = items.get(i);
      result.add(new ScenarioSection(document, itemPath,
          Sections.toMapping(item, itemPath, scalarKey), item.location()));
    }
    return result;
  }


  /** Text; required. A number or boolean gives its text as written. */
  public String getString(String key) {
    return text(required(key), key);
  }

  public String getString(String key, String fallback) {
    Node value = value(key);
    return value == null ? fallback : text(value, key);
  }

  /** A whole number in {@code [min, max]}; required. */
  public int getInt(String key, int min, int max) {
    return whole(required(key), key, min, max);
  }

  public int getInt(String key, int fallback, int min, int max) {
    Node value = value(key);
    return value == null ? fallback : whole(value, key, min, max);
  }

  /** A finite number within {@code range}; required. */
  public double getDouble(String key, Range range) {
    return number(required(key), key, range);
  }

  public double getDouble(String key, double fallback, Range range) {
    Node value = value(key);
    return value == null ? fallback : number(value, key, range);
  }

  /** {@code true} or {@code false} (YAML also reads yes/no and on/off); required. */
  public boolean getBoolean(String key) {
    return bool(required(key), key);
  }

  public boolean getBoolean(String key, boolean fallback) {
    Node value = value(key);
    return value == null ? fallback : bool(value, key);
  }

  /**
   * A positive duration ({@code 30m}, {@code 1h}, {@code PT30M}, {@code 1mo}); required.
   * Months and years are multiples of {@link java.time.temporal.ChronoUnit#MONTHS}'s
   * estimated duration.
   */
  public Duration getDuration(String key) {
    return duration(required(key), key);
  }

  public Duration getDuration(String key, Duration fallback) {
    Node value = value(key);
    return value == null ? fallback : duration(value, key);
  }

  /**
   * One of {@code type}'s constants, written in any case with {@code -} or {@code _}
   * ({@code interpolate} for {@code INTERPOLATE}); required.
   */
  public <E extends Enum<E>> E getEnum(String key, Class<E> type) {
    return constant(required(key), key, type);
  }

  public <E extends Enum<E>> E getEnum(String key, Class<E> type, E fallback) {
    Node value = value(key);
    return value == null ? fallback : constant(value, key, type);
  }

  /**
   * A path, resolved against the scenario file's folder when relative (against the working
   * directory for a scenario that was not read from a file); required.
   */
  public Path getPath(String key) {
    String text = getString(key);
    try {
      Path given = Path.of(text);
      Optional<Path> base = document.baseDirectory();
      return given.isAbsolute() || base.isEmpty() ? given : base.get().resolve(given).normalize();
    } catch (InvalidPathException e) {
      throw error(key, "is not a valid path: " + e.getReason());
    }
  }

  /**
   * The list {@code key} as plain values; a single value is a list of one, an absent key an
   * empty list.
   */
  public List<Object> getList(String key) {
    Node value = value(key);
    if (value == null) {
      return List.of();
    }
    Object plain = value.toPlain();
    return plain instanceof List<?> list ? new ArrayList<>(list) : List.of(plain);
  }

  /** The list {@code key} as texts; every item must be a plain value. */
  public List<String> getStrings(String key) {
    Node value = value(key);
    if (value == null) {
      return List.of();
    }
    List<Node> items = value instanceof Node.Sequence list ? list.items() : List.of(value);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Node.Scalar scalar) || scalar.isNull()) {
        throw new ScenarioException(items.get(i).location(), childPath(key) + "[" + i + "]",
            "must be text, got " + items.get(i).describe());
      }
      texts.add(text(scalar, key));
    }
    return texts;
  }


  /** The section as plain maps, lists and values, in the order written. */
  public Map<String, Object> toMap() {
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) mapping.toPlain();
    return plain;
  }

  /**
   * The section's values as a plugin's parameters, without {@code excludedKeys} (such as
   * {@code id}). A key written without a value ({@code k:}, {@code k: null}, or
   * {@code --set attention.k=null}) is left out, so the plugin uses its default, as it
   * would if the key were not written.
   *
   * @param owner who the parameters belong to in errors, such as {@code "attention/top-k"}
   */
  public Parameters toParameters(String owner, Set<String> excludedKeys) {
    Map<String, Object> values = new LinkedHashMap<>(toMap());
    values.keySet().removeAll(excludedKeys);
    values.values().removeIf(Objects::isNull);
    return Parameters.of(owner, values);
  }

  /**
   * Fails on the first key that {@code knownKeys} does not list, naming it, where it is
   * written, and the closest known key.
   *
   * @return this section, for chaining
   */
  public ScenarioSection requireOnly(Set<String> knownKeys) {
    for (Node.Entry entry : mapping.entries().values()) {
      if (!knownKeys.contains(entry.key())) {
        String hint = Suggestions.closest(entry.key(), knownKeys)
            .map(near -> "; did you mean '" + near + "'?")
            .orElse("; known keys: " + new TreeSet<>(knownKeys));
        throw new ScenarioException(entry.keyLocation(), childPath(entry.key()),
            "unknown key '" + entry.key() + "'" + hint);
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "<root>" : path) + " " + toMap();
  }


  private String text(Node node, String key) {
    if (node instanceof Node.Scalar scalar) {
      return scalar.value() instanceof String value ? value : scalar.text();
    }
    throw invalid(node, key, "must be text");
  }

  private int whole(Node node, String key, int min, int max) {
    Long value = node instanceof Node.Scalar scalar ? wholeValue(scalar.value()) : null;
    if (value == null || value < min || value > max) {
      throw invalid(node, key, "must be a whole number" + bounds(min, max));
    }
    return value.intValue();
  }

  private static Long wholeValue(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger) {
      return null;
    }
    if (value instanceof Double number && number == Math.rint(number)
        && Math.abs(number) < 1e15) {
      return number.longValue();
    }
    return null;
  }

  private static String bounds(int min, int max) {
    if (min != Integer.MIN_VALUE && max != Integer.MAX_VALUE) {
      return " in [" + min + ", " + max + "]";
    }
    if (min != Integer.MIN_VALUE) {
      return " >= " + min;
    }
    return max != Integer.MAX_VALUE ? " <= " + max : "";
  }

  private double number(Node node, String key, Range range) {
    boolean numeric = node instanceof Node.Scalar scalar && scalar.value() instanceof Number;
    double value = numeric ? ((Number) ((Node.Scalar) node).value()).doubleValue() : Double.NaN;
    if (!numeric || !range.contains(value)) {
      throw invalid(node, key, "must be a " + (numeric ? "finite " : "") + "number"
          + range.describe());
    }
    return value;
  }

  private boolean bool(Node node, String key) {
    if (node instanceof Node.Scalar scalar) {
      if (scalar.value() instanceof Boolean value) {
        return value;
      }
      if (scalar.value() instanceof String text
          && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
        return Boolean.parseBoolean(text);
      }
    }
    throw invalid(node, key, "must be true or false");
  }

  private Duration duration(Node node, String key) {
    if (!(node instanceof Node.Scalar scalar)) {
      throw invalid(node, key, "must be a duration " + DurationText.EXAMPLES);
    }
    try {
      return DurationText.parse(scalar.text());
    } catch (IllegalArgumentException e) {
      throw invalid(node, key, "must be a duration " + DurationText.EXAMPLES + "; it "
          + e.getMessage());
    }
  }

  private <E extends Enum<E>> E constant(Node node, String key, Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E candidate : type.getEnumConstants()) {
      names.add(candidate.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    if (node instanceof Node.Scalar scalar && !scalar.isNull()) {
      String given = scalar.text().strip().replace('-', '_');
      for (E candidate : type.getEnumConstants()) {
        if (candidate.name().equalsIgnoreCase(given)) {
          return candidate;
        }
      }
      String hint = Suggestions.closest(scalar.text(), names)
          .map(near -> "; did you mean '" + near + "'?").orElse("");
      throw new ScenarioException(node.location(), childPath(key), "must be one of " + names
          + ", got " + node.describe() + hint);
    }
    throw invalid(node, key, "must be one of " + names);
  }


  private Node.Entry entry(String key) {
    Node.Entry entry = mapping.entries().get(key);
    boolean empty = entry == null
        || (entry.value() instanceof Node.Scalar scalar && scalar.isNull());
    return empty ? null : entry;
  }

  private Node value(String key) {
    Node.Entry entry = entry(key);
    return entry == null ? null : entry.value();
  }

  private Node required(String key) {
    Node value = value(key);
    if (value == null) {
      throw missing(key);
    }
    return value;
  }

  private ScenarioException missing(String key) {
    return new ScenarioException(location, childPath(key), "required, but not given");
  }

  private ScenarioException invalid(Node node, String key, String expected) {
    return new ScenarioException(node.location(), childPath(key), expected + ", got "
        + node.describe());
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
