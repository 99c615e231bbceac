package dev.llmobs.genai;

/**
 * How an agent or tool operation ended: the tool's result (content capture only) and whether it
 * failed although nothing was thrown (a framework that turns a tool's failure into a result).
 */
public final class GenAiOperationResult {

  private String result;
  private String errorType;
  private boolean failed;

  /**
   * Records the tool's result when {@code capture} (the captured-content limit, 0 when capture is
   * off) allows; cut to it and marked like message content.
   */
  public GenAiOperationResult result(String result, int capture) {
    this.result = GenAiStrings.cut(result, capture);
    return this;
  }

  public String result() {
    return result;
  }

  public GenAiOperationResult errorType(String errorType) {
    this.errorType = GenAiStrings.cap(errorType);
    return this;
  }

  public String errorType() {
    return errorType;
  }

  /** The operation failed (a tool's result marked as an error), for a reason it does not name. */
  public GenAiOperationResult failed() {
    this.failed = true;
    return this;
  }

  boolean isFailed() {
    return failed;
  }
}
