package dev.llmobs.instrumentation.log4j.contextdata.v2_17;

import dev.llmobs.genai.GenAiLogContext;
import io.opentelemetry.context.Context;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.util.ContextDataProvider;

/**
 * Log4j's context data of the GenAI call running on the logging thread. Log4j applies the thread's
 * {@code ThreadContext} before service providers, so keys the application has put there are left
 * out here: its values win.
 */
public final class GenAiContextDataProvider implements ContextDataProvider {

  @Override
  public Map<String, String> supplyContextData() {
    Map<String, String> data = GenAiLogContext.of(Context.current());
    if (data == null) {
      return Collections.emptyMap();
    }
    for (Iterator<String> keys = data.keySet().iterator(); keys.hasNext(); ) {
      if (ThreadContext.containsKey(keys.next())) {
        keys.remove();
      }
    }
    return data;
  }
}
