package org.doppel.runtime.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scenario file, read with the location of every value so that each error names the
 * file, line, column and field; changed by {@code --set} overrides; and written back, as
 * resolved, into each run folder.
 *
 * <p>Typical use: {@code ScenarioDocument.load(file).overrides(sets).section("surrogate")
 * .getInt("epochs", 1, 10_000)}. Dotted paths ({@code data.timestamp}) reach nested
 * sections. Immutable and thread-safe: {@link #overrides(List)} returns a new document.
 */
public final class ScenarioDocument {

  private static final Logger LOG = LoggerFactory.getLogger(ScenarioDocument.class);
  private static final YAMLMapper WRITER = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .stringQuotingChecker(new ScenarioQuoting())
      .build());

  private final String source;
  private final Path baseDirectory;
  private final Node.Mapping root;
  private final List<String> overrides;

  private ScenarioDocument(String source, Path baseDirectory, Node.Mapping root,
      List<String> overrides) {
    this.source = source;
    this.baseDirectory = baseDirectory;
    this.root = root;
    this.overrides = List.copyOf(overrides);
  }

  /**
   * Reads a scenario file; errors name it as given ({@code scenarios/smart-grid.yaml}), and
   * relative paths in it resolve against its folder.
   *
   * @throws ScenarioException when the file is missing, unreadable, not UTF-8, not valid
   *     YAML, or not a mapping
   */
  public static ScenarioDocument load(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(SourceLocation.of(name), "", "no such scenario file");
    } catch (IOException e) {
      throw new ScenarioException(SourceLocation.of(name), "", "cannot read: " + e);
    }
    return parse(decode(bytes, name), name, file.toAbsolutePath().getParent());
  }

  /**
   * Reads a scenario from a URL, such as one a domain bundle ships; {@code displayName}
   * names it in errors. Relative paths resolve against the working directory.
   *
   * @throws ScenarioException as {@link #load(Path)} does
   */
  public static ScenarioDocument load(URL url, String displayName) {
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ScenarioException(SourceLocation.of(displayName), "", "cannot read " + url
          + ": " + e);
    }
    return parse(decode(bytes, displayName), displayName, null);
  }

  /**
   * Reads scenario text; {@code displayName} names it in errors. Relative paths resolve
   * against the working directory.
   *
   * @throws ScenarioException when the text is not valid YAML or not a mapping
   */
  public static ScenarioDocument parse(String yaml, String displayName) {
    return parse(yaml, displayName, null);
  }

  /**
   * The plugins a command-line option lists, such as {@code --attention} with
   * {@code dot-product,top-k{k: 8}}: one section per item, a plain id reading as
   * {@code {id: ...}}, every error located at the option and its value and naming the item
   * as {@code key[i]}.
   *
   * @throws ScenarioException when the text is not a YAML flow list of ids and mappings
   */
  public static List<ScenarioSection> pluginList(String option, String key, String text) {
    String source = option + " " + text;
    Node items = YamlTreeReader.read("[" + text + "]", source, false);
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    entries.put(key, new Node.Entry(key, SourceLocation.of(source), items));
    Node.Mapping root = new Node.Mapping(entries, SourceLocation.of(source));
    return new ScenarioDocument(source, null, root, List.of()).root().sections(key);
  }

  private static ScenarioDocument parse(String yaml, String name, Path baseDirectory) {
    Node root = YamlTreeReader.read(yaml, name, true);
    if (root == null) {
      throw new ScenarioException(SourceLocation.of(name), "", "the scenario is empty");
    }
    if (!(root instanceof Node.Mapping mapping)) {
      throw new ScenarioException(root.location(), "", "a scenario must be a mapping of"
          + " sections (name, data, surrogate, ...), got " + root.describe());
    }
    return new ScenarioDocument(name, baseDirectory, mapping, List.of());
  }

  private static String decode(byte[] bytes, String name) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ScenarioException(SourceLocation.of(name), "", "not UTF-8 text");
    }
  }

  /**
   * This document with {@code --set key=value} overrides applied in order.
   *
   * @throws ScenarioException naming the {@code --set} argument that is malformed or cannot
   *     be applied
   */
  public ScenarioDocument overrides(List<String> sets) {
    Node.Mapping changed = root;
    for (String set : sets) {
      changed = Overrides.apply(changed, Objects.requireNonNull(set, "set"));
      LOG.debug("Applied [--set {}] to scenario [{}]", set, source);
    }
    List<String> all = new ArrayList<>(overrides);
    all.addAll(sets);
    return new ScenarioDocument(source, baseDirectory, changed, all);
  }

  /** The file (or name) the scenario was read from, as errors name it. */
  public String source() {
    return source;
  }

  /** The scenario file's folder; empty when it was not read from a file. */
  public Optional<Path> baseDirectory() {
    return Optional.ofNullable(baseDirectory);
  }

  /** The {@code --set} arguments applied, in order. */
  public List<String> appliedOverrides() {
    return overrides;
  }

  /** The whole document as a section. */
  public ScenarioSection root() {
    SourceLocation start = root.location().line() > 0
        ? new SourceLocation(source, 1, 1)
        : root.location();
    return new ScenarioSection(this, "", root, start);
  }

  /** The section at dotted {@code path}, such as {@code surrogate} or {@code data.timestamp}. */
  public ScenarioSection section(String path) {
    ScenarioSection section = root();
    for (String key : path.split("\\.")) {
      section = section.section(key);
    }
    return section;
  }

  /** The section at dotted {@code path}, if it is given. */
  public Optional<ScenarioSection> optionalSection(String path) {
    Optional<ScenarioSection> section = Optional.of(root());
    for (String key : path.split("\\.")) {
      section = section.flatMap(parent -> parent.optionalSection(key));
    }
    return section;
  }

  /** The list at dotted {@code path} as sections, as {@link ScenarioSection#sections(String)}. */
  public List<ScenarioSection> sections(String path) {
    int dot = path.lastIndexOf('.');
    if (dot < 0) {
      return root().sections(path);
    }
    return optionalSection(path.substring(0, dot))
        .map(parent -> parent.sections(path.substring(dot + 1)))
        .orElse(List.of());
  }

  /**
   * The resolved document (overrides applied) as YAML, headed by comments naming its
   * source and overrides; reading it back gives the same values. Comments of the source
   * are not kept.
   */
  public String toYaml() {
    StringBuilder yaml = new StringBuilder("# Resolved scenario, read from ")
        .append(oneLine(source)).append('\n');
    for (String set : overrides) {
      yaml.append("#   --set ").append(oneLine(set)).append('\n');
    }
    try {
      return yaml.append(WRITER.writeValueAsString(root.toPlain())).toString();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write scenario " + source + " as YAML", e);
    }
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public String toString() {
    return "ScenarioDocument[" + source + (overrides.isEmpty() ? "" : ", --set " + overrides)
        + "]";
  }
}
