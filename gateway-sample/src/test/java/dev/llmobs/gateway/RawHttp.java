package dev.llmobs.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what {@code java.net.http} refuses to send
 * (raw bytes in paths and headers, bogus framing) a hostile client still can. One request a
 * connection ({@code Connection: close}); the answer is read to its end.
 */
public final class RawHttp {

  /** A parsed answer; {@code status} -1 when the server closed without one. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line). */
  public static Answer send(int port, byte[] head, byte[] body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head);
        out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (SocketException serverClosedEarly) {
        // The server may answer and close before it read everything (413, 431): read its answer.
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] head(String method, String target, Map<String, String> headers) {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\nConnection: close");
    headers.forEach((k, v) -> head.append("\r\n").append(k).append(": ").append(v));
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Answer read(InputStream in) throws IOException {
    byte[] all;
    try {
      all = in.readAllBytes();
    } catch (SocketException reset) {
      all = new byte[0];
    }
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      return new Answer(-1, Map.of(), new String(all, StandardCharsets.UTF_8));
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
      if (lineEnd < 0) {
        break;
      }
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0];
      int length = Integer.parseInt(size.trim(), 16);
      if (length == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] needle) {
    return indexOf(data, 0, needle);
  }

  private static int indexOf(byte[] data, int from, byte[] needle) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
