package dev.llmobs.cost.otel;

import dev.llmobs.cost.PriceLookup;
import dev.llmobs.cost.catalog.CatalogLoader;
import dev.llmobs.cost.usage.JsonLinesUsageSink;
import dev.llmobs.cost.usage.UsageEventDispatcher;
import dev.llmobs.cost.usage.UsageSink;
import dev.llmobs.genai.GenAiBaggageLabels;
import dev.llmobs.genai.GenAiConfig;
import dev.llmobs.genai.MetricLabelCap;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds the cost span processor from the llmobs options. */
public final class CostSpanProcessors {

  private static final Logger logger = Logger.getLogger(CostSpanProcessors.class.getName());

  private CostSpanProcessors() {}

  /**
   * The processor for the agent. The catalog is parsed on a background thread started by the first
   * GenAI span (the span waits for it at its end if it comes to that first), not at start-up, where
   * its parsing competed with the application's own start; meters and log bridge are taken from
   * {@code openTelemetry} on first use, since the SDK is still being built when this runs.
   */
  public static CostSpanProcessor create(
      GenAiConfig config, Supplier<OpenTelemetry> openTelemetry) {
    LazyCatalog catalog = new LazyCatalog(config.pricingFile());
    List<UsageSink> sinks = sinks(config, openTelemetry);
    UsageEventDispatcher dispatcher =
        sinks.isEmpty() ? null : new UsageEventDispatcher(sinks, config.usageQueueSize());
    GenAiBaggageLabels baggageLabels = new GenAiBaggageLabels(config.costBaggageLabels());
    MetricLabelCap labelCap = new MetricLabelCap(config.metricsMaxLabelValues());
    Supplier<CostMetrics> metrics =
        memoize(
            () ->
                new CostMetrics(
                    openTelemetry.get().getMeter(CostMetrics.SCOPE),
                    dispatcher,
                    labelCap,
                    baggageLabels));
    return new CostSpanProcessor(
        catalog,
        catalog::start,
        metrics,
        dispatcher,
        config.usageTenantBaggageKey(),
        baggageLabels);
  }

  /** The price lookup, its catalog parsed once on a thread of its own when first wanted. */
  static final class LazyCatalog implements Supplier<PriceLookup> {
    private final String pricingFile;
    private final CompletableFuture<PriceLookup> lookup = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    LazyCatalog(String pricingFile) {
      this.pricingFile = pricingFile;
    }

    /** Starts parsing unless it has started. */
    void start() {
      if (started.get() || !started.compareAndSet(false, true)) {
        return;
      }
      Thread loader =
          new Thread(
              () -> {
                try {
                  lookup.complete(
                      new PriceLookup(
                          CatalogLoader.builtInWithOverrides(pricingFile, logger::warning)));
                } catch (Throwable t) {
                  lookup.completeExceptionally(t);
                }
              },
              "llmobs-price-catalog");
      loader.setDaemon(true);
      loader.start();
    }

    @Override
    public PriceLookup get() {
      start();
      return lookup.join();
    }
  }

  static List<UsageSink> sinks(GenAiConfig config, Supplier<OpenTelemetry> openTelemetry) {
    List<UsageSink> sinks = new ArrayList<>();
    if (config.usageLogsEnabled()) {
      sinks.add(new OtelLogUsageSink(openTelemetry));
    }
    if (config.usageFile() != null) {
      sinks.add(new JsonLinesUsageSink(Paths.get(config.usageFile())));
    }
    Iterator<UsageSink> found =
        ServiceLoader.load(UsageSink.class, UsageSink.class.getClassLoader()).iterator();
    // A broken provider entry is skipped; the bound guards iterators that keep failing.
    for (int attempts = 0; attempts < 100; attempts++) {
      try {
        if (!found.hasNext()) {
          break;
        }
        sinks.add(found.next());
      } catch (ServiceConfigurationError e) {
        logger.log(Level.WARNING, "llmobs: a usage sink could not be loaded and is skipped", e);
      }
    }
    return sinks;
  }

  static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<T>() {
      private volatile T value;

      @Override
      public T get() {
        T current = value;
        if (current == null) {
          synchronized (this) {
            current = value;
            if (current == null) {
              current = supplier.get();
              value = current;
            }
          }
        }
        return current;
      }
    };
  }
}
