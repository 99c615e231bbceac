package dev.llmobs.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

  static final String TEXT =
      "# HELP d_seconds duration\n"
          + "# TYPE d_seconds histogram\n"
          + "d_seconds_bucket{m=\"a\",le=\"1.0\"} 2\n"
          + "d_seconds_bucket{m=\"a\",le=\"2.0\"} 4\n"
          + "d_seconds_bucket{m=\"a\",le=\"+Inf\"} 4\n"
          + "d_seconds_count{m=\"a\"} 4\n"
          + "c_total{path=\"/x\",note=\"quote \\\" and \\\\ and, comma\"} 1.5E-4\n"
          + "up 1\n";

  @Test
  void parsesSamplesLabelsAndValues() {
    PrometheusScrape scrape = PrometheusScrape.parse(TEXT);
    assertThat(scrape.names())
        .containsExactly("c_total", "d_seconds_bucket", "d_seconds_count", "up");
    assertThat(scrape.samples("c_total").get(0).label("note"))
        .isEqualTo("quote \" and \\ and, comma");
    assertThat(scrape.sum("c_total", Map.of("path", "/x"))).isEqualTo(1.5e-4);
    assertThat(scrape.sum("d_seconds_count", Map.of("m", "b"))).isZero();
    assertThat(scrape.sum("up", Map.of())).isEqualTo(1);
    assertThat(scrape.labelValues("d_seconds_bucket", "le")).containsExactly("+Inf", "1.0", "2.0");
  }

  @Test
  void quantileInterpolatesLikeHistogramQuantile() {
    PrometheusScrape scrape = PrometheusScrape.parse(TEXT);
    assertThat(scrape.quantile(0.5, "d_seconds", Map.of())).isCloseTo(1.0, within(1e-9));
    assertThat(scrape.quantile(0.75, "d_seconds", Map.of())).isCloseTo(1.5, within(1e-9));
    assertThat(scrape.quantile(0.5, "none", Map.of())).isNaN();
  }
}
