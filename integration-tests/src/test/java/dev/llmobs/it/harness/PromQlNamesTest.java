package dev.llmobs.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

  @Test
  void findsTheSeriesAndNothingElse() {
    assertThat(
            PromQlNames.of(
                "histogram_quantile(0.95, sum by (le, gen_ai_request_model) "
                    + "(rate(gen_ai_client_operation_duration_seconds_bucket"
                    + "{gen_ai_request_model=~\"$model\", error_type!=\"\"}[$__rate_interval])))"))
        .containsExactly("gen_ai_client_operation_duration_seconds_bucket");
    assertThat(
            PromQlNames.of(
                "sum(increase(gen_ai_client_cost_USD_total[1h])) > 2 * "
                    + "sum(increase(gen_ai_client_cost_USD_total[1h] offset 1d)) and on() "
                    + "sum(increase(gen_ai_client_cost_USD_total[1h])) > bool 1e-3"))
        .containsExactly("gen_ai_client_cost_USD_total");
    assertThat(
            PromQlNames.of(
                "llmobs:gen_ai_errors:ratio_rate5m > (14.4 * (1 - 0.995))"
                    + " unless ignoring(x) absent(up{job='x'})"))
        .containsExactly("llmobs:gen_ai_errors:ratio_rate5m", "up");
    assertThat(
            PromQlNames.of(
                "sum(rate(a_sum[5m])) / clamp_min(sum(rate(b_count[5m])), 1) or vector(0)"))
        .containsExactly("a_sum", "b_count");
  }

  @Test
  void grafanaLabelValuesQueriesNameOnlyTheirMetric() {
    assertThat(
            PromQlNames.of("label_values(gen_ai_client_token_usage_count, gen_ai_request_model)"))
        .containsExactly("gen_ai_client_token_usage_count");
  }
}
