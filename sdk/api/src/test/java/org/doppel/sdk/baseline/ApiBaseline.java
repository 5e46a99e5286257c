package org.doppel.sdk.baseline;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.service.diff.Tree;
import aQute.bnd.service.diff.Type;
import aQute.bnd.version.Version;
import aQute.lib.json.JSONCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API of a bundle as bnd's differ sees it (every exported package: its version, types,
 * members and their kinds, {@code @ProviderType}/{@code @ConsumerType}), saved as a JSON
 * <em>release descriptor</em> and compared with a newer build by bnd's baseline rules:
 * a removed or changed member needs a major bump, an added member a minor one (a major one
 * when it is abstract in an interface plugins implement), and a package whose version did
 * not move as far as its change is a mismatch. Not thread-safe.
 */
final class ApiBaseline {

  /** What a descriptor file holds. */
  public static final class Descriptor {
    public String bundleSymbolicName;
    public String bundleVersion;
    public String exportPackage;
    public String source;
    public Tree.Data api;
  }

  private static final Set<Type> MEMBERS = EnumSet.of(Type.METHOD, Type.FIELD,
      Type.CLASS, Type.INTERFACE,
      Type.ENUM, Type.ANNOTATION,
      Type.CONSTANT);

  private ApiBaseline() {
  }

  /** The descriptor of a built bundle: a jar or a class folder with its manifest. */
  static Descriptor describe(Jar bundle, String source) throws Exception {
    Descriptor descriptor = new Descriptor();
    descriptor.bundleSymbolicName = bundle.getBsn();
    descriptor.bundleVersion = bundle.getVersion();
    descriptor.exportPackage = bundle.getManifest().getMainAttributes()
        .getValue(Constants.EXPORT_PACKAGE);
    descriptor.source = source;
    descriptor.api = new DiffPluginImpl().tree(bundle).serialize();
    return descriptor;
  }

  static void write(Descriptor descriptor, Path file) throws Exception {
    Files.createDirectories(file.getParent());
    String json = new JSONCodec().enc().indent("  ").put(descriptor).toString();
    Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
  }

  static Descriptor read(Path file) throws Exception {
    return new JSONCodec().dec().from(file.toFile()).get(Descriptor.class);
  }

  /**
   * The packages of {@code newer} whose version does not match their change since
   * {@code older}, each a sentence naming the package, both versions, the version the change
   * requires and the changes that require it; empty when every package is right.
   *
   * <p>bnd's differ rates each change; two of its verdicts are corrected here. Below 1.0.0
   * bnd 7.1 reports no mismatch at all, but plugins import our packages up to the next
   * major version ({@code [0.1,1)}), so a breaking change must move the major version at
   * 0.x as well. And bnd 7.1 rates an abstract method added to a consumer interface after a
   * default method as a minor change (its per-method verdict leaks from the default method);
   * every plugin implementing the interface breaks, so it is rated major here.
   */
  static List<String> mismatches(Jar newer, Descriptor older) throws Exception {
    DiffPluginImpl differ = new DiffPluginImpl();
    Tree newerApi = differ.tree(newer);
    Tree olderApi = differ.deserialize(older.api);
    Parameters newerExports = new Parameters(newer.getManifest().getMainAttributes()
        .getValue(Constants.EXPORT_PACKAGE));
    Parameters olderExports = new Parameters(older.exportPackage);
    List<String> problems = new ArrayList<>();
    try (Processor reporter = new Processor()) {
      Baseline baseline = new Baseline(reporter, differ);
      for (Baseline.Info info : baseline.baseline(newerApi, newerExports, olderApi,
          olderExports, new Instructions("*"))) {
        problem(info).ifPresent(problems::add);
      }
    }
    return problems;
  }

  private static java.util.Optional<String> problem(Baseline.Info info) {
    Delta delta = info.packageDiff.getDelta();
    if (delta == Delta.REMOVED) {
      return java.util.Optional.of("package " + info.packageName + " (" + info.olderVersion
          + ") was removed: every plugin importing it breaks");
    }
    if (delta == Delta.ADDED || delta == Delta.UNCHANGED || delta == Delta.IGNORED) {
      return java.util.Optional.empty();
    }
    if (addsAbstractMethodToConsumer(info.packageDiff)) {
      delta = Delta.MAJOR;
    }
    Version required = bump(delta, info.olderVersion);
    if (info.newerVersion.getWithoutQualifier().compareTo(required) >= 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("package " + info.packageName + " is " + info.newerVersion
        + " (was " + info.olderVersion + ") but its changes need at least " + required + ": "
        + changes(info.packageDiff));
  }

  /** A method added to an interface not marked {@code @ProviderType}, without a body. */
  private static boolean addsAbstractMethodToConsumer(Diff packageDiff) {
    for (Diff type : packageDiff.getChildren()) {
      if (type.getType() != Type.INTERFACE || type.getDelta() == Delta.ADDED
          || isProviderType(type)) {
        continue;
      }
      for (Diff member : type.getChildren()) {
        if (member.getType() == Type.METHOD && member.getDelta() == Delta.ADDED
            && member.getChildren().stream().anyMatch(a -> a.getType() == Type.ACCESS
                && a.getName().equals("abstract"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isProviderType(Diff type) {
    return type.getChildren().stream().anyMatch(a -> a.getType() == Type.ANNOTATED
        && a.getDelta() != Delta.REMOVED
        && a.getName().equals("org.osgi.annotation.versioning.ProviderType"));
  }

  /** The lowest version a change of this size allows after {@code older}. */
  private static Version bump(Delta delta, Version older) {
    return switch (delta) {
      case MAJOR -> new Version(older.getMajor() + 1, 0, 0);
      case MINOR -> new Version(older.getMajor(), older.getMinor() + 1, 0);
      case MICRO, CHANGED -> new Version(older.getMajor(), older.getMinor(),
          older.getMicro() + 1);
      default -> older.getWithoutQualifier();
    };
  }

  /** The changed members, such as "REMOVED method run()", in name order. */
  private static String changes(Diff diff) {
    TreeSet<String> lines = new TreeSet<>();
    collect(diff, lines);
    return String.join("; ", lines.stream().limit(8).toList());
  }

  private static void collect(Diff diff, TreeSet<String> lines) {
    Delta delta = diff.getDelta();
    if (delta == Delta.UNCHANGED || delta == Delta.IGNORED
        || diff.getType() == Type.VERSION) {
      return;
    }
    boolean member = MEMBERS.contains(diff.getType());
    if (member && (delta == Delta.ADDED || delta == Delta.REMOVED)
        || diff.getChildren().isEmpty()) {
      lines.add(delta + " " + diff.getType().toString().toLowerCase() + " " + diff.getName());
      return;
    }
    for (Diff child : diff.getChildren()) {
      collect(child, lines);
    }
  }

  static Jar bundle(Path classes) throws IOException {
    return new Jar(classes.getFileName().toString(), classes.toFile());
  }
}
