package dev.llmobs.instrumentation.springai.v1_1;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import io.opentelemetry.context.Context;

/**
 * Spring AI observes each model call itself through Micrometer (an observation, hence with a
 * tracing bridge a {@code chat {model}} span of its own, and {@code gen_ai.client.*} meters). While
 * a GenAI call of ours is current, that call's span is the one span of the model call, so Spring
 * AI's model observation is switched off: {@code ObservationConfig.isObservationEnabled} answers
 * false for a chat or embedding model observation context, and Micrometer hands Spring AI its no-op
 * observation. Every other observation (ChatClient, advisors, tools, vector stores, HTTP clients)
 * runs as before and nests as usual.
 */
public final class SpringAiObservations {

  private static final String[] MODEL_CONTEXTS = {
    "org.springframework.ai.chat.observation.ChatModelObservationContext",
    "org.springframework.ai.embedding.observation.EmbeddingModelObservationContext"
  };

  private static final ClassValue<Boolean> IS_MODEL_CONTEXT =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (String name : MODEL_CONTEXTS) {
              if (name.equals(c.getName())) {
                return true;
              }
            }
          }
          return false;
        }
      };

  /**
   * Micrometer's answer for an observation, given ours: {@code enabled} unless it is Spring AI's
   * observation of a model call that a GenAI call of ours records already. Never throws.
   */
  public static boolean enabled(boolean enabled, Object observationContext) {
    try {
      return enabled
          && (observationContext == null
              || !IS_MODEL_CONTEXT.get(observationContext.getClass())
              || GenAiCall.current(Context.current()) == null);
    } catch (Throwable t) {
      GenAiFailures.record(SpringAiChat.MODULE, t);
      return enabled;
    }
  }

  private SpringAiObservations() {}
}
