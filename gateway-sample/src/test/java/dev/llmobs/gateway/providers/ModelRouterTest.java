package dev.llmobs.gateway.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmobs.gateway.wire.OpenAiError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelRouterTest {

  @ParameterizedTest
  @CsvSource({
    "gpt-4o-mini, OPENAI",
    "gpt-4o-mini-2024-07-18, OPENAI",
    "chatgpt-4o-latest, OPENAI",
    "o1, OPENAI",
    "o3-mini, OPENAI",
    "o4-mini, OPENAI",
    "o4-mini-2025-04-16, OPENAI",
    "text-embedding-3-small, OPENAI",
    "text-embedding-ada-002, OPENAI",
    "claude-sonnet-4-5, ANTHROPIC",
    "claude-sonnet-4-20250514, ANTHROPIC"
  })
  void routesByTheTable(String model, Provider provider) {
    assertThat(ModelRouter.route(model)).isEqualTo(provider);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ollama-llama3",
        "o",
        "o2",
        "omni-x",
        "open-mistral-7b",
        "llama-3-70b",
        "gpt",
        "text-embedding-2",
        "gpt-4o\r\nforged: line",
        "gpt-4o/../../v1/models",
        "gpt-4o mini",
        " gpt-4o"
      })
  void anythingElseIsNotFound(String model) {
    assertThatThrownBy(() -> ModelRouter.route(model))
        .isInstanceOfSatisfying(
            OpenAiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("model_not_found");
              assertThat(e.getMessage()).doesNotContain("\r", "\n");
            });
  }

  @org.junit.jupiter.api.Test
  void aHugeNameIsNotFoundAndNotEchoedWhole() {
    String huge = "gpt-" + "a".repeat(100_000);
    assertThatThrownBy(() -> ModelRouter.route(huge))
        .isInstanceOfSatisfying(
            OpenAiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).hasSizeLessThan(200).contains("100004 characters");
            });
  }
}
