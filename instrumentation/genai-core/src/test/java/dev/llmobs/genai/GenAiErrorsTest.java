package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class GenAiErrorsTest {

  @Test
  void statusCodeWinsAndRateLimitHasItsOwnName() {
    assertThat(GenAiErrors.classify(new StatusException(500))).isEqualTo("500");
    assertThat(GenAiErrors.classify(new StatusException(429))).isEqualTo("rate_limited");
    assertThat(GenAiErrors.classify(new RuntimeException(new StatusException(503))))
        .isEqualTo("503");
  }

  @Test
  void aStatusObjectWithAValueCountsToo() {
    assertThat(GenAiErrors.classify(new SpringLikeException())).isEqualTo("404");
  }

  @Test
  void numbersThatAreNoHttpStatusAreIgnored() {
    assertThat(GenAiErrors.classify(new StatusException(7)))
        .isEqualTo(StatusException.class.getName());
  }

  @Test
  void timeoutAndCancelAreFoundInTheCauseChain() {
    assertThat(GenAiErrors.classify(new IOException(new SocketTimeoutException())))
        .isEqualTo("timeout");
    assertThat(GenAiErrors.classify(new RuntimeException(new CancellationException())))
        .isEqualTo("cancelled");
  }

  @Test
  void timeoutsNamedSoCountAsTimeouts() {
    // The JDK HTTP client's timeout is a plain IOException (java.net.http is not in Java 8, so a
    // look-alike here); frameworks wrap it in their own.
    assertThat(GenAiErrors.classify(new FrameworkTimeoutException(new HttpTimeoutException())))
        .isEqualTo("timeout");
    assertThat(GenAiErrors.classify(new HttpTimeoutException())).isEqualTo("timeout");
    assertThat(GenAiErrors.classify(new SlowCall())).isEqualTo("timeout");
    // A status code still wins over a timeout further down the chain.
    assertThat(GenAiErrors.classify(new StatusException(504))).isEqualTo("504");
  }

  @Test
  void theJdkHttpClientsTimeoutsAreTimeouts() throws Exception {
    // java.net.http is not in this module's --release 8 API; the tests run on 11+.
    Throwable requestTimeout =
        (Throwable)
            Class.forName("java.net.http.HttpTimeoutException")
                .getConstructor(String.class)
                .newInstance("request timed out");
    Throwable connectTimeout =
        (Throwable)
            Class.forName("java.net.http.HttpConnectTimeoutException")
                .getConstructor(String.class)
                .newInstance("connect timed out");
    assertThat(GenAiErrors.classify(new RuntimeException(requestTimeout))).isEqualTo("timeout");
    assertThat(GenAiErrors.classify(connectTimeout)).isEqualTo("timeout");
  }

  @Test
  void otherwiseTheExceptionClass() {
    assertThat(GenAiErrors.classify(new IllegalStateException("x")))
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void redactedStackTraceKeepsFramesAndCauseTypesButNoMessages() {
    String trace =
        GenAiErrors.stackTraceWithoutMessages(
            new IllegalStateException("secret one", new IOException("secret two")));
    assertThat(trace)
        .startsWith("java.lang.IllegalStateException\n\tat ")
        .contains("Caused by: java.io.IOException\n")
        .doesNotContain("secret");
  }

  public static final class StatusException extends RuntimeException {
    private final int status;

    StatusException(int status) {
      this.status = status;
    }

    public int statusCode() {
      return status;
    }
  }

  public static final class SpringLikeException extends RuntimeException {
    public Status getStatusCode() {
      return new Status();
    }

    public static final class Status {
      public int value() {
        return 404;
      }
    }
  }

  static class FrameworkTimeoutException extends RuntimeException {
    FrameworkTimeoutException(Throwable cause) {
      super(cause);
    }

    FrameworkTimeoutException() {}
  }

  static final class SlowCall extends FrameworkTimeoutException {}

  static final class HttpTimeoutException extends IOException {}
}
