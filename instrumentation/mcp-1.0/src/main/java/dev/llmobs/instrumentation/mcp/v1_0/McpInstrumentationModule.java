package dev.llmobs.instrumentation.mcp.v1_0;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.llmobs.genai.GenAiHelperClasses;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The MCP Java SDK ({@code io.modelcontextprotocol.sdk:mcp}) 1.0 and later, 2.x included (the
 * classes and methods hooked here are the same in both): CLIENT spans for the requests a session
 * sends, SERVER spans for those it handles, over stdio, streamable HTTP, SSE and the stateless
 * server, trace context carried in {@code params._meta}. Disable with {@code
 * -Dotel.instrumentation.llmobs-mcp.enabled=false}.
 */
public final class McpInstrumentationModule extends InstrumentationModule {

  private static final String PACKAGE = "dev.llmobs.instrumentation.mcp.v1_0";

  // Helpers injected into the application's class loader, besides the GenAI core. Names as
  // strings: the agent's class loader has neither the SDK nor Reactor.
  static final List<String> HELPERS =
      Collections.unmodifiableList(
          Arrays.asList(
              PACKAGE + ".McpCalls",
              PACKAGE + ".McpCall",
              PACKAGE + ".McpCall$MetaGetter",
              PACKAGE + ".McpRequest",
              PACKAGE + ".McpRequest$Role",
              PACKAGE + ".McpRequests",
              PACKAGE + ".McpResponse",
              PACKAGE + ".McpResponses",
              PACKAGE + ".McpNetwork",
              PACKAGE + ".McpSessions",
              PACKAGE + ".McpSessions$1",
              PACKAGE + ".McpMeta",
              PACKAGE + ".McpMeta$1",
              PACKAGE + ".McpMeta$RecordShape",
              PACKAGE + ".McpContent",
              PACKAGE + ".McpAttributes",
              PACKAGE + ".McpMetrics",
              PACKAGE + ".McpMetrics$State",
              PACKAGE + ".McpInstrumenters",
              PACKAGE + ".McpTracingMono",
              PACKAGE + ".McpTracingMono$TracingSubscriber"));

  public McpInstrumentationModule() {
    super("llmobs-mcp", "llmobs-mcp-1.0");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    // 1.0 removed the deprecated McpServerSession handler interfaces that 0.x had; the session,
    // transport-context and streamable classes we hook are in every release since.
    return hasClassesNamed(
            "io.modelcontextprotocol.spec.McpClientSession",
            "io.modelcontextprotocol.spec.McpStreamableServerSession",
            "io.modelcontextprotocol.common.McpTransportContext")
        .and(not(hasClassesNamed("io.modelcontextprotocol.spec.McpServerSession$RequestHandler")));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new McpSessionInstrumentation(),
        new McpStreamableSessionInstrumentation(),
        new McpStatelessServerInstrumentation(),
        new McpSessionFactoryInstrumentation(),
        new McpSchemaInstrumentation(),
        new McpTransportInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return GenAiHelperClasses.coreAnd(HELPERS);
  }
}
