package dev.llmobs.instrumentation.googlegenai.v1_18;

import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiStream;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The streams of our calls, by the SDK's {@code ResponseStream} the application iterates. Weak
 * keys: a stream the application drops leaves this map, and then its {@link GenAiStream} ends as
 * abandoned (or after the idle limit, whichever comes first). Public: the advice inlined into the
 * SDK's stream classes calls it.
 */
public final class GoogleGenAiStreams {

  private static final Map<Object, Followed> STREAMS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Follows {@code stream}, the result of {@code call}: its span ends when the stream does. */
  static void follow(GenAiCall call, Object stream) {
    try {
      if (!(stream instanceof ResponseStream)) {
        call.end(null, null);
        return;
      }
      GenAiStream<GenerateContentResponse> followed =
          call.stream(
              new GoogleGenAiStreamAccumulator(GenAiInstrumenter.captureContentMaxLength()));
      STREAMS.put(stream, new Followed(followed));
    } catch (Throwable t) {
      GenAiFailures.record(GoogleGenAiCalls.MODULE, t);
      call.end(null, null);
    }
  }

  /** The stream's iterator answered hasNext: false is the end of the stream. */
  public static void onHasNext(Object stream, boolean more, Throwable error) {
    if (more && error == null) {
      return;
    }
    Followed followed = STREAMS.remove(stream);
    if (followed != null) {
      followed.stream.finish(error);
    }
  }

  /** The stream's iterator handed out {@code chunk} or failed. */
  public static void onNext(Object stream, Object chunk, Throwable error) {
    Followed followed = STREAMS.get(stream);
    if (followed == null) {
      return;
    }
    if (error != null) {
      STREAMS.remove(stream);
      followed.stream.fail(error);
    } else if (chunk instanceof GenerateContentResponse) {
      followed.onChunk((GenerateContentResponse) chunk);
    }
  }

  /** The application closed the stream; after its end this changes nothing. */
  public static void onClose(Object stream) {
    Followed followed = STREAMS.remove(stream);
    if (followed != null) {
      followed.stream.closedByCaller();
    }
  }

  /** One followed stream. */
  static final class Followed {
    final GenAiStream<GenerateContentResponse> stream;
    // A resumed stream (2.x) hands out one chunk through nested calls of next(); count it once.
    private GenerateContentResponse last;

    Followed(GenAiStream<GenerateContentResponse> stream) {
      this.stream = stream;
    }

    synchronized void onChunk(GenerateContentResponse chunk) {
      if (chunk != last) {
        last = chunk;
        stream.onChunk(chunk);
      }
    }
  }

  private GoogleGenAiStreams() {}
}
