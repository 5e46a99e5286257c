package org.doppel.domains.medical;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.doppel.sdk.study.DomainStudy;
import org.doppel.sdk.study.StudyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The medical study: runs each {@link MedicalPart} whose section the scenario has (with at
 * least one key: an empty section reads as absent), in the order of
 * {@link MedicalParts#all()}. Besides the parts' sections it accepts the shared
 * {@code attention} section (the surrogate's attention variant for every part). A scenario
 * with no part's section is an error. Stateless and thread-safe.
 */
public final class MedicalStudy implements DomainStudy {

  /** Sections every part may read. */
  static final Set<String> SHARED_SECTIONS = Set.of("attention");

  private static final Logger LOG = LoggerFactory.getLogger(MedicalStudy.class);

  private final List<MedicalPart> parts;

  public MedicalStudy() {
    this(MedicalParts.all());
  }

  MedicalStudy(List<MedicalPart> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public Set<String> sections() {
    Set<String> sections = new LinkedHashSet<>(SHARED_SECTIONS);
    parts.forEach(part -> sections.add(part.section()));
    return sections;
  }

  @Override
  public void validate(StudyContext context) {
    List<MedicalPart> present = present(context);
    if (present.isEmpty()) {
      throw new org.doppel.sdk.PluginException("the medical scenario has none of the parts'"
          + " sections " + parts.stream().map(MedicalPart::section).toList());
    }
    for (MedicalPart part : present) {
      part.validate(context, context.section(part.section()));
    }
  }

  @Override
  public void run(StudyContext context) throws IOException {
    for (MedicalPart part : present(context)) {
      LOG.info("Medical study: part [{}] of run [{}]", part.section(), context.runId());
      part.run(context, context.section(part.section()));
    }
  }

  private List<MedicalPart> present(StudyContext context) {
    return parts.stream().filter(part -> !context.section(part.section()).asMap().isEmpty())
        .toList();
  }
}
