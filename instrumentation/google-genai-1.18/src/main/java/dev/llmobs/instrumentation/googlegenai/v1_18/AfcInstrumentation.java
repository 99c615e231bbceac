package dev.llmobs.instrumentation.googlegenai.v1_18;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import java.lang.reflect.Method;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AfcUtil.getFunctionResponse(Method, args, ..)}, where automatic function calling invokes
 * one of the application's methods. See {@link GoogleGenAiTools}.
 */
public final class AfcInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("com.google.genai.AfcUtil");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("getFunctionResponse").and(isStatic()).and(takesArgument(0, Method.class)),
        getClass().getName() + "$InvokeAdvice");
  }

  @SuppressWarnings("unused")
  public static final class InvokeAdvice {

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object onEnter(
        @Advice.Argument(0) Object method, @Advice.Argument(1) Object args) {
      return GoogleGenAiTools.enter(method, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
        @Advice.Enter Object operation,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable error) {
      GoogleGenAiTools.exit(operation, result, error);
    }

    private InvokeAdvice() {}
  }
}
