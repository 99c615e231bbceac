package dev.llmobs.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.PromQlNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/** The operator assets shipped in {@code agent/ops}: dashboard, rules and their tests, compose. */
final class OpsAssets {

  /**
   * Metric names the dashboard uses before any scrape has them, each with why. The store latency
   * panel reads the store metrics ({@code llmobs.store.operation.duration}, a histogram in seconds)
   * that the store instrumentation adds; once a real scrape has them, the dashboard test fails
   * until this entry is removed.
   */
  static final ObjectMapper json = new ObjectMapper();

  final Path dir;
  final JsonNode dashboard;
  final Map<String, Object> rules;
  final Map<String, Object> ruleTests;

  private OpsAssets(Path dir) throws IOException {
    this.dir = dir;
    this.dashboard = json.readTree(dir.resolve("grafana/llmobs-dashboard.json").toFile());
    this.rules = yaml(dir.resolve("prometheus/llmobs-rules.yml"));
    this.ruleTests = yaml(dir.resolve("prometheus/llmobs-rules.test.yml"));
  }

  static OpsAssets load() throws IOException {
    String configured = System.getProperty("llmobs.ops.dir");
    Path dir = Paths.get(configured != null ? configured : "../agent/ops").toAbsolutePath();
    return new OpsAssets(dir.normalize());
  }

  static Map<String, Object> yaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml().load(reader);
    }
  }

  Path rulesFile() {
    return dir.resolve("prometheus/llmobs-rules.yml");
  }

  Path ruleTestsFile() {
    return dir.resolve("prometheus/llmobs-rules.test.yml");
  }

  /** Every PromQL expression of the dashboard: panel targets and template variable queries. */
  List<String> dashboardExpressions() {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        expressions.add(variable.path("query").path("query").asText());
        expressions.add(variable.path("definition").asText());
      }
    }
    return expressions;
  }

  Set<String> dashboardMetricNames() {
    Set<String> names = new TreeSet<>();
    dashboardExpressions().forEach(e -> names.addAll(PromQlNames.of(e)));
    return names;
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> ruleEntries() {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
      entries.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    return entries;
  }

  /** The names the rules record, usable in other rules and dashboards. */
  Set<String> recordedNames() {
    return ruleNames("record");
  }

  Set<String> alertNames() {
    return ruleNames("alert");
  }

  private Set<String> ruleNames(String kind) {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> rule : ruleEntries()) {
      if (rule.containsKey(kind)) {
        names.add((String) rule.get(kind));
      }
    }
    return names;
  }

  /** The metric names the rules' expressions read, recorded ones included. */
  Set<String> ruleSourceMetricNames() {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> rule : ruleEntries()) {
      names.addAll(PromQlNames.of((String) rule.get("expr")));
    }
    return names;
  }

  /** Alert names with a test case expecting them to fire, and to stay silent. */
  @SuppressWarnings("unchecked")
  Map<String, Set<String>> testedAlertOutcomes() {
    Set<String> firing = new TreeSet<>();
    Set<String> silent = new TreeSet<>();
    for (Map<String, Object> test : (List<Map<String, Object>>) ruleTests.get("tests")) {
      for (Map<String, Object> alertTest :
          (List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of())) {
        List<?> expected = (List<?>) alertTest.get("exp_alerts");
        String alert = (String) alertTest.get("alertname");
        (expected == null || expected.isEmpty() ? silent : firing).add(alert);
      }
    }
    return Map.of("firing", firing, "silent", silent);
  }
}
