package dev.llmobs.instrumentation.langchain4j.scenarios;

/**
 * A call the price catalog knows: the model asked for, the model the server answers with, the usage
 * it reports and the cost worked out by hand from the vendored catalog.
 */
public record PricedCall(String model, String responseModel, Usage usage, double cost) {}
