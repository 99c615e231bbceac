package dev.llmobs.gateway.api;

import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Server-Sent Events response written and flushed event by event. A write fails with an {@link
 * IOException} once the client has gone; the caller then closes its upstream stream.
 */
public final class SseWriter {

  private final OutputStream out;

  private SseWriter(OutputStream out) {
    this.out = out;
  }

  public static SseWriter open(Context ctx) throws IOException {
    ctx.status(200);
    ctx.res().setContentType("text/event-stream;charset=utf-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();
    ctx.res().flushBuffer();
    return new SseWriter(out);
  }

  public void data(String json) throws IOException {
    write("data: " + json + "\n\n");
  }

  public void event(String name, String json) throws IOException {
    write("event: " + name + "\ndata: " + json + "\n\n");
  }

  public void done() throws IOException {
    write("data: [DONE]\n\n");
  }

  /** An error after the stream started: the status is already 200, so it goes in the stream. */
  public void error(OpenAiError error) throws IOException {
    write("event: error\ndata: " + JsonBodies.write(error.body()) + "\n\n");
  }

  private void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
