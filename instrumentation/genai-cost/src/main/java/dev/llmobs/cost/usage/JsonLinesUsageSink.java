package dev.llmobs.cost.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each usage event as one JSON object on its own line to a file ({@code
 * otel.instrumentation.genai.usage.file}). The file is opened on the first event and flushed after
 * every batch; absent values are left out.
 */
public final class JsonLinesUsageSink implements UsageSink {

  private static final JsonFactory JSON =
      new JsonFactory().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private final Path file;
  private Writer writer;

  public JsonLinesUsageSink(Path file) {
    this.file = file;
  }

  @Override
  public void accept(UsageEvent event) throws IOException {
    if (writer == null) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                  StandardCharsets.UTF_8));
    }
    writer.write(toJson(event));
    writer.write('\n');
  }

  @Override
  public void flush() throws IOException {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  /** The event as one line of JSON (snake_case names, cost as an exact plain decimal). */
  public static String toJson(UsageEvent event) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", event.time().toString());
      string(json, "trace_id", event.traceId());
      string(json, "span_id", event.spanId());
      if (event.traceId() != null) {
        json.writeBooleanField("trace_sampled", event.traceSampled());
      }
      string(json, "request_id", event.requestId());
      string(json, "tenant", event.tenant());
      string(json, "conversation_id", event.conversationId());
      string(json, "cache_state", event.cacheState());
      string(json, "operation", event.operation());
      string(json, "provider", event.provider());
      string(json, "model", event.model());
      string(json, "response_model", event.responseModel());
      string(json, "effective_model", event.effectiveModel());
      string(json, "priced_as", event.pricedAs());
      number(json, "input_tokens", event.inputTokens());
      number(json, "output_tokens", event.outputTokens());
      number(json, "cache_read_tokens", event.cacheReadTokens());
      number(json, "cache_write_tokens", event.cacheWriteTokens());
      number(json, "reasoning_tokens", event.reasoningTokens());
      number(json, "total_tokens", event.totalTokens());
      if (event.cost() != null) {
        BigDecimal cost = event.cost().stripTrailingZeros();
        json.writeNumberField("cost", cost.signum() == 0 ? BigDecimal.ZERO : cost);
        json.writeStringField("currency", event.currency());
      }
      if (!event.finishReasons().isEmpty()) {
        json.writeArrayFieldStart("finish_reasons");
        for (String reason : event.finishReasons()) {
          json.writeString(reason);
        }
        json.writeEndArray();
      }
      json.writeStringField("outcome", event.outcome().value());
      json.writeNumberField("latency_ms", event.latencyMillis());
      json.writeEndObject();
    }
    return out.toString();
  }

  private static void string(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  private static void number(JsonGenerator json, String name, Long value) throws IOException {
    if (value != null) {
      json.writeNumberField(name, value);
    }
  }
}
