package org.doppel.domains.traffic;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.doppel.sdk.study.DomainStudy;
import org.doppel.sdk.study.StudyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic study: runs each {@link TrafficPart} whose scenario section is present and not
 * empty, in the order of {@link TrafficParts#all()}. The parts share the top-level
 * {@code surrogate} and {@code attention} sections ({@link SurrogateSections}). Stateless and
 * thread-safe.
 */
public final class TrafficStudy implements DomainStudy {

  private static final Logger LOG = LoggerFactory.getLogger(TrafficStudy.class);

  private final List<TrafficPart> parts;

  public TrafficStudy() {
    this(TrafficParts.all());
  }

  /** A study of the given parts (tests). */
  public TrafficStudy(List<TrafficPart> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public Set<String> sections() {
    Set<String> sections = new TreeSet<>(Set.of("surrogate", "attention"));
    parts.forEach(part -> sections.add(part.section()));
    return sections;
  }

  @Override
  public void validate(StudyContext context) {
    SurrogateSections.settings(context);
    for (TrafficPart part : chosen(context)) {
      part.validate(context, context.section(part.section()));
    }
  }

  @Override
  public void run(StudyContext context) throws IOException {
    List<TrafficPart> chosen = chosen(context);
    if (chosen.isEmpty()) {
      throw new org.doppel.sdk.PluginException("traffic: the scenario has none of the"
          + " sections " + parts.stream().map(TrafficPart::section).toList()
          + " (a part runs when its section has at least one key)");
    }
    for (TrafficPart part : chosen) {
      LOG.info("Traffic study [{}]: part [{}] starts", context.runId(), part.section());
      part.run(context, context.section(part.section()));
    }
  }

  private List<TrafficPart> chosen(StudyContext context) {
    return parts.stream().filter(p -> !context.section(p.section()).asMap().isEmpty())
        .toList();
  }
}
