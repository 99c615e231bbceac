package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.it.harness.AgentGateway;
import dev.llmobs.it.harness.GatewayProcess;
import dev.llmobs.it.harness.OtlpReceiver;
import dev.llmobs.it.harness.ReceivedLogRecord;
import dev.llmobs.it.harness.ReceivedSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code otel.instrumentation.genai.*} option with a value that does not parse, and a price
 * file that cannot be read or is not valid JSON: the gateway with the llmobs agent starts and
 * serves, the agent's log has one clear warning for each, and the defaults are in effect.
 */
class BadAgentConfigIT {

  static final String PREFIX = "otel.instrumentation.genai.";

  /**
   * Every option this class gives a bad value, in {@link #malformedBooleansNumbersAndPaths} or
   * {@link #malformedNumbersFromEnvironmentAndBrokenPriceJson}. {@link
   * #everyDocumentedOptionIsCovered} fails when the README's options table lists one that is not
   * here.
   */
  static final Set<String> COVERED =
      Set.of(
          "capture-message-content",
          "capture-message-content.max-length",
          "cost.enabled",
          "pricing.file",
          "usage.file",
          "usage.logs.enabled",
          "usage.tenant-baggage-key",
          "usage.queue-size",
          "stream.idle-timeout",
          "metrics.max-label-values",
          "cost.record-unsampled",
          "cost.baggage-labels",
          "stores",
          "conversations.window");

  @Test
  void malformedBooleansNumbersAndPaths() throws Exception {
    Path work = Files.createDirectories(AgentGateway.workDir().resolve("bad-config"));
    // A directory where a file is expected: unreadable as a price file, unwritable as usage file.
    Path directory = Files.createDirectories(work.resolve("not-a-file"));
    try (OtlpReceiver receiver = OtlpReceiver.start();
        GatewayProcess gateway =
            agentGateway(receiver, "gateway-bad-config-1.log")
                .systemProperty(PREFIX + "capture-message-content", "maybe")
                .systemProperty(PREFIX + "cost.enabled", "yes")
                .systemProperty(PREFIX + "usage.logs.enabled", "1")
                .systemProperty(PREFIX + "usage.queue-size", "-5")
                .systemProperty(PREFIX + "pricing.file", directory.toString())
                .systemProperty(PREFIX + "usage.file", directory.toString())
                // Blank is unset: the default key, "tenant".
                .systemProperty(PREFIX + "usage.tenant-baggage-key", "   ")
                .systemProperty(PREFIX + "stream.idle-timeout", "ten minutes")
                .systemProperty(PREFIX + "metrics.max-label-values", "-1")
                .systemProperty(PREFIX + "cost.record-unsampled", "sometimes")
                // One usable label, one that is not a label name.
                .systemProperty(PREFIX + "cost.baggage-labels", "tenant,not a label")
                .systemProperty(PREFIX + "conversations.window", "soon")
                // A class that does not exist beside the gateway's real store.
                .systemProperty(
                    PREFIX + "stores",
                    "dev.llmobs.gateway.store.NoSuchStore," + GatewayProcess.GATEWAY_STORES)
                .start()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(chat(gateway, "gpt-4o-mini", "bad config " + i, "baggage", "tenant=acme"));
      }

      for (String id : ids) {
        ReceivedSpan span = UsageEventsIT.awaitChatSpan(receiver, id);
        // Cost on (its default), priced from the built-in catalog; content capture off.
        assertThat(span.attributes())
            .containsEntry("gen_ai.usage.cost.currency", "USD")
            .containsKey("gen_ai.usage.cost.amount")
            .doesNotContainKey("gen_ai.input.messages")
            .doesNotContainKey("gen_ai.output.messages");
      }
      // Usage log records on (their default), with the tenant from the default baggage key.
      List<ReceivedLogRecord> usage =
          receiver.awaitLogRecords(
              records -> usageRecords(records).size() >= ids.size(), Duration.ofSeconds(30));
      assertThat(usageRecords(usage))
          .allSatisfy(r -> assertThat(r.attribute("llmobs.usage.tenant")).isEqualTo("acme"));

      String log = gateway.logText();
      assertOneWarning(log, "capture-message-content=maybe", "not true or false", "false");
      assertOneWarning(log, "cost.enabled=yes", "not true or false", "true");
      assertOneWarning(log, "usage.logs.enabled=1", "not true or false", "true");
      assertOneWarning(log, "usage.queue-size=-5", "not a positive whole number", "2048");
      assertOneWarning(
          log, "stream.idle-timeout=ten minutes", "not a positive duration", "600000ms");
      assertOneWarning(log, "metrics.max-label-values=-1", "not a positive whole number", "100");
      assertOneWarning(log, "cost.record-unsampled=sometimes", "not true or false", "true");
      assertThat(
              count(
                  log,
                  "WARN .*llmobs: option "
                      + Pattern.quote(PREFIX + "cost.baggage-labels: 'not a label'")
                      + " .*left out"))
          .as("warnings for the baggage label in:%n%s", log)
          .isEqualTo(1);
      assertOneWarning(log, "conversations.window=soon", "not a positive duration", "300000ms");
      assertThat(
              count(
                  log,
                  "WARN .*llmobs: store entry 'dev\\.llmobs\\.gateway\\.store\\.NoSuchStore' .*"
                      + "is ignored: class dev\\.llmobs\\.gateway\\.store\\.NoSuchStore not found"))
          .as("warnings for the missing store class in:%n%s", log)
          .isEqualTo(1);
      assertOnePriceFileWarning(log, directory, "");
      // The usage file fails on the first event only; later events are not logged again.
      assertThat(
              count(
                  log,
                  "WARN .* - llmobs: usage sink dev\\.llmobs\\.cost\\.usage\\.JsonLinesUsageSink"
                      + " failed on a usage event"))
          .isEqualTo(1);
      assertThat(log).contains(directory + ": Is a directory");
      assertNoFailureOfTheAgent(log);
    }
  }

  @Test
  void malformedNumbersFromEnvironmentAndBrokenPriceJson() throws Exception {
    Path work = Files.createDirectories(AgentGateway.workDir().resolve("bad-config"));
    Path brokenPrices = work.resolve("broken-prices.json");
    Files.writeString(brokenPrices, "{\"gpt-4o-mini\": {\"input\": ");
    Path usageFile = work.resolve("usage-2.jsonl");
    Files.deleteIfExists(usageFile);
    try (OtlpReceiver receiver = OtlpReceiver.start();
        GatewayProcess gateway =
            agentGateway(receiver, "gateway-bad-config-2.log")
                .systemProperty(PREFIX + "capture-message-content", "true")
                .environment(
                    "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT_MAX_LENGTH", "lots")
                .environment("OTEL_INSTRUMENTATION_GENAI_USAGE_QUEUE_SIZE", "abc")
                .systemProperty(PREFIX + "pricing.file", brokenPrices.toString())
                .systemProperty(PREFIX + "usage.file", usageFile.toString())
                .start()) {
      // Longer than the default maximum of 8192 characters of captured content.
      String id = chat(gateway, "gpt-4o-mini", "x".repeat(20_000));
      ReceivedSpan span = UsageEventsIT.awaitChatSpan(receiver, id);
      String captured = (String) span.attribute("gen_ai.input.messages");
      assertThat(captured).contains("...[truncated]");
      assertThat(captured.length()).isBetween(4096, 8192);
      assertThat(span.attributes()).containsKey("gen_ai.usage.cost.amount");
      assertThat(UsageEventsIT.awaitLines(usageFile, 1)).hasSize(1);

      String log = gateway.logText();
      assertOneWarning(
          log, "capture-message-content.max-length=lots", "not a positive whole number", "8192");
      assertOneWarning(log, "usage.queue-size=abc", "not a positive whole number", "2048");
      assertOnePriceFileWarning(log, brokenPrices, "not valid JSON");
      assertNoFailureOfTheAgent(log);
    }
  }

  @Test
  void everyDocumentedOptionIsCovered() throws Exception {
    String readme = Files.readString(GatewayProcess.requiredFile("llmobs.readme"));
    Matcher row =
        Pattern.compile("(?m)^\\| `otel\\.instrumentation\\.genai\\.([^`]+)` \\|").matcher(readme);
    Set<String> documented = new TreeSet<>();
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(documented).isNotEmpty();
    assertThat(COVERED).containsAll(documented);
  }

  static GatewayProcess.Builder agentGateway(OtlpReceiver receiver, String logName) {
    return GatewayProcess.builder(GatewayProcess.requiredFile("llmobs.gateway.jar"))
        .javaagent(GatewayProcess.requiredFile("llmobs.agent.jar"))
        .exportTo(receiver)
        .logFile(AgentGateway.workDir().resolve(logName));
  }

  /** Sends one chat completion, checks the 200, returns the response id. */
  static String chat(GatewayProcess gateway, String model, String prompt, String... headers)
      throws Exception {
    return UsageEventsIT.chat(gateway, model, prompt, headers).path("id").asText();
  }

  static List<ReceivedLogRecord> usageRecords(List<ReceivedLogRecord> records) {
    return records.stream().filter(r -> "gen_ai.usage".equals(r.eventName())).toList();
  }

  /** Exactly one agent WARN line for {@code option=value}, naming the expectation and default. */
  static void assertOneWarning(String log, String assignment, String expected, String fallback) {
    assertThat(
            count(
                log,
                "WARN .*llmobs: option "
                    + Pattern.quote(PREFIX + assignment)
                    + " .*"
                    + Pattern.quote(expected)
                    + ".*default "
                    + Pattern.quote(fallback)))
        .as("warnings for %s in:%n%s", assignment, log)
        .isEqualTo(1);
  }

  /** Exactly one agent WARN line naming the price file, {@code problem}, and the fallback. */
  static void assertOnePriceFileWarning(String log, Path file, String problem) {
    assertThat(
            count(
                log,
                "WARN .*llmobs: price file "
                    + Pattern.quote(file.toString())
                    + " not used: "
                    + Pattern.quote(problem)
                    + ".*; using the built-in price catalog only"))
        .as("price file warnings in:%n%s", log)
        .isEqualTo(1);
  }

  /** Nothing in the agent failed on the way: no failed call, processor or catalog. */
  static void assertNoFailureOfTheAgent(String log) {
    assertThat(log)
        .doesNotContain("llmobs: GenAI instrumentation failed")
        .doesNotContain("llmobs: cost processing failed")
        .doesNotContain("llmobs: cannot build a usage event")
        .doesNotContain("\"level\":\"ERROR\"");
  }

  static long count(String log, String regex) {
    Pattern pattern = Pattern.compile(regex);
    return log.lines().filter(l -> pattern.matcher(l).find()).count();
  }
}
