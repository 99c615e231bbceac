package dev.llmobs.bench.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One openai-java chat completion, and one streamed to its end, over loopback HTTP. Which agent (if
 * any) is attached is decided by the launcher per fork ({@link OverheadBenchmarkMain}); the code
 * measured is the same in every variant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpenAiCallBenchmark {

  private FakeOpenAiServer server;
  private OpenAIClient client;
  private ChatCompletionCreateParams params;
  private ChatCompletionCreateParams streamParams;

  @Setup
  public void setUp() throws IOException {
    server = new FakeOpenAiServer();
    client = OneCall.client(server);
    params = OneCall.params().build();
    streamParams =
        OneCall.params()
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .build();
  }

  @TearDown
  public void tearDown() throws IOException {
    client.close();
    server.close();
  }

  @Benchmark
  public ChatCompletion chat() {
    return client.chat().completions().create(params);
  }

  @Benchmark
  public void chatStreaming(Blackhole blackhole) {
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(streamParams)) {
      stream.stream().forEach(blackhole::consume);
    }
  }
}
