package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class GenAiConfigTest {

  private static GenAiConfig config(String key, String value) {
    Map<String, String> values = new HashMap<>();
    values.put(GenAiConfig.PREFIX + key, value);
    return new GenAiConfig(values::get);
  }

  @Test
  void defaultsWhenUnset() {
    GenAiConfig config = new GenAiConfig(name -> null);
    assertThat(config.captureMessageContent()).isFalse();
    assertThat(config.captureMessageContentMaxLength()).isEqualTo(8192);
  }

  @Test
  void readsSetValues() {
    assertThat(config("capture-message-content", "TRUE").captureMessageContent()).isTrue();
    assertThat(config("capture-message-content.max-length", "100").captureMessageContentMaxLength())
        .isEqualTo(100);
  }

  @Test
  void badValuesFallBackToDefaults() {
    assertThat(config("capture-message-content", "yes please").captureMessageContent()).isFalse();
    assertThat(config("capture-message-content.max-length", "-3").captureMessageContentMaxLength())
        .isEqualTo(8192);
    assertThat(
            new GenAiConfig(
                    name -> {
                      throw new IllegalStateException("broken source");
                    })
                .captureMessageContent())
        .isFalse();
  }

  @Test
  void streamIdleTimeoutIsADuration() {
    assertThat(new GenAiConfig(name -> null).streamIdleTimeoutMillis()).isEqualTo(600_000L);
    assertThat(config("stream.idle-timeout", "30s").streamIdleTimeoutMillis()).isEqualTo(30_000L);
    assertThat(config("stream.idle-timeout", "2m").streamIdleTimeoutMillis()).isEqualTo(120_000L);
    assertThat(config("stream.idle-timeout", "1h").streamIdleTimeoutMillis()).isEqualTo(3_600_000L);
    assertThat(config("stream.idle-timeout", "250ms").streamIdleTimeoutMillis()).isEqualTo(250L);
    assertThat(config("stream.idle-timeout", "1500").streamIdleTimeoutMillis()).isEqualTo(1500L);
  }

  @Test
  void badDurationsFallBackToTheDefault() {
    for (String bad :
        new String[] {"0s", "-5s", "ten minutes", "5 fortnights", "s", "99999999999999999999h"}) {
      assertThat(config("stream.idle-timeout", bad).streamIdleTimeoutMillis())
          .as(bad)
          .isEqualTo(600_000L);
    }
  }

  @Test
  void operatorOptions() {
    GenAiConfig defaults = new GenAiConfig(name -> null);
    assertThat(defaults.metricsMaxLabelValues()).isEqualTo(100);
    assertThat(defaults.costBaggageLabels()).isEmpty();
    assertThat(defaults.costRecordUnsampled()).isTrue();

    assertThat(config("metrics.max-label-values", "25").metricsMaxLabelValues()).isEqualTo(25);
    assertThat(config("metrics.max-label-values", "0").metricsMaxLabelValues()).isEqualTo(100);
    assertThat(config("cost.record-unsampled", "false").costRecordUnsampled()).isFalse();
    assertThat(config("cost.baggage-labels", " tenant , feature,tenant,,").costBaggageLabels())
        .containsExactly("tenant", "feature");
  }

  @Test
  void baggageLabelsThatCannotBeLabelsAreLeftOut() {
    assertThat(
            config(
                    "cost.baggage-labels",
                    "tenant,gen_ai.request.model,error.type,server.port,otel.x,llmobs.y,"
                        + "has space,9lives,user.tier,team-name")
                .costBaggageLabels())
        .containsExactly("tenant", "user.tier", "team-name");
    assertThat(config("cost.baggage-labels", "a,b,c,d,e,f,g,h,i,j").costBaggageLabels())
        .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
  }

  @Test
  void storeOptions() {
    GenAiConfig unset = new GenAiConfig(name -> null);
    assertThat(unset.stores()).isNull();
    assertThat(unset.conversationsWindowMillis()).isEqualTo(300_000L);
    assertThat(config("stores", " com.acme.Store[get=get] ").stores())
        .isEqualTo("com.acme.Store[get=get]");
    assertThat(config("conversations.window", "90s").conversationsWindowMillis())
        .isEqualTo(90_000L);
    assertThat(config("conversations.window", "a while").conversationsWindowMillis())
        .isEqualTo(300_000L);
  }

  @Test
  void problemsAreReportedOnceAtStartAndReadersAreQuiet() {
    List<String> warnings = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            warnings.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(GenAiConfig.class.getName());
    logger.addHandler(handler);
    try {
      Map<String, String> values = new HashMap<>();
      values.put(GenAiConfig.PREFIX + "cost.enabled", "yes");
      values.put(GenAiConfig.PREFIX + "stream.idle-timeout", "soon");
      values.put(GenAiConfig.PREFIX + "cost.baggage-labels", "tenant,not a label");
      GenAiConfig quiet = new GenAiConfig(values::get);
      assertThat(quiet.costEnabled()).isTrue();
      assertThat(quiet.streamIdleTimeoutMillis()).isEqualTo(600_000L);
      assertThat(quiet.costBaggageLabels()).containsExactly("tenant");
      assertThat(warnings).isEmpty();

      GenAiConfig.reportProblems(values::get);
      assertThat(warnings).hasSize(3);
      assertThat(warnings)
          .anySatisfy(w -> assertThat(w).contains("cost.enabled=yes", "using the default true"))
          .anySatisfy(w -> assertThat(w).contains("stream.idle-timeout=soon", "600000ms"))
          .anySatisfy(w -> assertThat(w).contains("'not a label'", "left out"));
    } finally {
      logger.removeHandler(handler);
    }
  }
}
