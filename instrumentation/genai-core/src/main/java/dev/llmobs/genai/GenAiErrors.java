package dev.llmobs.genai;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Turns a failed call into a low-cardinality {@code error.type}: the HTTP status code when the
 * provider answered with one ({@code rate_limited} for 429), {@code timeout} and {@code cancelled}
 * when anything in the cause chain says so, else the exception's class name. A timeout is an {@code
 * InterruptedIOException} or any exception whose class, or a superclass, is named {@code
 * *TimeoutException}: the JDK HTTP client's {@code HttpTimeoutException} is a plain {@code
 * IOException}, and frameworks such as LangChain4j wrap timeouts in a {@code TimeoutException} of
 * their own. The status is read the same way for every SDK: a public no-argument {@code
 * statusCode()}, {@code code()}, {@code getStatusCode()} or {@code status()} of the exception that
 * yields an HTTP status (an int, or an object with an int {@code value()} such as Spring's {@code
 * HttpStatusCode}).
 *
 * <p>With content capture off, the exception event carries no free text: provider error messages
 * may quote the request. {@link #redactedException} gives the type, status and error code instead.
 */
public final class GenAiErrors {

  private static final String[] STATUS_METHODS = {"statusCode", "getStatusCode", "code", "status"};
  private static final String[] ERROR_CODE_METHODS = {"code", "errorCode", "getErrorCode"};
  private static final String[] ERROR_TYPE_METHODS = {"type", "errorType"};

  private static final ClassValue<Method[]> STATUS = accessors(STATUS_METHODS);
  private static final ClassValue<Method[]> ERROR_CODE = accessors(ERROR_CODE_METHODS);
  private static final ClassValue<Method[]> ERROR_TYPE = accessors(ERROR_TYPE_METHODS);

  private static String fromHttpStatus(int statusCode) {
    return statusCode == 429 ? GenAiSemconv.ERROR_RATE_LIMITED : Integer.toString(statusCode);
  }

  /** The error.type of {@code error}; see the class comment. */
  public static String classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Integer status = httpStatus(t);
      if (status != null) {
        return fromHttpStatus(status);
      }
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // SocketTimeoutException is an InterruptedIOException too.
      if (t instanceof InterruptedIOException || isNamedTimeout(t.getClass())) {
        return GenAiSemconv.ERROR_TIMEOUT;
      }
      if (t instanceof CancellationException) {
        return GenAiSemconv.ERROR_CANCELLED;
      }
    }
    return error == null ? GenAiSemconv.ERROR_OTHER : GenAiStrings.cap(error.getClass().getName());
  }

  private static boolean isNamedTimeout(Class<?> type) {
    for (Class<?> c = type; c != null && c != Throwable.class; c = c.getSuperclass()) {
      if (c.getName().endsWith("TimeoutException")) {
        return true;
      }
    }
    return false;
  }

  /** The HTTP status the SDK attached to {@code error}, or null. */
  static Integer httpStatus(Throwable error) {
    for (Method method : STATUS.get(error.getClass())) {
      Object value = invoke(method, error);
      if (value != null && !(value instanceof Number)) {
        value = invoke(accessor(value.getClass(), "value"), value);
      }
      if (value instanceof Number) {
        int status = ((Number) value).intValue();
        if (status >= 100 && status <= 599) {
          return status;
        }
      }
    }
    return null;
  }

  /**
   * The attributes of an exception event without the exception's message: type, and a message made
   * of the HTTP status and the provider's error type and code when the SDK exposes them; the stack
   * trace keeps its frames and the causes' types, without their messages.
   */
  /**
   * The exception to record on the span of {@code context}: {@code error} itself when content
   * capture is on; else null, after adding an exception event without free text.
   */
  static Throwable recordable(Context context, Throwable error) {
    if (error != null && GenAiInstrumenter.captureContentMaxLength() == 0) {
      // The exception's message may quote the request: record it without free text.
      Span.fromContext(context).addEvent("exception", redactedException(error));
      return null;
    }
    return error;
  }

  public static Attributes redactedException(Throwable error) {
    AttributesBuilder attributes =
        Attributes.builder().put(GenAiSemconv.EXCEPTION_TYPE, error.getClass().getName());
    StringBuilder message = new StringBuilder();
    Integer status = httpStatus(error);
    if (status != null) {
      message.append("status=").append(status);
    }
    appendText(message, "type", text(ERROR_TYPE.get(error.getClass()), error));
    appendText(message, "code", text(ERROR_CODE.get(error.getClass()), error));
    if (message.length() > 0) {
      attributes.put(GenAiSemconv.EXCEPTION_MESSAGE, message.toString());
    }
    attributes.put(GenAiSemconv.EXCEPTION_STACKTRACE, stackTraceWithoutMessages(error));
    return attributes.build();
  }

  private static void appendText(StringBuilder message, String name, String value) {
    if (value != null) {
      message.append(message.length() == 0 ? "" : " ").append(name).append('=').append(value);
    }
  }

  // A short identifier-like string (error codes are such); anything else might be free text.
  private static String text(Method[] methods, Object target) {
    for (Method method : methods) {
      Object value = invoke(method, target);
      if (value instanceof Optional) {
        value = ((Optional<?>) value).orElse(null);
      }
      if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
        String string = value.toString();
        if (string.length() <= 64 && string.matches("[A-Za-z0-9_.:-]+")) {
          return string;
        }
      }
    }
    return null;
  }

  static String stackTraceWithoutMessages(Throwable error) {
    StringBuilder trace = new StringBuilder();
    int depth = 0;
    for (Throwable t = error;
        t != null && depth < 10;
        t = t.getCause() == t ? null : t.getCause()) {
      trace.append(depth == 0 ? "" : "Caused by: ").append(t.getClass().getName()).append('\n');
      for (StackTraceElement frame : t.getStackTrace()) {
        trace.append("\tat ").append(frame).append('\n');
      }
      depth++;
    }
    return trace.toString();
  }

  private static Object invoke(Method method, Object target) {
    if (method == null) {
      return null;
    }
    try {
      return method.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static ClassValue<Method[]> accessors(final String[] names) {
    return new ClassValue<Method[]>() {
      @Override
      protected Method[] computeValue(Class<?> type) {
        java.util.List<Method> found = new java.util.ArrayList<>();
        for (String name : names) {
          Method method = accessor(type, name);
          if (method != null && method.getReturnType() != void.class) {
            found.add(method);
          }
        }
        return found.toArray(new Method[0]);
      }
    };
  }

  // A public no-argument method, callable even when declared by a non-public class.
  private static Method accessor(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
        method.setAccessible(true);
      }
      return method;
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }

  private GenAiErrors() {}
}
