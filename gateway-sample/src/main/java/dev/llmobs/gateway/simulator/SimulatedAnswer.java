package dev.llmobs.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A deterministic answer to a prompt: the same model and prompt always give the same answer. */
record SimulatedAnswer(String id, long created, String text, SimulatedUsage usage) {

  private static final String[] WORDS = {
    "the",
    "gateway",
    "answers",
    "with",
    "a",
    "simulated",
    "reply",
    "about",
    "tokens",
    "traces",
    "latency",
    "models",
    "and",
    "observability",
    "for",
    "your",
    "request",
    "is",
    "handled",
    "deterministically",
    "so",
    "tests",
    "can",
    "rely",
    "on",
    "it"
  };

  // A fixed creation time keeps whole responses reproducible.
  private static final long CREATED = 1_750_000_000L;

  static SimulatedAnswer of(String model, String prompt) {
    return of(model, prompt, null);
  }

  /** {@code usage}, when not null, is reported exactly instead of the estimate. */
  static SimulatedAnswer of(String model, String prompt, SimulatedUsage usage) {
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
    if (usage == null) {
      long input = Math.max(1, estimateTokens(prompt));
      // Prompts long enough to be cached upstream report half of their tokens as cached.
      long cached = input >= 1024 ? input / 2 : 0;
      long reasoning = isReasoningModel(model) ? 16 + random.nextInt(48) : 0;
      usage = new SimulatedUsage(input, cached, 0, words + 1 + reasoning, reasoning);
    }
    return new SimulatedAnswer(Long.toHexString(seed), CREATED, text.toString(), usage);
  }

  static boolean isReasoningModel(String model) {
    return (model.length() > 1 && model.charAt(0) == 'o' && Character.isDigit(model.charAt(1)))
        || GeminiWire.isThinkingModel(model);
  }

  /** The text cut into {@code chunks} pieces (default: one per word) for streaming. */
  List<String> chunks(Integer chunks) {
    return split(text, chunks);
  }

  /** {@code text} cut into {@code chunks} pieces, or into words when {@code chunks} is null. */
  static List<String> split(String text, Integer chunks) {
    List<String> pieces = new ArrayList<>();
    if (chunks == null) {
      String[] words = text.split(" ");
      for (int i = 0; i < words.length; i++) {
        pieces.add(i == 0 ? words[i] : " " + words[i]);
      }
      return pieces;
    }
    int n = Math.min(chunks, text.length());
    for (int i = 0; i < n; i++) {
      pieces.add(text.substring(i * text.length() / n, (i + 1) * text.length() / n));
    }
    // More chunks than characters: the rest are empty deltas, so the count is still exact.
    for (int i = n; i < chunks; i++) {
      pieces.add("");
    }
    return pieces;
  }

  /** The dated snapshot name a real provider reports back for an alias. */
  static String responseModel(String requestModel, String snapshotSuffix) {
    return requestModel.matches(".*-\\d{4}-?\\d{2}-?\\d{2}$")
        ? requestModel
        : requestModel + snapshotSuffix;
  }

  // Roughly four characters a token, like the providers' own rule of thumb.
  static long estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }

  static long seed(String text) {
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
