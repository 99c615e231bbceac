package dev.llmobs.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/** A deterministic answer to a prompt: the same model and prompt always give the same answer. */
record SimulatedAnswer(
    String id,
    long created,
    String text,
    long inputTokens,
    long cachedTokens,
    long outputTokens,
    long reasoningTokens) {

  private static final String[] WORDS = {
    "the", "gateway", "answers", "with", "a", "simulated", "reply", "about", "tokens", "traces",
    "latency", "models", "and", "observability", "for", "your", "request", "is", "handled",
    "deterministically", "so", "tests", "can", "rely", "on", "it"
  };

  // A fixed creation time keeps whole responses reproducible.
  private static final long CREATED = 1_750_000_000L;

  static SimulatedAnswer of(String model, String prompt) {
    long seed = seed(model + '\n' + prompt);
    SplittableRandom random = new SplittableRandom(seed);
    int words = 8 + random.nextInt(24);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      if (i == 0) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      text.append(i == 0 ? "" : " ").append(word);
    }
    text.append('.');
    long inputTokens = Math.max(1, estimateTokens(prompt));
    // Prompts long enough to be cached upstream report half of their tokens as cached.
    long cachedTokens = inputTokens >= 1024 ? inputTokens / 2 : 0;
    long reasoningTokens = model.startsWith("o") ? 16 + random.nextInt(48) : 0;
    long outputTokens = words + 1 + reasoningTokens;
    return new SimulatedAnswer(
        Long.toHexString(seed),
        CREATED,
        text.toString(),
        inputTokens,
        cachedTokens,
        outputTokens,
        reasoningTokens);
  }

  /** The dated snapshot name a real provider reports back for an alias. */
  String responseModel(String requestModel) {
    return requestModel.matches(".*-\\d{4}-\\d{2}-\\d{2}$") ? requestModel : requestModel + "-2024-08-06";
  }

  // Roughly four characters a token, like the providers' own rule of thumb.
  static long estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }

  private static long seed(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long seed = 0;
      for (int i = 0; i < 8; i++) {
        seed = (seed << 8) | (digest[i] & 0xff);
      }
      return seed;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
