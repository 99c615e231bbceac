package dev.llmobs.gateway.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The request headers the gateway passes on to the upstream: the simulator's x-sim-* controls. */
public final class UpstreamHeaders {

  private static final String SIMULATOR_PREFIX = "x-sim-";

  private UpstreamHeaders() {}

  public static Map<String, String> from(Context ctx) {
    Map<String, String> forwarded = new LinkedHashMap<>();
    var names = ctx.req().getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (name.toLowerCase(Locale.ROOT).startsWith(SIMULATOR_PREFIX)) {
        forwarded.put(name.toLowerCase(Locale.ROOT), ctx.req().getHeader(name));
      }
    }
    return forwarded;
  }
}
