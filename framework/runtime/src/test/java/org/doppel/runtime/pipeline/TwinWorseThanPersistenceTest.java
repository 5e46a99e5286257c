package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A twin trained to finite nonsense (no loss check catches it) is called out. */
class TwinWorseThanPersistenceTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(ForecastStage.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void listen() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(appender);
  }

  @Test
  void aTwinWorseThanPersistenceIsAWarningNamingBoth() {
    ForecastStage.warnIfWorse("top-k{k: 4}", 379397071.932, "persistence", 17.86);
    ForecastStage.warnIfWorse("multi-head", Double.NaN, "persistence", 17.86);

    List<String> warnings = warnings();
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("top-k{k: 4}") && warnings.get(0).contains("17.860")
        && warnings.get(0).contains("379397071.932"), warnings.get(0));
  }

  @Test
  void aTwinAsGoodAsPersistenceOrBetterIsQuiet() {
    ForecastStage.warnIfWorse("multi-head", 1.303, "persistence", 17.86);
    ForecastStage.warnIfWorse("multi-head", 17.86, "persistence", 17.86);

    assertEquals(List.of(), warnings());
  }

  private List<String> warnings() {
    return appender.list.stream().filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }
}
