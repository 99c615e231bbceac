package dev.llmobs.genai;

import java.net.URI;
import java.util.List;

/**
 * The provider-neutral view of one GenAI call as it starts. A provider mapper fills in what its SDK
 * request holds; everything left null is simply not recorded. Strings are capped as they are set
 * ({@link GenAiStrings#cap}): a client of the application controls them.
 */
public final class GenAiRequest {

  private final String operationName;
  private final String providerName;
  private String requestModel;
  private String serverAddress;
  private Long serverPort;
  private Boolean stream;
  private Double temperature;
  private Double topP;
  private Double topK;
  private Long maxTokens;
  private Long seed;
  private List<String> stopSequences;
  private Long choiceCount;
  private Double frequencyPenalty;
  private Double presencePenalty;
  private String conversationId;
  private Long dimensionCount;
  private List<String> encodingFormats;
  private String inputMessages;
  private String toolDefinitions;

  public GenAiRequest(String operationName, String providerName) {
    this.operationName = operationName;
    this.providerName = providerName;
  }

  public String operationName() {
    return operationName;
  }

  public String providerName() {
    return providerName;
  }

  public String requestModel() {
    return requestModel;
  }

  public GenAiRequest requestModel(String requestModel) {
    this.requestModel = GenAiStrings.cap(requestModel);
    return this;
  }

  public String serverAddress() {
    return serverAddress;
  }

  public Long serverPort() {
    return serverPort;
  }

  /** Sets server.address and server.port from a base URL such as {@code https://host:8443/v1}. */
  public GenAiRequest serverFromUrl(String baseUrl) {
    if (baseUrl == null) {
      return this;
    }
    ServerUrl server = lastServerUrl;
    if (server == null || !server.baseUrl.equals(baseUrl)) {
      server = ServerUrl.parse(baseUrl);
      lastServerUrl = server;
    }
    if (server.address != null) {
      serverAddress = server.address;
      serverPort = server.port;
    }
    return this;
  }

  // An application talks to one base URL or a few: parsing it for every call cost more than the
  // rest of the request mapping.
  private static volatile ServerUrl lastServerUrl;

  /** A base URL's server.address and server.port; no address when unparsable or without host. */
  static final class ServerUrl {
    final String baseUrl;
    final String address;
    final Long port;

    private ServerUrl(String baseUrl, String address, Long port) {
      this.baseUrl = baseUrl;
      this.address = address;
      this.port = port;
    }

    static ServerUrl parse(String baseUrl) {
      try {
        URI uri = URI.create(baseUrl);
        if (uri.getHost() == null) {
          return new ServerUrl(baseUrl, null, null);
        }
        int port = uri.getPort();
        if (port < 0) {
          port = "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        }
        return new ServerUrl(baseUrl, GenAiStrings.cap(uri.getHost()), (long) port);
      } catch (IllegalArgumentException ignored) {
        // an unparsable base URL only costs us server.* attributes
        return new ServerUrl(baseUrl, null, null);
      }
    }
  }

  public Boolean stream() {
    return stream;
  }

  public GenAiRequest stream(Boolean stream) {
    this.stream = stream;
    return this;
  }

  public Double temperature() {
    return temperature;
  }

  public GenAiRequest temperature(Double temperature) {
    this.temperature = temperature;
    return this;
  }

  public Double topP() {
    return topP;
  }

  public GenAiRequest topP(Double topP) {
    this.topP = topP;
    return this;
  }

  public Double topK() {
    return topK;
  }

  public GenAiRequest topK(Double topK) {
    this.topK = topK;
    return this;
  }

  public Long maxTokens() {
    return maxTokens;
  }

  public GenAiRequest maxTokens(Long maxTokens) {
    this.maxTokens = maxTokens;
    return this;
  }

  public Long seed() {
    return seed;
  }

  public GenAiRequest seed(Long seed) {
    this.seed = seed;
    return this;
  }

  public List<String> stopSequences() {
    return stopSequences;
  }

  public GenAiRequest stopSequences(List<String> stopSequences) {
    this.stopSequences = GenAiStrings.cap(stopSequences);
    return this;
  }

  public Long choiceCount() {
    return choiceCount;
  }

  public GenAiRequest choiceCount(Long choiceCount) {
    this.choiceCount = choiceCount;
    return this;
  }

  public Double frequencyPenalty() {
    return frequencyPenalty;
  }

  public GenAiRequest frequencyPenalty(Double frequencyPenalty) {
    this.frequencyPenalty = frequencyPenalty;
    return this;
  }

  public Double presencePenalty() {
    return presencePenalty;
  }

  public GenAiRequest presencePenalty(Double presencePenalty) {
    this.presencePenalty = presencePenalty;
    return this;
  }

  public String conversationId() {
    return conversationId;
  }

  public GenAiRequest conversationId(String conversationId) {
    this.conversationId = GenAiStrings.cap(conversationId);
    return this;
  }

  public Long dimensionCount() {
    return dimensionCount;
  }

  public GenAiRequest dimensionCount(Long dimensionCount) {
    this.dimensionCount = dimensionCount;
    return this;
  }

  public List<String> encodingFormats() {
    return encodingFormats;
  }

  public GenAiRequest encodingFormats(List<String> encodingFormats) {
    this.encodingFormats = GenAiStrings.cap(encodingFormats);
    return this;
  }

  /** Captured input messages as semantic-convention JSON; set only when capture is enabled. */
  public String inputMessages() {
    return inputMessages;
  }

  public GenAiRequest inputMessages(String inputMessages) {
    this.inputMessages = inputMessages;
    return this;
  }

  /** Captured tool definitions as semantic-convention JSON; set only when capture is enabled. */
  public String toolDefinitions() {
    return toolDefinitions;
  }

  public GenAiRequest toolDefinitions(String toolDefinitions) {
    this.toolDefinitions = toolDefinitions;
    return this;
  }
}
