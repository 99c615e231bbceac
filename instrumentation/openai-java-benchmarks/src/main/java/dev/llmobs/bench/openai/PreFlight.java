package dev.llmobs.bench.openai;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves, before anything is measured, that the variants differ the way the note claims: each makes
 * the benchmark's two calls ({@link OneCall}) in a JVM of its own and the GenAI spans that come out
 * are counted. A benchmark of an agent that silently did not instrument the calls would be a fast
 * and wrong number.
 */
final class PreFlight {

  private static final List<String> LOGGED_SPANS =
      List.of(
          "-Dotel.traces.exporter=logging",
          "-Dotel.metrics.exporter=none",
          "-Dotel.logs.exporter=none");

  /**
   * One line of the logging span exporter: {@code 'name' : trace span KIND [tracer: scope:ver]}.
   */
  private static final Pattern LOGGED_SPAN =
      Pattern.compile("'(chat [^']*)' : \\S+ \\S+ \\w+ \\[tracer: ([^:\\]]+)");

  private static final String COST_ATTRIBUTE = "gen_ai.usage.cost.amount";

  private final Path workDir;

  PreFlight(Path workDir) {
    this.workDir = workDir;
  }

  void run(List<Variant> variants) throws Exception {
    System.out.println("Pre-flight: the benchmark's chat and chatStreaming calls once per variant");
    for (Variant variant : variants) {
      String output = oneCall(variant.name, variant.withProperties(LOGGED_SPANS));
      List<String> spans = new ArrayList<>();
      int priced = 0;
      for (String line : output.split("\n")) {
        Matcher span = LOGGED_SPAN.matcher(line);
        if (span.find()) {
          spans.add(span.group(1) + " [" + span.group(2) + "]");
          priced += line.contains(COST_ATTRIBUTE) ? 1 : 0;
        }
      }
      System.out.printf(
          "  %-15s %d GenAI span(s), %d with cost: %s%n",
          variant.name, spans.size(), priced, spans);
      if (!expected(variant.name, spans, priced)) {
        throw new IllegalStateException(
            variant.name
                + ": not the GenAI spans this benchmark is meant to compare; see "
                + log(variant.name));
      }
    }
    processorsRunWithExporterNone(variants);
  }

  /** One GenAI span per call, from upstream's openai-java or from llmobs (priced) alone. */
  private static boolean expected(String variant, List<String> spans, int priced) {
    switch (variant) {
      case Variant.NO_AGENT:
        return spans.isEmpty();
      case Variant.UPSTREAM:
        return spans.size() == 2 && priced == 0 && allFrom(spans, "openai-java");
      default:
        return spans.size() == 2 && priced == 2 && allFrom(spans, "llmobs");
    }
  }

  private static boolean allFrom(List<String> spans, String scope) {
    return spans.stream().allMatch(span -> span.contains(scope));
  }

  /**
   * With {@code otel.traces.exporter=none} spans are still recorded and handed to span processors:
   * the usage events that the llmobs cost processor writes when a GenAI span ends prove it, for
   * llmobs' spans and for upstream's (stock agent plus the llmobs extension).
   */
  private void processorsRunWithExporterNone(List<Variant> variants) throws Exception {
    Variant llmobs = find(variants, Variant.LLMOBS);
    Variant upstream = find(variants, Variant.UPSTREAM);
    Path extension = Variant.requiredFile("llmobs.extension.jar");
    int llmobsEvents = usageEvents(llmobs.name + ", exporters none", llmobs, List.of());
    int upstreamEvents =
        usageEvents(
            upstream.name + " + llmobs extension, exporters none",
            upstream,
            List.of(
                "-Dotel.javaagent.extensions=" + extension,
                "-Dotel.instrumentation.openai-java.enabled=true",
                "-Dotel.instrumentation.llmobs-openai-java.enabled=false"));
    System.out.printf(
        "  exporters none: the cost processor still priced %d llmobs span(s) and %d upstream"
            + " openai-java span(s) (usage events written)%n",
        llmobsEvents, upstreamEvents);
    if (llmobsEvents != 2 || upstreamEvents != 2) {
      throw new IllegalStateException("span processors did not run with exporters none");
    }
  }

  private int usageEvents(String label, Variant variant, List<String> extra) throws Exception {
    Path usage = workDir.resolve(label.replaceAll("\\W+", "-") + ".jsonl");
    Files.deleteIfExists(usage);
    List<String> properties = new ArrayList<>(Variant.QUIET_EXPORTERS);
    properties.addAll(extra);
    properties.add("-Dotel.instrumentation.genai.usage.file=" + usage);
    oneCall(label, variant.withProperties(properties));
    if (!Files.exists(usage)) {
      return 0;
    }
    return (int) Files.readAllLines(usage).stream().filter(l -> l.contains("\"cost\":")).count();
  }

  private String oneCall(String label, List<String> jvmArgs) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OneCall.class.getName());
    Path log = log(label);
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(label + ": one call took over 2 minutes; see " + log);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (process.exitValue() != 0 || !output.contains("chatStreaming: ")) {
      throw new IllegalStateException(label + ": the calls failed; see " + log);
    }
    return output;
  }

  private Path log(String label) {
    return workDir.resolve("preflight-" + label.replaceAll("\\W+", "-") + ".log");
  }

  private static Variant find(List<Variant> variants, String name) {
    return variants.stream().filter(v -> v.name.equals(name)).findFirst().orElseThrow();
  }
}
