package dev.llmobs.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class GenAiErrorsTest {

  @Test
  void statusCodeWinsAndRateLimitHasItsOwnName() {
    assertThat(GenAiErrors.classify(new RuntimeException(), 500)).isEqualTo("500");
    assertThat(GenAiErrors.classify(new RuntimeException(), 429)).isEqualTo("rate_limited");
  }

  @Test
  void timeoutAndCancelAreFoundInTheCauseChain() {
    assertThat(GenAiErrors.classify(new IOException(new SocketTimeoutException()), null))
        .isEqualTo("timeout");
    assertThat(GenAiErrors.classify(new RuntimeException(new CancellationException()), null))
        .isEqualTo("cancelled");
  }

  @Test
  void otherwiseTheExceptionClass() {
    assertThat(GenAiErrors.classify(new IllegalStateException("x"), null))
        .isEqualTo("java.lang.IllegalStateException");
  }
}
