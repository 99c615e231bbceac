package dev.llmobs.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.cost.catalog.CatalogLoader;
import dev.llmobs.cost.catalog.PriceCatalog;
import dev.llmobs.cost.catalog.ResolvedModel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceOverrideTest {

  @TempDir Path dir;
  final List<String> warnings = new ArrayList<>();

  Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  BigDecimal cost(PriceCatalog catalog, String provider, String model, TokenUsage usage) {
    ResolvedModel resolved = catalog.resolve(provider, model);
    assertThat(resolved).isNotNull();
    return CostCalculator.cost(resolved.pricesAt(System.currentTimeMillis()), usage);
  }

  @Test
  void flatFormOverridesAndAddsModels() throws Exception {
    Path file =
        write(
            "prices.json",
            "{\"gpt-4o\": {\"input\": 2, \"output\": 8, \"cache_read\": 1},"
                + " \"my-finetune\": {\"input\": 0.5, \"output\": 1.5, \"reasoning\": 3}}");
    PriceCatalog catalog = CatalogLoader.builtInWithOverrides(file.toString(), warnings::add);
    assertThat(warnings).isEmpty();
    // 800 x 2 + 200 x 1 + 500 x 8 = 5800 per 1M; snapshot ids get the override too
    assertThat(cost(catalog, "openai", "gpt-4o", TokenUsage.of(1000, 200, 0, 500, 0)))
        .isEqualByComparingTo("0.0058");
    assertThat(cost(catalog, "openai", "gpt-4o-2024-08-06", TokenUsage.of(1000, 200, 0, 500, 0)))
        .isEqualByComparingTo("0.0058");
    // 1000 x 0.5 + 100 x 1.5 + 100 x 3 = 950 per 1M
    assertThat(cost(catalog, "anything", "My-Finetune", TokenUsage.of(1000, 0, 0, 200, 100)))
        .isEqualByComparingTo("0.00095");
    // Untouched models keep the built-in prices (gpt-4o-mini 0.15 / 0.6).
    assertThat(cost(catalog, "openai", "gpt-4o-mini", TokenUsage.of(1_000_000, 0, 0, 0, 0)))
        .isEqualByComparingTo("0.15");
  }

  @Test
  void genaiPricesSchemaMergesOverBuiltIn() throws Exception {
    Path file =
        write(
            "prices.json",
            "[{\"id\": \"openai\", \"name\": \"OpenAI\", \"api_pattern\": \"x\", \"models\": ["
                + "{\"id\": \"gpt-4o\", \"match\": {\"starts_with\": \"gpt-4o\"},"
                + " \"prices\": {\"input_mtok\": {\"base\": 1, \"tiers\": [{\"start\": 1000, \"price\": 2}]},"
                + " \"output_mtok\": 4}}]},"
                + "{\"id\": \"acme\", \"name\": \"Acme\", \"api_pattern\": \"y\","
                + " \"models\": [{\"id\": \"rocket\", \"match\": {\"equals\": \"rocket-1\"},"
                + " \"prices\": {\"input_mtok\": 7, \"output_mtok\": 9}}]}]");
    PriceCatalog catalog = CatalogLoader.builtInWithOverrides(file.toString(), warnings::add);
    assertThat(warnings).isEmpty();
    // 1000 x 1 + 10 x 4 = 1040; at 1001 input tokens the tier (2) applies: 2002 + 40 = 2042
    assertThat(cost(catalog, "openai", "gpt-4o", TokenUsage.of(1000, 0, 0, 10, 0)))
        .isEqualByComparingTo("0.00104");
    assertThat(cost(catalog, "openai", "gpt-4o-mini", TokenUsage.of(1001, 0, 0, 10, 0)))
        .isEqualByComparingTo("0.002042");
    assertThat(cost(catalog, "acme", "rocket-1", TokenUsage.of(1_000_000, 0, 0, 1_000_000, 0)))
        .isEqualByComparingTo("16");
    // other providers are untouched
    assertThat(catalog.resolve("anthropic", "claude-sonnet-4-20250514").modelId())
        .isEqualTo("claude-sonnet-4-0");
  }

  @Test
  void malformedFileIsOneClearWarningAndBuiltInStays() throws Exception {
    Path broken = write("broken.json", "{\"gpt-4o\": {\"input\": 2,");
    PriceCatalog catalog = CatalogLoader.builtInWithOverrides(broken.toString(), warnings::add);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .contains(broken.toString())
        .contains("not valid JSON")
        .contains("built-in price catalog");
    assertThat(cost(catalog, "openai", "gpt-4o", TokenUsage.of(1_000_000, 0, 0, 0, 0)))
        .isEqualByComparingTo("2.5");
  }

  @Test
  void wrongShapesNameTheProblem() throws Exception {
    assertWarning(write("a.json", "{\"gpt-4o\": {\"inptu\": 2}}"), "unknown price 'inptu'");
    assertWarning(write("b.json", "{\"gpt-4o\": {\"input\": \"cheap\"}}"), "expected a number");
    assertWarning(write("c.json", "{\"gpt-4o\": {\"input\": -1}}"), "cannot be negative");
    assertWarning(write("d.json", "42"), "expected a JSON array of providers");
    assertWarning(
        write(
            "e.json",
            "[{\"id\": \"x\", \"models\": [{\"id\": \"m\", \"match\": {\"like\": \"m\"},"
                + " \"prices\": {\"input_mtok\": 1}}]}]"),
        "unknown match clause 'like'");
    assertWarning(dir.resolve("missing.json"), "file not found");
    assertWarning(dir, "is a directory");
  }

  void assertWarning(Path file, String problem) {
    warnings.clear();
    PriceCatalog catalog = CatalogLoader.builtInWithOverrides(file.toString(), warnings::add);
    assertThat(warnings).singleElement().asString().contains(file.toString()).contains(problem);
    assertThat(catalog.resolve("openai", "gpt-4o")).isNotNull();
  }
}
