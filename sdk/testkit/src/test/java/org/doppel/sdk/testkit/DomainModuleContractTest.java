package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.study.DomainStudy;
import org.doppel.sdk.study.StudyContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DomainModuleContractTest {

  /** A study domain whose scenario holds {@code data} and {@code charts}. */
  static DomainModule studyDomain(Set<String> sections) {
    return new DomainModule() {
      @Override
      public String id() {
        return "test-study";
      }

      @Override
      public String description() {
        return "a study domain for the test kit's tests";
      }

      @Override
      public URL defaultScenario() {
        return DomainModuleContractTest.class.getResource("study-scenario.yaml");
      }

      @Override
      public Map<String, URL> datasets() {
        return Map.of("series", DomainModuleContractTest.class.getResource("series.csv"));
      }

      @Override
      public String dataAttribution() {
        return "made up for a test";
      }

      @Override
      public Optional<DomainStudy> study() {
        return Optional.of(new DomainStudy() {
          @Override
          public Set<String> sections() {
            return sections;
          }

          @Override
          public void run(StudyContext context) {
          }
        });
      }
    };
  }

  @Nested
  class OnARightStudyDomain extends DomainModuleContract {

    @Override
    protected DomainModule domain() {
      return studyDomain(Set.of("data", "charts"));
    }
  }

  @Test
  void aScenarioSectionTheStudyDoesNotDeclareFailsNamingIt() {
    DomainModuleContract contract = new DomainModuleContract() {
      @Override
      protected DomainModule domain() {
        return studyDomain(Set.of("data"));
      }
    };

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        contract::aStudysScenarioHoldsOnlyTheSectionsItDeclares);

    assertEquals("test-study: the default scenario has section(s) [charts] that"
        + " study().sections() does not declare; declared: [data, description, domain,"
        + " name, seed]", error.getMessage());
  }
}
