package dev.llmobs.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Subscribes {@link AbstractChatSuite.StreamEvents} to the {@code AsyncStreamResponse} of a
 * Stainless-generated SDK (openai-java, anthropic-java): the same interface in each, with no type
 * in common, so it is called by name here rather than written once per provider.
 */
public final class StainlessAsyncStreams {

  /** {@code response.subscribe(handler)} with a handler that tells {@code events}. */
  @SuppressWarnings("unchecked")
  public static CompletableFuture<Void> subscribe(
      Object response, AbstractChatSuite.StreamEvents events) throws Exception {
    Method subscribe = method(response, "subscribe", 1);
    Class<?> handlerType = subscribe.getParameterTypes()[0];
    InvocationHandler handler =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "onNext":
              events.onNext();
              return null;
            case "onComplete":
              events.onComplete(((Optional<Throwable>) args[0]).orElse(null));
              return null;
            case "toString":
              return "StreamEvents handler";
            case "hashCode":
              return System.identityHashCode(proxy);
            case "equals":
              return proxy == args[0];
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        };
    subscribe.invoke(
        response,
        Proxy.newProxyInstance(
            handlerType.getClassLoader(), new Class<?>[] {handlerType}, handler));
    return (CompletableFuture<Void>) method(response, "onCompleteFuture", 0).invoke(response);
  }

  // From the SDK's public interface: the object itself may be of a class that is not public.
  private static Method method(Object target, String name, int parameters) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      for (Class<?> api : type.getInterfaces()) {
        for (Method method : api.getMethods()) {
          if (method.getName().equals(name) && method.getParameterCount() == parameters) {
            return method;
          }
        }
      }
    }
    throw new IllegalArgumentException(target.getClass() + " has no " + name);
  }

  private StainlessAsyncStreams() {}
}
