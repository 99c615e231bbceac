package dev.llmobs.instrumentation.langchain4j.scenarios;

import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/** A provider's wire format, as the fake server answers: what the chat scenarios enqueue. */
public interface ProviderWire {

  /** The {@code gen_ai.provider.name} a client of this provider must report. */
  String providerName();

  /** The path a chat request is posted to. */
  String chatPath();

  /** A complete answer {@code text} that stopped normally. */
  MockResponse chat(String id, String model, String text, Usage usage);

  /** The same answer streamed: one event per piece of text, then the end with the usage. */
  MockResponse stream(String id, String model, List<String> pieces, Usage usage);

  /** An error answer with this HTTP status, in the provider's error shape. */
  MockResponse error(int status);
}
