package dev.llmobs.genai;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Failures of llmobs' own code: never rethrown into the application, logged once per module (per
 * class loader), and counted in {@code llmobs.instrumentation.failures} by {@code llmobs.module},
 * so an operator sees them without reading agent logs.
 */
public final class GenAiFailures {

  /** The module of failures outside any provider's call (core, log context). */
  public static final String CORE = "genai-core";

  private static final Logger logger = Logger.getLogger(GenAiFailures.class.getName());
  private static final Set<String> logged = ConcurrentHashMap.newKeySet();
  private static volatile LongCounter counter;

  /** Counts one failure of {@code module} that its caller has logged itself; never throws. */
  public static void count(String module) {
    try {
      counter().add(1, Attributes.of(GenAiSemconv.LLMOBS_MODULE, module == null ? CORE : module));
    } catch (Throwable ignored) {
      // Nothing may escape from here.
    }
  }

  /** Records one failure of {@code module}; never throws. */
  public static void record(String module, Throwable failure) {
    try {
      String name = module == null ? CORE : module;
      count(name);
      if (logged.add(name)) {
        logger.log(
            Level.WARNING,
            "llmobs: instrumentation failure in "
                + name
                + "; the application call goes on unaffected (further failures of this module are"
                + " counted in "
                + GenAiSemconv.METRIC_INSTRUMENTATION_FAILURES
                + ", not logged)",
            failure);
      }
    } catch (Throwable ignored) {
      // Nothing may escape from here: this is the last line of defence.
    }
  }

  private static LongCounter counter() {
    LongCounter result = counter;
    if (result == null) {
      result =
          GlobalOpenTelemetry.get()
              .getMeter(GenAiInstrumenter.INSTRUMENTATION_NAME)
              .counterBuilder(GenAiSemconv.METRIC_INSTRUMENTATION_FAILURES)
              .setUnit("{failure}")
              .setDescription(
                  "Failures of llmobs instrumentation code, which the application never sees")
              .build();
      counter = result;
    }
    return result;
  }

  private GenAiFailures() {}
}
