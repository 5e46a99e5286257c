package org.doppel.runtime.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a plugin project from a template folder: every file is copied, and the
 * placeholders {@code __id__}, {@code __Name__}, {@code __title__}, {@code __group__},
 * {@code __package__}, {@code __package_path__} and {@code __sdk_repo__} are replaced in
 * paths and in text files.
 *
 * @param id the plugin id, lower-case words joined by hyphens ({@code thermal-room})
 * @param javaPackage the Java package and bundle symbolic name
 * @param sdkRepository the URL of the Maven repository holding Doppel's artifacts
 */
record PluginTemplate(String id, String javaPackage, String sdkRepository) {

  private static final String ID_FORM = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

  private static final List<String> BINARY = List.of(".jar", ".png", ".gz", ".zip");

  PluginTemplate {
    if (id == null || !id.matches(ID_FORM)) {
      throw new IllegalArgumentException("plugin id '" + id + "' must be lower-case words"
          + " joined by hyphens, starting with a letter, such as 'thermal-room'");
    }
    if (!javaPackage.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
      throw new IllegalArgumentException("'" + javaPackage + "' is not a Java package name"
          + " in lower case, such as 'org.example.thermalroom'");
    }
  }

  /** The template for {@code id} in the package {@code org.example.<id without hyphens>}. */
  static PluginTemplate forId(String id, String sdkRepository) {
    String tail = id == null ? "" : id.replace("-", "");
    return new PluginTemplate(id, "org.example." + tail, sdkRepository);
  }

  /** The placeholders and their values, longest first so none is a prefix of another. */
  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("__package_path__", javaPackage.replace('.', '/'));
    values.put("__sdk_repo__", sdkRepository);
    values.put("__package__", javaPackage);
    values.put("__group__", javaPackage.substring(0, javaPackage.lastIndexOf('.') < 0
        ? javaPackage.length() : javaPackage.lastIndexOf('.')));
    values.put("__title__", title());
    values.put("__Name__", className());
    values.put("__id__", id);
    return values;
  }

  /**
   * Writes the project into {@code target}, which must not exist or be empty.
   *
   * @return the files written, relative to {@code target}, in order
   * @throws IllegalArgumentException when {@code template} is no folder or {@code target}
   *     holds files
   */
  List<Path> write(Path template, Path target) throws IOException {
    if (!Files.isDirectory(template)) {
      throw new IllegalArgumentException("no plugin template at " + template);
    }
    if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
      throw new IllegalArgumentException(target + " already exists and is not an empty"
          + " folder; choose another name or --dir");
    }
    List<Path> written = new ArrayList<>();
    try (Stream<Path> files = Files.walk(template)) {
      for (Path source : files.filter(Files::isRegularFile).sorted().toList()) {
        Path relative = Path.of(replace(template.relativize(source).toString()));
        Path destination = target.resolve(relative);
        Files.createDirectories(destination.getParent());
        if (isBinary(source)) {
          Files.copy(source, destination);
        } else {
          Files.writeString(destination, replace(Files.readString(source,
              StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
        written.add(relative);
      }
    }
    return written;
  }

  private String replace(String text) {
    String result = text;
    for (Map.Entry<String, String> value : values().entrySet()) {
      result = result.replace(value.getKey(), value.getValue());
    }
    return result;
  }

  /** {@code thermal-room} becomes {@code ThermalRoom}. */
  String className() {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return Character.isDigit(name.charAt(0)) ? "P" + name : name.toString();
  }

  /** {@code thermal-room} becomes {@code Thermal room}. */
  String title() {
    String words = id.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static boolean isBinary(Path file) {
    String name = file.getFileName().toString();
    return BINARY.stream().anyMatch(name::endsWith);
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
