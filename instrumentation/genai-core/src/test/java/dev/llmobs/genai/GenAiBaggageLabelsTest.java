package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class GenAiBaggageLabelsTest {

  static final AttributeKey<String> TENANT = AttributeKey.stringKey("tenant");
  static final AttributeKey<String> FEATURE = AttributeKey.stringKey("feature");

  @Test
  void takesOnlyTheConfiguredEntriesAndCutsLongValues() {
    GenAiBaggageLabels labels = new GenAiBaggageLabels(Arrays.asList("tenant", "feature"));
    Baggage baggage =
        Baggage.builder()
            .put("tenant", "acme")
            .put("feature", MetricLabelCapTest.repeat("x", MetricLabelCap.MAX_VALUE_LENGTH + 50))
            .put("user", "u-123")
            .build();

    Attributes attributes = labels.fromBaggage(baggage);

    assertThat(attributes.size()).isEqualTo(2);
    assertThat(attributes.get(TENANT)).isEqualTo("acme");
    assertThat(attributes.get(FEATURE)).hasSize(MetricLabelCap.MAX_VALUE_LENGTH);
    assertThat(attributes.get(AttributeKey.stringKey("user"))).isNull();
  }

  @Test
  void metricLabelsGoThroughTheCap() {
    GenAiBaggageLabels labels = new GenAiBaggageLabels(Collections.singletonList("tenant"));
    MetricLabelCap cap = new MetricLabelCap(2);
    String[] results = new String[4];
    for (int i = 0; i < results.length; i++) {
      AttributesBuilder target = Attributes.builder();
      labels.putMetricLabels(Attributes.of(TENANT, "t" + i), target, cap);
      results[i] = target.build().get(TENANT);
    }
    assertThat(results).containsExactly("t0", "t1", "_OTHER", "_OTHER");

    AttributesBuilder none = Attributes.builder();
    labels.putMetricLabels(Attributes.empty(), none, cap);
    assertThat(none.build().isEmpty()).isTrue();
  }

  @Test
  void noLabelsConfigured() {
    GenAiBaggageLabels labels = new GenAiBaggageLabels(Collections.emptyList());
    assertThat(labels.isEmpty()).isTrue();
    assertThat(labels.fromBaggage(Baggage.builder().put("tenant", "a").build()).isEmpty()).isTrue();
  }
}
