package dev.llmobs.gateway.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log event of this JVM, encoded exactly as logback.xml's stdout appender writes it (one JSON
 * object a line), kept while attached.
 */
public final class CapturedLogs implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger root;
  private final Encoder<ILoggingEvent> encoder;
  private final AppenderBase<ILoggingEvent> appender;

  @SuppressWarnings("unchecked")
  private CapturedLogs() {
    root =
        ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT")).getEncoder();
    appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
          }
        };
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
  }

  public static CapturedLogs attach() {
    return new CapturedLogs();
  }

  /** What the stdout appender wrote, one string per event (each ending in a line break). */
  public List<String> lines() {
    return lines;
  }

  public Encoder<ILoggingEvent> encoder() {
    return encoder;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
