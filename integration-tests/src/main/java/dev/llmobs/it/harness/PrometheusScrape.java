package dev.llmobs.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One scrape of a Prometheus text endpoint (format 0.0.4), parsed into samples. */
public final class PrometheusScrape {

  /** One line of the exposition: {@code name{labels} value}. */
  public record Sample(String name, Map<String, String> labels, double value) {
    public String label(String name) {
      return labels.get(name);
    }
  }

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String text;
  private final List<Sample> samples;

  private PrometheusScrape(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  public static PrometheusScrape get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    return parse(response.body());
  }

  public static PrometheusScrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(sample(line.strip()));
      }
    }
    return new PrometheusScrape(text, Collections.unmodifiableList(samples));
  }

  /** The exposition text as scraped. */
  public String text() {
    return text;
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Every sample name (histograms as their {@code _bucket}, {@code _sum}, {@code _count}). */
  public Set<String> names() {
    return samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
  }

  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).collect(Collectors.toList());
  }

  /** The sum of the samples of {@code name} whose labels include all of {@code match}. */
  public double sum(String name, Map<String, String> match) {
    return samples(name).stream()
        .filter(s -> s.labels().entrySet().containsAll(match.entrySet()))
        .mapToDouble(Sample::value)
        .sum();
  }

  /** The distinct values of {@code label} among the samples of {@code name}. */
  public Set<String> labelValues(String name, String label) {
    return samples(name).stream()
        .map(s -> s.label(label))
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The {@code q} quantile of a histogram's {@code _bucket} samples that match, interpolated
   * linearly inside the bucket as PromQL's {@code histogram_quantile} does; NaN without data.
   */
  public double quantile(double q, String histogram, Map<String, String> match) {
    Map<Double, Double> cumulative = new TreeMap<>();
    for (Sample s : samples(histogram + "_bucket")) {
      if (s.labels().entrySet().containsAll(match.entrySet())) {
        cumulative.merge(value(s.label("le")), s.value(), Double::sum);
      }
    }
    if (cumulative.isEmpty()) {
      return Double.NaN;
    }
    double total = cumulative.get(Double.POSITIVE_INFINITY);
    if (total == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= rank) {
        if (bucket.getKey().isInfinite()) {
          return lowerBound;
        }
        double inBucket = bucket.getValue() - lowerCount;
        return inBucket == 0
            ? bucket.getKey()
            : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = bucket.getKey();
      lowerCount = bucket.getValue();
    }
    return lowerBound;
  }

  static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      rest = labels(line, brace + 1, labels);
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] valueAndTime = line.substring(rest).strip().split(" ");
    return new Sample(name, Collections.unmodifiableMap(labels), value(valueAndTime[0]));
  }

  // Reads label pairs up to the closing brace; returns the index after it.
  private static int labels(String line, int i, Map<String, String> labels) {
    while (line.charAt(i) != '}') {
      int eq = line.indexOf('=', i);
      String label = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      i = eq + 2; // past ="
      while (line.charAt(i) != '"') {
        char c = line.charAt(i++);
        if (c == '\\') {
          char escaped = line.charAt(i++);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      labels.put(label, value.toString());
      i++; // past the closing quote
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return i + 1;
  }

  private static double value(String text) {
    switch (text) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        return Double.parseDouble(text);
    }
  }
}
