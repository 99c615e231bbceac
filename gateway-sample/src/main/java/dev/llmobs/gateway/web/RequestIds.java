package dev.llmobs.gateway.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The request id: the client's {@code X-Request-ID} when it looks like an id, else a new UUID. It
 * is echoed in the response header and sits in the logging MDC as {@code request_id} for the whole
 * request.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-ID";
  public static final String MDC_KEY = "request_id";

  // Bounded and log-safe: no spaces, quotes or control characters from a client reach the logs.
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  /** A before-handler for every path. */
  public static void begin(Context ctx) {
    String id = ctx.header(HEADER);
    if (id == null || !VALID.matcher(id).matches()) {
      id = UUID.randomUUID().toString();
    }
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  /** Called last for every request, so a pooled server thread never carries a stale id. */
  public static void end() {
    MDC.remove(MDC_KEY);
  }
}
