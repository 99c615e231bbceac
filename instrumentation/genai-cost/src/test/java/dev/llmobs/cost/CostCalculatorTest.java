package dev.llmobs.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmobs.cost.catalog.CatalogLoader;
import dev.llmobs.cost.catalog.PriceCatalog;
import dev.llmobs.cost.catalog.ResolvedModel;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases against the vendored catalog (prices per 1M tokens, as in genai-prices'
 * calculation notes), and the upstream package's own worked checks.
 */
class CostCalculatorTest {

  static final PriceCatalog catalog = CatalogLoader.builtIn();
  static final long NOW = Instant.parse("2026-09-01T12:00:00Z").toEpochMilli();

  static BigDecimal cost(String provider, String model, TokenUsage usage, long at) {
    ResolvedModel resolved = catalog.resolve(provider, model);
    assertThat(resolved).as("%s %s resolves", provider, model).isNotNull();
    return CostCalculator.cost(resolved.pricesAt(at), usage);
  }

  static void assertCost(BigDecimal actual, String expected) {
    assertThat(actual).isEqualByComparingTo(new BigDecimal(expected));
  }

  @Test
  void catalogHasEveryProviderAndModelOfTheVendoredData() {
    assertThat(catalog.providerCount()).isEqualTo(36);
    assertThat(catalog.modelCount()).isEqualTo(1466);
  }

  @Test
  void openAiCachedInputAndReasoningBilledAtTheirPrices() {
    // o3-mini: input 1.10, cached 0.55, output 4.40; reasoning is output at the output price.
    // 800 x 1.10 + 200 x 0.55 + (500 - 300) x 4.40 + 300 x 4.40 = 880 + 110 + 880 + 1320 = 3190
    assertCost(cost("openai", "o3-mini", TokenUsage.of(1000, 200, 0, 500, 300), NOW), "0.00319");
  }

  @Test
  void openAiUpstreamWorkedCheck() {
    // 800,000 x 2.5 + 200,000 x 1.25 + 1,000,000 x 10 (per 1M) = 2 + 0.25 + 10
    assertCost(
        cost("openai", "gpt-4o", TokenUsage.of(1_000_000, 200_000, 0, 1_000_000, 0), NOW), "12.25");
  }

  @Test
  void anthropicCacheReadAndCacheWrite() {
    // claude-sonnet-4-20250514 -> claude-sonnet-4-0: input 3, cache read 0.30, cache write 3.75,
    // output 15. 700,000 x 3 + 100,000 x 0.3 + 200,000 x 3.75 + 1,000,000 x 15 (per 1M)
    // = 2.1 + 0.03 + 0.75 + 15
    ResolvedModel model = catalog.resolve("anthropic", "claude-sonnet-4-20250514");
    assertThat(model.modelId()).isEqualTo("claude-sonnet-4-0");
    assertCost(
        CostCalculator.cost(
            model.pricesAt(NOW), TokenUsage.of(1_000_000, 100_000, 200_000, 1_000_000, 0)),
        "17.88");
    // Small call: 1000 in (of which 600 read, 300 written), 200 out
    // 100 x 3 + 600 x 0.3 + 300 x 3.75 + 200 x 15 = 300 + 180 + 1125 + 3000 = 4605 per 1M
    assertCost(
        cost("anthropic", "claude-sonnet-4-20250514", TokenUsage.of(1000, 600, 300, 200, 0), NOW),
        "0.004605");
  }

  @Test
  void cacheWriteWithoutItsOwnPriceIsBilledAsInput() {
    // gpt-4o has no cache-write price: those tokens stay input tokens (genai-prices' rule).
    // 1000 x 2.5 + 100 x 10 = 3500 per 1M
    assertCost(cost("openai", "gpt-4o", TokenUsage.of(1000, 0, 400, 100, 0), NOW), "0.0035");
  }

  @Test
  void geminiTierChosenByTotalInputAppliesToAllParts() {
    // gemini-2.5-pro: <= 200,000 input: 1.25 / cached 0.125 / output 10; above: 2.5 / 0.25 / 15.
    assertCost(
        cost("gcp.gemini", "gemini-2.5-pro", TokenUsage.of(200_000, 0, 0, 1_000_000, 0), NOW),
        "10.25");
    assertCost(
        cost("gcp.gemini", "gemini-2.5-pro", TokenUsage.of(200_001, 0, 0, 1_000_000, 0), NOW),
        "15.5000025");
    // Above the threshold the cached part uses the tier price too:
    // 150,001 x 2.5 + 50,000 x 0.25 + 1000 x 15 = 375,002.5 + 12,500 + 15,000 per 1M
    assertCost(
        cost("google", "gemini-2.5-pro", TokenUsage.of(200_001, 50_000, 0, 1000, 0), NOW),
        "0.4025025");
  }

  @Test
  void datedSnapshotsAndProviderPrefixesResolve() {
    assertThat(catalog.resolve("openai", "gpt-4o-2024-08-06").modelId()).isEqualTo("gpt-4o");
    assertThat(catalog.resolve("openai", "GPT-4o-2024-11-20").modelId()).isEqualTo("gpt-4o");
    // A snapshot the data does not list prices as its undated model.
    assertThat(catalog.resolve("openai", "gpt-4o-mini-2024-08-06").modelId())
        .isEqualTo("gpt-4o-mini");
    assertThat(catalog.resolve(null, "openai/gpt-4o").toString()).isEqualTo("openai/gpt-4o");
    assertThat(catalog.resolve("openai", "openai/gpt-4o").toString()).isEqualTo("openai/gpt-4o");
    // No provider: guessed from the model name (provider model_match).
    assertThat(catalog.resolve(null, "claude-sonnet-4-20250514").toString())
        .isEqualTo("anthropic/claude-sonnet-4-0");
    assertThat(catalog.resolve("aws.bedrock", "anthropic.claude-3-haiku-20240307-v1:0"))
        .isNotNull()
        .satisfies(m -> assertThat(m.providerId()).isEqualTo("aws"));
    assertThat(catalog.resolve("openai", "no-such-model-anywhere")).isNull();
    assertThat(catalog.resolve("openai", " ")).isNull();
    // 1000 x 2.5 + 100 x 10 per 1M, the same for the dated id
    assertCost(
        cost("openai", "gpt-4o-2024-08-06", TokenUsage.of(1000, 0, 0, 100, 0), NOW), "0.0035");
  }

  @Test
  void conditionalPricesFollowTheCallTime() {
    TokenUsage million = TokenUsage.of(1_000_000, 0, 0, 1_000_000, 0);
    assertCost(
        cost("openai", "o3", million, Instant.parse("2025-06-10T00:00:00Z").toEpochMilli()), "10");
    assertCost(
        cost("openai", "o3", million, Instant.parse("2025-06-09T23:59:59Z").toEpochMilli()), "50");
    assertCost(
        cost(
            "deepseek",
            "deepseek-chat",
            million,
            Instant.parse("2026-01-05T12:00:00Z").toEpochMilli()),
        "1.37");
    assertCost(
        cost(
            "deepseek",
            "deepseek-chat",
            million,
            Instant.parse("2026-01-05T20:00:00Z").toEpochMilli()),
        "0.685");
  }

  @Test
  void lookupPrefersResponseModelAndFallsBackToRequestModel() {
    PriceLookup lookup = new PriceLookup(catalog);
    assertThat(lookup.find("openai", "gpt-4o-2024-08-06", "gpt-4o-mini").modelId())
        .isEqualTo("gpt-4o");
    assertThat(lookup.find("openai", "my-deployment-xyz", "gpt-4o-mini").modelId())
        .isEqualTo("gpt-4o-mini");
    assertThat(lookup.find("openai", null, "gpt-4o-mini").modelId()).isEqualTo("gpt-4o-mini");
    assertThat(lookup.find("openai", "unknown-a", "unknown-b")).isNull();
    // cached answers are the same
    assertThat(lookup.find("openai", "gpt-4o-2024-08-06", null))
        .isSameAs(lookup.find("openai", "gpt-4o-2024-08-06", null));
  }

  @Test
  void inconsistentUsageIsRejected() {
    assertThatThrownBy(() -> TokenUsage.of(100, 80, 30, 10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceed the input tokens");
    assertThatThrownBy(() -> TokenUsage.of(100, 0, 0, 10, 11))
        .hasMessageContaining("exceed the output tokens");
    assertThatThrownBy(() -> TokenUsage.of(-1, 0, 0, 10, 0)).hasMessageContaining("negative");
  }

  @Test
  void formatIsPlainDecimal() {
    assertThat(CostCalculator.format(new BigDecimal("7.2500E-3"))).isEqualTo("0.00725");
    assertThat(CostCalculator.format(new BigDecimal("0.000000"))).isEqualTo("0");
    assertThat(CostCalculator.format(new BigDecimal("12.2500"))).isEqualTo("12.25");
  }
}
