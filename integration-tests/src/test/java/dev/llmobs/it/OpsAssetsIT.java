package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmobs.it.harness.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator assets of {@code agent/ops} on their own: the rules pass {@code promtool check
 * rules} and their unit tests, each alert is tested firing and not firing, the Prometheus config of
 * the compose set-up is valid, and the compose files point at what exists. That the dashboard and
 * the rules use only series a real scrape has is checked in {@link OperatorViewIT}.
 */
class OpsAssetsIT {

  static OpsAssets assets;

  @BeforeAll
  static void load() throws Exception {
    assets = OpsAssets.load();
  }

  static Promtool promtool() {
    Optional<Promtool> promtool = Promtool.find();
    assumeTrue(promtool.isPresent(), Promtool.missingReason());
    return promtool.get();
  }

  @Test
  void rulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
    Promtool promtool = promtool();
    Promtool.Result check =
        promtool.run(
            null, "check", "rules", "--lint=all", "--lint-fatal", assets.rulesFile().toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
    Promtool.Result test = promtool.run(null, "test", "rules", assets.ruleTestsFile().toString());
    assertThat(test.exitCode()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  @Test
  void everyAlertIsTestedFiringAndNotFiring() {
    Map<String, Set<String>> outcomes = assets.testedAlertOutcomes();
    assertThat(assets.alertNames())
        .contains(
            "LlmobsGenAiHighErrorRate",
            "LlmobsGenAiHighLatencyP95",
            "LlmobsGenAiCostSpike",
            "LlmobsGenAiRateLimited",
            "LlmobsGenAiUnpricedCalls",
            "LlmobsGenAiAvailabilityBudgetBurnFast",
            "LlmobsGenAiAvailabilityBudgetBurnSlow",
            "LlmobsGenAiLatencyBudgetBurnFast",
            "LlmobsGenAiLatencyBudgetBurnSlow");
    assertThat(outcomes.get("firing")).containsAll(assets.alertNames());
    assertThat(outcomes.get("silent")).containsAll(assets.alertNames());
    // Every burn-rate alert reads recorded ratios over a long and a short window.
    for (Map<String, Object> rule : assets.ruleEntries()) {
      String alert = (String) rule.get("alert");
      if (alert != null && alert.contains("BudgetBurn")) {
        assertThat((String) rule.get("expr")).as(alert).contains("llmobs:gen_ai_");
        assertThat(rule.get("for")).as(alert).isNotNull();
      }
    }
  }

  @Test
  void dashboardCoversTheOperatorsQuestions() {
    List<String> titles = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : assets.dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
      if (!panel.path("type").asText().equals("row")) {
        assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        assertThat(panel.path("targets")).isNotEmpty();
        panel
            .path("targets")
            .forEach(t -> assertThat(t.path("expr").asText()).as(panel.toString()).isNotBlank());
      }
    }
    assertThat(titles)
        .contains(
            "Request rate by model and provider",
            "Error rate by model and provider",
            "Latency p50 / p95 / p99",
            "Time to first chunk p50 / p95",
            "Tokens per second by model and type",
            "Cost per hour by model",
            "Cost per hour by tenant",
            "Cost per request by model",
            "Cost per request by tenant",
            "Cache-read share of input tokens",
            "Active requests",
            "Store latency p95",
            "Unpriced calls",
            "Exporter drops");
    assertThat(assets.dashboardMetricNames()).isNotEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeSetUpPointsAtWhatExists() throws Exception {
    Path compose = assets.dir.resolve("compose");
    Map<String, Object> file = OpsAssets.yaml(compose.resolve("docker-compose.yml"));
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) file.get("services");
    assertThat(services)
        .containsKeys("gateway", "otel-collector", "jaeger", "prometheus", "grafana", "traffic");
    // Every mounted host path exists (the jars after 'mvn package').
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      for (Object volume : (List<Object>) service.getValue().getOrDefault("volumes", List.of())) {
        String hostPath = volume.toString().split(":")[0];
        assertThat(compose.resolve(hostPath).normalize())
            .as(service.getKey() + " mounts " + hostPath)
            .exists();
      }
    }
    assertThat(String.join(" ", (List<String>) services.get("gateway").get("command")))
        .contains("-javaagent:/llmobs/llmobs-agent.jar")
        .contains("-Dotel.metrics.exporter=prometheus")
        .contains("-Dotel.exporter.otlp.endpoint=http://otel-collector:4318");

    // The collector's pipelines use only what it defines.
    Map<String, Object> collector = OpsAssets.yaml(compose.resolve("otel-collector.yml"));
    Map<String, Map<String, List<String>>> pipelines =
        (Map<String, Map<String, List<String>>>)
            ((Map<String, Object>) collector.get("service")).get("pipelines");
    assertThat(pipelines).containsKeys("traces", "logs");
    for (Map<String, List<String>> pipeline : pipelines.values()) {
      for (String kind : List.of("receivers", "processors", "exporters")) {
        assertThat(((Map<String, Object>) collector.get(kind)).keySet())
            .containsAll(pipeline.getOrDefault(kind, List.of()));
      }
    }

    // Grafana provisions the dashboard from where the compose file mounts it.
    Map<String, Object> dashboards =
        OpsAssets.yaml(assets.dir.resolve("grafana/provisioning/dashboards/llmobs.yml"));
    String path =
        (String)
            ((Map<String, Object>)
                    ((List<Map<String, Object>>) dashboards.get("providers")).get(0).get("options"))
                .get("path");
    assertThat((List<String>) services.get("grafana").get("volumes"))
        .contains("../grafana:" + path + ":ro");
    assertThat(assets.dir.resolve("grafana/llmobs-dashboard.json")).exists();
  }

  @Test
  void prometheusConfigOfTheComposeSetUpIsValidAndLoadsTheRules() throws Exception {
    // Valid with the rules it loads, and scraping the agent's exporter.
    Path prometheusConfig = assets.dir.resolve("prometheus/prometheus.yml");
    assertThat(Files.readString(prometheusConfig)).contains("gateway:9464", "llmobs-rules.yml");
    Promtool.Result check = promtool().run(null, "check", "config", prometheusConfig.toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 1 rule files found");
  }
}
