package dev.llmobs.testing;

import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The GenAI metric points of one request model: metrics outlive a test, so each metrics test uses a
 * request model of its own and finds its points by it.
 */
public final class GenAiMetrics {

  /** The instrumentation scope of the GenAI client metrics. */
  public static final String SCOPE = "dev.llmobs.genai";

  public static List<HistogramPointData> histogramPoints(MetricData metric, String requestModel) {
    return of(metric.getHistogramData().getPoints(), requestModel);
  }

  /** The sum of the long-sum points of {@code requestModel}. */
  public static long sum(MetricData metric, String requestModel) {
    return of(metric.getLongSumData().getPoints(), requestModel).stream()
        .mapToLong(LongPointData::getValue)
        .sum();
  }

  private static <P extends PointData> List<P> of(
      java.util.Collection<P> points, String requestModel) {
    return points.stream()
        .filter(p -> requestModel.equals(p.getAttributes().get(GenAiKeys.REQUEST_MODEL)))
        .collect(Collectors.toList());
  }

  private GenAiMetrics() {}
}
