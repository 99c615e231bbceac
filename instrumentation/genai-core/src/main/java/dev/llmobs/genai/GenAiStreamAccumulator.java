package dev.llmobs.genai;

/**
 * What a provider module supplies for a streamed call: it sees every chunk, in order, and builds
 * the response view (id, model, finish reasons, usage) from them. Called on the consumer's thread.
 */
public interface GenAiStreamAccumulator<T> {

  /**
   * Takes one chunk as the SDK handed it to the application.
   *
   * @return true when the chunk carries output, so it counts toward time to first chunk and the
   *     chunk count (a bare usage or bookkeeping event does not)
   */
  boolean accept(T chunk);

  /** The response seen so far; called once, when the stream ends in any way. */
  GenAiResponse response();
}
