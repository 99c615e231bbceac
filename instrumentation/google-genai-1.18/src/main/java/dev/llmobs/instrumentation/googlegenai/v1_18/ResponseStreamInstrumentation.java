package dev.llmobs.instrumentation.googlegenai.v1_18;

import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The {@code ResponseStream} a streamed call returns is a class of the SDK, not an interface we
 * could wrap: its own iterator reports every chunk, its exhaustion and its failures, and its {@code
 * close()} an early close, to the span of the stream (if the stream is one of ours).
 */
public final class ResponseStreamInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "com.google.genai.ResponseStream",
        "com.google.genai.ResponseStream$ResponseStreamIterator");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("hasNext").and(takesArguments(0)), getClass().getName() + "$HasNextAdvice");
    transformer.applyAdviceToMethod(
        named("next").and(takesArguments(0)).and(not(isBridge())),
        getClass().getName() + "$NextAdvice");
    transformer.applyAdviceToMethod(
        named("close").and(takesArguments(0)), getClass().getName() + "$CloseAdvice");
  }

  @SuppressWarnings("unused")
  public static class HasNextAdvice {

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.FieldValue(value = "this$0", typing = Assigner.Typing.DYNAMIC) Object stream,
        @Advice.Return boolean more,
        @Advice.Thrown Throwable error) {
      GoogleGenAiStreams.onHasNext(stream, more, error);
    }
  }

  @SuppressWarnings("unused")
  public static class NextAdvice {

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.FieldValue(value = "this$0", typing = Assigner.Typing.DYNAMIC) Object stream,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object chunk,
        @Advice.Thrown Throwable error) {
      GoogleGenAiStreams.onNext(stream, chunk, error);
    }
  }

  @SuppressWarnings("unused")
  public static class CloseAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Object stream) {
      GoogleGenAiStreams.onClose(stream);
    }
  }
}
