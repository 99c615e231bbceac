package dev.llmobs.genai;

/**
 * The provider-neutral view of an agent or tool operation as it starts: {@code invoke_agent} (an
 * agent run, such as a LangChain4j AI Service call) or {@code execute_tool} (a tool the application
 * runs for a model). Names and ids are capped as they are set; the tool-call arguments are content,
 * set only when content capture is on.
 */
public final class GenAiOperationRequest {

  private final String operationName;
  private final String name;
  private String providerName;
  private String agentId;
  private String toolCallId;
  private String toolType;
  private String toolDescription;
  private String arguments;
  private Object identity;

  private GenAiOperationRequest(String operationName, String name) {
    this.operationName = operationName;
    this.name = GenAiStrings.cap(name);
  }

  /** An agent run; {@code agentName} may be null when the agent has no name. */
  public static GenAiOperationRequest invokeAgent(String agentName) {
    return new GenAiOperationRequest(GenAiSemconv.OPERATION_INVOKE_AGENT, agentName);
  }

  /** A tool execution, of type {@code function} unless {@link #toolType} says otherwise. */
  public static GenAiOperationRequest executeTool(String toolName) {
    return new GenAiOperationRequest(GenAiSemconv.OPERATION_EXECUTE_TOOL, toolName)
        .toolType(GenAiSemconv.TOOL_TYPE_FUNCTION);
  }

  public String operationName() {
    return operationName;
  }

  /** The agent's name (invoke_agent) or the tool's (execute_tool); may be null. */
  public String name() {
    return name;
  }

  public boolean isTool() {
    return GenAiSemconv.OPERATION_EXECUTE_TOOL.equals(operationName);
  }

  public String providerName() {
    return providerName;
  }

  public GenAiOperationRequest providerName(String providerName) {
    this.providerName = GenAiStrings.cap(providerName);
    return this;
  }

  public String agentId() {
    return agentId;
  }

  public GenAiOperationRequest agentId(String agentId) {
    this.agentId = GenAiStrings.cap(agentId);
    return this;
  }

  public String toolCallId() {
    return toolCallId;
  }

  public GenAiOperationRequest toolCallId(String toolCallId) {
    this.toolCallId = GenAiStrings.cap(toolCallId);
    return this;
  }

  public String toolType() {
    return toolType;
  }

  public GenAiOperationRequest toolType(String toolType) {
    this.toolType = GenAiStrings.cap(toolType);
    return this;
  }

  public String toolDescription() {
    return toolDescription;
  }

  /** The tool's description as the application declared it (code, not content); capped. */
  public GenAiOperationRequest toolDescription(String toolDescription) {
    this.toolDescription = GenAiStrings.cap(toolDescription);
    return this;
  }

  /** The tool-call arguments as captured (content capture only), cut to the limit. */
  public String arguments() {
    return arguments;
  }

  /**
   * Records the tool-call arguments when {@code capture} (the captured-content limit, 0 when
   * capture is off) allows; cut to it and marked like message content.
   */
  public GenAiOperationRequest arguments(String arguments, int capture) {
    this.arguments = GenAiStrings.cut(arguments, capture);
    return this;
  }

  /**
   * What makes an operation the same as a running one entered again by an inner layer of the same
   * framework (the same tool request object, the same agent method): such a layer starts nothing.
   */
  public GenAiOperationRequest identity(Object identity) {
    this.identity = identity;
    return this;
  }

  Object identity() {
    return identity;
  }
}
