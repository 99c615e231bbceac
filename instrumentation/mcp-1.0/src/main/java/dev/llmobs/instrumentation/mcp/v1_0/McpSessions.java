package dev.llmobs.instrumentation.mcp.v1_0;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpTransport;
import io.modelcontextprotocol.spec.McpTransportSession;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What a span needs from the SDK's sessions and transports: the session id, the negotiated protocol
 * version, the network. The SDK keeps some of it in private fields (the transport of a session, the
 * base URI and session of the HTTP client transport); those are read reflectively and left out when
 * a version of the SDK has them no more.
 */
final class McpSessions {

  // Session object -> protocol version negotiated by its initialize request; weak: sessions end.
  private static final Map<Object, String> PROTOCOL_VERSIONS =
      Collections.synchronizedMap(new WeakHashMap<Object, String>());

  private static final ClassValue<Field> TRANSPORT_FIELD = fieldOfType(McpTransport.class, null);
  private static final ClassValue<Field> BASE_URI_FIELD = fieldOfType(URI.class, "baseUri");
  private static final ClassValue<Field> ACTIVE_SESSION_FIELD =
      fieldOfType(AtomicReference.class, "activeSession");
  private static final ClassValue<Field> OUTER_SESSION_FIELD =
      fieldOfType(McpStreamableServerSession.class, null);

  static void protocolVersion(Object session, String version) {
    if (session != null && version != null) {
      PROTOCOL_VERSIONS.put(session, version);
    }
  }

  static String protocolVersion(Object session) {
    return session == null ? null : PROTOCOL_VERSIONS.get(session);
  }

  /** The transport a session object holds, or null. */
  static Object transportOf(Object session) {
    return read(TRANSPORT_FIELD, session);
  }

  /** The streamable HTTP session a response stream belongs to, or the session itself. */
  static Object outerSession(Object sessionOrStream) {
    if (sessionOrStream instanceof McpStreamableServerSession) {
      return sessionOrStream;
    }
    Object outer = read(OUTER_SESSION_FIELD, sessionOrStream);
    return outer != null ? outer : sessionOrStream;
  }

  /** The id of a server-side session, which a streamable HTTP client also knows, or null. */
  static String serverSessionId(Object session) {
    Object outer = outerSession(session);
    if (outer instanceof McpStreamableServerSession) {
      return ((McpStreamableServerSession) outer).getId();
    }
    if (outer instanceof McpServerSession) {
      return ((McpServerSession) outer).getId();
    }
    return null;
  }

  /**
   * The network of a transport, known by its class: stdio is a pipe, the HTTP transports are
   * tcp/http (with the server's address for the SDK's own HTTP client transports); null otherwise.
   */
  static McpNetwork network(Object transport) {
    if (transport == null) {
      return null;
    }
    String name = transport.getClass().getName();
    if (name.contains("Stdio")) {
      return McpNetwork.STDIO;
    }
    Object uri = read(BASE_URI_FIELD, transport);
    if (uri instanceof URI) {
      URI base = (URI) uri;
      int port = base.getPort();
      if (port < 0) {
        port = "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
      }
      return McpNetwork.http(base.getHost(), port);
    }
    for (String http : new String[] {"Http", "Sse", "Servlet", "WebClient", "WebFlux", "WebMvc"}) {
      if (name.contains(http)) {
        return McpNetwork.HTTP;
      }
    }
    return null;
  }

  /**
   * The session id a streamable HTTP client transport holds (the server's Mcp-Session-Id), read
   * when asked: the initialize response is what brings it. Null for other transports.
   */
  static Supplier<String> clientSessionId(Object transport) {
    Object holder = read(ACTIVE_SESSION_FIELD, transport);
    if (!(holder instanceof AtomicReference)) {
      return null;
    }
    AtomicReference<?> active = (AtomicReference<?>) holder;
    return () -> {
      Object session = active.get();
      if (session instanceof McpTransportSession) {
        Optional<?> id = ((McpTransportSession<?>) session).sessionId();
        return id.isPresent() ? String.valueOf(id.get()) : null;
      }
      return null;
    };
  }

  private static Object read(ClassValue<Field> field, Object target) {
    if (target == null) {
      return null;
    }
    Field f = field.get(target.getClass());
    if (f == null) {
      return null;
    }
    try {
      return f.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  // The first field (of the class or its superclasses) of the given type, and name if not null.
  private static ClassValue<Field> fieldOfType(final Class<?> type, final String name) {
    return new ClassValue<Field>() {
      @Override
      protected Field computeValue(Class<?> owner) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field field : c.getDeclaredFields()) {
            if (type.isAssignableFrom(field.getType())
                && (name == null || name.equals(field.getName()))) {
              try {
                field.setAccessible(true);
                return field;
              } catch (RuntimeException e) {
                return null;
              }
            }
          }
        }
        return null;
      }
    };
  }

  private McpSessions() {}
}
