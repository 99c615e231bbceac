package dev.llmobs.genai.stainless;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiRequest;
import io.opentelemetry.context.Context;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;

/**
 * The advice entry of the Stainless SDKs, shared by their provider modules. Every call of such an
 * SDK, blocking or async, plain or {@code withRawResponse()}, made by any client ({@code
 * withOptions}, hand-made clients), goes through the service's {@code WithRawResponseImpl}: the
 * plain service methods call it and parse what it returns. So the span lives there:
 *
 * <ul>
 *   <li>the raw layer starts the span and returns the SDK's {@code HttpResponseFor} wrapped: its
 *       {@code parse()} ends the span with the parsed result, or hands a streamed result to a
 *       {@code GenAiStream}; closing it unparsed ends the span too, and an unread one that the
 *       application drops is ended as abandoned;
 *   <li>an async raw call returns a future completed in the caller's context;
 *   <li>the plain blocking {@code create} starts the call and hands it over to the raw layer it
 *       calls, which returns the SDK's response unwrapped: the plain layer gets the parsed result
 *       (or the error) itself and ends the span with it. A plain call, the most common kind, costs
 *       no wrapper, no reflective {@code parse()} and no abandonment watch;
 *   <li>the plain async {@code create} also starts the call (and hands it over to the raw layer it
 *       calls), only to see the future it returns: cancelling that future ends the span as
 *       cancelled.
 * </ul>
 */
public final class StainlessCalls {

  static final String RAW_LAYER = "$WithRawResponseImpl";

  // A plain call that starts no span (its request could not be mapped, or tracing is suppressed
  // here): the raw layer it calls must not try again, which would fail, and count, twice.
  private static final ThreadLocal<Object> PLAIN_LAYER_SKIPPED = new ThreadLocal<>();
  private static final Object SKIPPED = new Object();

  private static final ClassValue<Method> BASE_URL =
      new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
          try {
            return type.getMethod("baseUrl");
          } catch (NoSuchMethodException e) {
            // anthropic-java before 2.2: server.* stay unknown
            return null;
          }
        }
      };

  /**
   * Method enter: starts (or, in the raw layer under a plain call, takes over) the call. Returns
   * what {@link #exit} needs, null when there is nothing to trace.
   *
   * @param serviceType the instrumented class's name
   * @param method the instrumented method's name: {@code create}, {@code createStreaming}
   * @param params the method's params object
   * @param clientOptions the service's {@code clientOptions} field
   */
  public static Object enter(
      StainlessSdk sdk, String serviceType, String method, Object params, Object clientOptions) {
    boolean raw = serviceType.endsWith(RAW_LAYER);
    try {
      boolean streaming = method.contains("Stream");
      if (raw) {
        GenAiCall handedOver = GenAiCall.claim(Context.current());
        if (handedOver != null) {
          return new StainlessCall(sdk, handedOver, params, streaming, true, false);
        }
        if (PLAIN_LAYER_SKIPPED.get() != null) {
          return null;
        }
      }
      GenAiCall call =
          GenAiCall.start(sdk.module(), request(sdk, params, streaming, clientOptions));
      if (call == null) {
        return raw ? null : skipped();
      }
      if (!raw) {
        call.handOver();
      }
      return new StainlessCall(sdk, call, params, streaming, raw, true);
    } catch (Throwable t) {
      GenAiFailures.record(sdk.module(), t);
      return raw ? null : skipped();
    }
  }

  /** Method exit: what the SDK method returns, wrapped where the span must see it. */
  public static Object exit(Object call, Object result, Throwable error) {
    if (call == SKIPPED) {
      PLAIN_LAYER_SKIPPED.remove();
      return result;
    }
    return call == null ? result : ((StainlessCall) call).exit(result, error);
  }

  private static Object skipped() {
    PLAIN_LAYER_SKIPPED.set(SKIPPED);
    return SKIPPED;
  }

  private static GenAiRequest request(
      StainlessSdk sdk, Object params, boolean streaming, Object clientOptions) {
    GenAiRequest request =
        sdk.request(params, streaming, GenAiInstrumenter.captureContentMaxLength());
    if (request != null && clientOptions != null) {
      request.serverFromUrl(baseUrl(clientOptions));
    }
    return request;
  }

  private static String baseUrl(Object clientOptions) {
    BaseUrl last = lastBaseUrl;
    if (last != null && last.options.get() == clientOptions) {
      return last.url;
    }
    Method baseUrl = BASE_URL.get(clientOptions.getClass());
    if (baseUrl == null) {
      return null;
    }
    try {
      String url = (String) baseUrl.invoke(clientOptions);
      lastBaseUrl = new BaseUrl(clientOptions, url);
      return url;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // an unreadable base URL only costs us server.* attributes
      return null;
    }
  }

  // A client's options never change, and an application has one client or a few: the base URL of
  // the options seen last is kept (weakly) rather than read reflectively on every call.
  private static volatile BaseUrl lastBaseUrl;

  private static final class BaseUrl {
    final WeakReference<Object> options;
    final String url;

    BaseUrl(Object options, String url) {
      this.options = new WeakReference<>(options);
      this.url = url;
    }
  }

  private StainlessCalls() {}
}
