package dev.llmobs.cost.catalog;

import java.math.BigDecimal;

/**
 * One price in USD per unit (per million tokens for token prices), either flat or tiered by the
 * call's total input tokens. Tiers are a cliff: above a threshold the tier price applies to every
 * unit, and the threshold is exclusive (exactly {@code start} tokens still pay the lower price).
 */
public final class Price {

  private final BigDecimal base;
  private final long[] tierStarts;
  private final BigDecimal[] tierPrices;

  private Price(BigDecimal base, long[] tierStarts, BigDecimal[] tierPrices) {
    this.base = base;
    this.tierStarts = tierStarts;
    this.tierPrices = tierPrices;
  }

  public static Price flat(BigDecimal price) {
    return new Price(price, new long[0], new BigDecimal[0]);
  }

  /** {@code starts} ascending, one price per start. */
  static Price tiered(BigDecimal base, long[] starts, BigDecimal[] prices) {
    return new Price(base, starts.clone(), prices.clone());
  }

  /** The price that applies to a call with {@code totalInputTokens} input tokens. */
  public BigDecimal at(long totalInputTokens) {
    for (int i = tierStarts.length - 1; i >= 0; i--) {
      if (totalInputTokens > tierStarts[i]) {
        return tierPrices[i];
      }
    }
    return base;
  }

  public boolean isTiered() {
    return tierStarts.length > 0;
  }

  @Override
  public String toString() {
    if (!isTiered()) {
      return base.toPlainString();
    }
    StringBuilder text = new StringBuilder(base.toPlainString());
    for (int i = 0; i < tierStarts.length; i++) {
      text.append(", ")
          .append(tierPrices[i].toPlainString())
          .append(" above ")
          .append(tierStarts[i]);
    }
    return text.toString();
  }
}
