package dev.llmobs.cost;

import dev.llmobs.cost.catalog.ModelPrices;
import dev.llmobs.cost.catalog.Price;
import java.math.BigDecimal;

/**
 * The exact USD cost of one call, in {@link BigDecimal}:
 *
 * <pre>
 * uncached input = input - cache_read - cache_write
 * cost = uncached input x input price + cache_read x cache-read price
 *      + cache_write x cache-write price + (output - reasoning) x output price
 *      + reasoning x reasoning price + requests price / 1000
 * </pre>
 *
 * with prices per million tokens. A price the model does not set falls back to its parent's, as in
 * genai-prices: cache read and cache write to the input price, reasoning to the output price; a
 * missing input or output price counts as zero. The tier of every tiered price is chosen by the
 * total input tokens (cache included).
 */
public final class CostCalculator {

  private CostCalculator() {}

  public static BigDecimal cost(ModelPrices prices, TokenUsage usage) {
    long tierBasis = usage.input();
    BigDecimal input = priceAt(prices.input(), null, tierBasis);
    BigDecimal output = priceAt(prices.output(), null, tierBasis);
    BigDecimal perMillion =
        input
            .multiply(BigDecimal.valueOf(usage.input() - usage.cacheRead() - usage.cacheWrite()))
            .add(
                priceAt(prices.cacheRead(), input, tierBasis)
                    .multiply(BigDecimal.valueOf(usage.cacheRead())))
            .add(
                priceAt(prices.cacheWrite(), input, tierBasis)
                    .multiply(BigDecimal.valueOf(usage.cacheWrite())))
            .add(output.multiply(BigDecimal.valueOf(usage.output() - usage.reasoning())))
            .add(
                priceAt(prices.reasoning(), output, tierBasis)
                    .multiply(BigDecimal.valueOf(usage.reasoning())));
    BigDecimal cost = perMillion.movePointLeft(6);
    if (prices.requests() != null) {
      cost = cost.add(prices.requests().at(tierBasis).movePointLeft(3));
    }
    return cost;
  }

  private static BigDecimal priceAt(Price price, BigDecimal fallback, long tierBasis) {
    if (price != null) {
      return price.at(tierBasis);
    }
    return fallback != null ? fallback : BigDecimal.ZERO;
  }

  /** Plain decimal text without trailing zeros, e.g. {@code 0.00725}. */
  public static String format(BigDecimal cost) {
    BigDecimal stripped = cost.stripTrailingZeros();
    return (stripped.signum() == 0 ? BigDecimal.ZERO : stripped).toPlainString();
  }
}
