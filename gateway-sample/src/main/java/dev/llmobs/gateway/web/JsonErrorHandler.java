package dev.llmobs.gateway.web;

import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The errors the HTTP server raises before a request reaches a route (headers too large, a bad URI,
 * a malformed request line) in the OpenAI error shape instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

  private final ErrorResponses errors;

  JsonErrorHandler(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status));
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    byte[] body = body(code);
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private byte[] body(int status) {
    OpenAiError error = errors.forStatus(status);
    return JsonBodies.write(error.body()).getBytes(StandardCharsets.UTF_8);
  }
}
