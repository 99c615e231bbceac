package dev.llmobs.gateway.api;

import dev.llmobs.gateway.wire.JsonBodies;
import dev.llmobs.gateway.wire.OpenAiError;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies decoded strictly: UTF-8 unless the {@code Content-Type} names another charset this
 * JVM knows; an unknown charset is 415 and bytes that are not text in the charset are 400, where a
 * lenient decoder would silently put replacement characters in the prompt.
 */
final class RequestBodies {

  private static final Pattern CHARSET =
      Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]*)", Pattern.CASE_INSENSITIVE);

  private RequestBodies() {}

  static com.fasterxml.jackson.databind.node.ObjectNode object(Context ctx) {
    return JsonBodies.object(text(ctx));
  }

  static String text(Context ctx) {
    Charset charset = charset(ctx.header("Content-Type"));
    byte[] bytes;
    try {
      bytes = ctx.bodyAsBytes();
    } catch (HttpResponseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OpenAiError.invalidRequest("The request body could not be read.", null);
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw OpenAiError.invalidRequest(
          "The request body is not valid " + charset.name() + " text.", null, "invalid_encoding");
    }
  }

  static Charset charset(String contentType) {
    if (contentType == null) {
      return StandardCharsets.UTF_8;
    }
    Matcher matcher = CHARSET.matcher(contentType);
    if (!matcher.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = matcher.group(1).toLowerCase(Locale.ROOT);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new OpenAiError(
          415,
          "Unsupported charset "
              + OpenAiError.quote(name)
              + " in Content-Type; send JSON as UTF-8.",
          "invalid_request_error",
          null,
          "unsupported_charset");
    }
  }
}
