package dev.llmobs.genai.stainless;

import dev.llmobs.genai.GenAiCall;
import dev.llmobs.genai.GenAiFailures;
import dev.llmobs.genai.GenAiInstrumenter;
import dev.llmobs.genai.GenAiStream;
import dev.llmobs.genai.GenAiStreamAccumulator;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The SDK's own response objects, unchanged for the caller, seen by the span on the way: a {@code
 * HttpResponseFor} whose {@code parse()} and {@code close()} end the span, and a {@code
 * StreamResponse} whose {@code stream()} feeds a {@code GenAiStream}. Both SDKs have these
 * interfaces under their own package names, so the wrappers are dynamic proxies of whatever
 * interfaces the SDK's object implements; every other method goes to the SDK's object.
 */
final class StainlessResponses {

  /** {@code httpResponseFor} wrapped, or itself (and the span ended) when it cannot be. */
  static Object rawResponse(StainlessCall stainless, Object httpResponseFor) {
    try {
      RawResponse handler = new RawResponse(stainless, httpResponseFor);
      Object proxy = proxy(httpResponseFor, handler);
      // The handler, not the proxy: while parse() runs, the JIT may drop the proxy (nothing uses
      // it after the call begins), but the handler stays reachable until parse() has ended the
      // span.
      handler.watchToken = stainless.call().watch(handler);
      return proxy;
    } catch (Throwable t) {
      GenAiFailures.record(stainless.sdk().module(), t);
      stainless.call().end(null, null);
      return httpResponseFor;
    }
  }

  // The SDK's response classes are few; walking their hierarchy for every call showed in profiles.
  private static final ClassValue<Class<?>[]> INTERFACES =
      new ClassValue<Class<?>[]>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
          return interfaces(type);
        }
      };

  private static Object proxy(Object delegate, InvocationHandler handler) {
    Class<?>[] interfaces = INTERFACES.get(delegate.getClass());
    return Proxy.newProxyInstance(interfaces[0].getClassLoader(), interfaces, handler);
  }

  // Every interface of the class and its superclasses, from the SDK's class loader.
  private static Class<?>[] interfaces(Class<?> type) {
    Set<Class<?>> found = new LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> candidate : c.getInterfaces()) {
        found.add(candidate);
      }
    }
    List<Class<?>> visible = new ArrayList<>();
    ClassLoader loader = found.isEmpty() ? null : found.iterator().next().getClassLoader();
    for (Class<?> candidate : found) {
      if (candidate.getClassLoader() == loader) {
        visible.add(candidate);
      }
    }
    if (visible.isEmpty()) {
      throw new IllegalArgumentException("no interface to wrap on " + type.getName());
    }
    return visible.toArray(new Class<?>[0]);
  }

  private static Object delegateTo(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static boolean is(Method method, String name, Object[] args) {
    return method.getName().equals(name) && (args == null || args.length == 0);
  }

  // equals and hashCode of a proxy are those of the proxy itself, as for any wrapper object.
  private static Object identity(Object proxy, Method method, Object[] args) {
    if (method.getName().equals("equals") && args != null && args.length == 1) {
      return proxy == args[0];
    }
    if (is(method, "hashCode", args)) {
      return System.identityHashCode(proxy);
    }
    return null;
  }

  /** A raw response: its first successful {@code parse()} or its {@code close()} ends the span. */
  static final class RawResponse implements InvocationHandler {
    private final StainlessCall stainless;
    private final Object delegate;
    volatile Object watchToken;
    private Object streamProxy;

    RawResponse(StainlessCall stainless, Object delegate) {
      this.stainless = stainless;
      this.delegate = delegate;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object identity = identity(proxy, method, args);
      if (identity != null) {
        return identity;
      }
      if (is(method, "parse", args)) {
        return parse(method);
      }
      if (is(method, "close", args)) {
        closed();
      }
      return delegateTo(delegate, method, args);
    }

    private Object parse(Method method) throws Throwable {
      GenAiCall call = stainless.call();
      Object parsed;
      try {
        parsed = delegateTo(delegate, method, null);
      } catch (Throwable error) {
        GenAiCall.unwatch(watchToken);
        call.end(null, error);
        throw error;
      }
      if (!stainless.streaming()) {
        GenAiCall.unwatch(watchToken);
        call.endWith(
            result -> stainless.sdk().response(result, GenAiInstrumenter.captureContentMaxLength()),
            parsed);
        return parsed;
      }
      return streamOf(parsed);
    }

    // The SDK parses once and returns that result ever after; so do we with its wrapper.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private synchronized Object streamOf(Object streamResponse) {
      if (streamProxy == null) {
        GenAiCall call = stainless.call();
        try {
          GenAiStreamAccumulator accumulator =
              stainless
                  .sdk()
                  .accumulator(stainless.params(), GenAiInstrumenter.captureContentMaxLength());
          GenAiStream<Object> stream = call.stream(accumulator);
          streamProxy = proxy(streamResponse, new StreamResponse(stream, streamResponse));
        } catch (Throwable t) {
          GenAiFailures.record(stainless.sdk().module(), t);
          call.end(null, null);
          streamProxy = streamResponse;
        } finally {
          // From here the stream watches itself.
          GenAiCall.unwatch(watchToken);
        }
      }
      return streamProxy;
    }

    // Closed before parse: the caller read the body itself (or not at all). After a streamed
    // parse, closing the raw response closes the stream: the stream's close says so.
    private void closed() {
      Object stream = streamProxy;
      if (stream == null) {
        GenAiCall.unwatch(watchToken);
        stainless.call().end(null, null);
      } else if (Proxy.isProxyClass(stream.getClass())) {
        InvocationHandler handler = Proxy.getInvocationHandler(stream);
        if (handler instanceof StreamResponse) {
          ((StreamResponse) handler).stream.closedByCaller();
        }
      }
    }
  }

  /** A streamed response: {@code stream()} is followed, {@code close()} ends it early. */
  static final class StreamResponse implements InvocationHandler {
    private final GenAiStream<Object> stream;
    private final Object delegate;

    StreamResponse(GenAiStream<Object> stream, Object delegate) {
      this.stream = stream;
      this.delegate = delegate;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object identity = identity(proxy, method, args);
      if (identity != null) {
        return identity;
      }
      if (is(method, "stream", args)) {
        Object source = delegateTo(delegate, method, args);
        return source instanceof Stream ? stream.wrap((Stream<Object>) source) : source;
      }
      if (is(method, "close", args)) {
        // Before the delegate: closing it mid-stream may make a reader thread fail.
        stream.closedByCaller();
      }
      return delegateTo(delegate, method, args);
    }
  }

  private StainlessResponses() {}
}
