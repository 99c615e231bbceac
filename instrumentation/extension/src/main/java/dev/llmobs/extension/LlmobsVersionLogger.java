package dev.llmobs.extension;

import dev.llmobs.genai.LlmobsVersion;
import io.opentelemetry.javaagent.extension.AgentListener;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.logging.Logger;

/**
 * Logs {@code llmobs <version> (upstream agent <version>)} once, when the agent has started, beside
 * upstream's own version line.
 */
public final class LlmobsVersionLogger implements AgentListener {

  private static final Logger logger = Logger.getLogger(LlmobsVersionLogger.class.getName());

  static final String UNKNOWN = "unknown";

  // Loaded by the system class loader from the agent jar, whose manifest is upstream's unchanged.
  private static final String AGENT_MAIN_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";

  @Override
  public void afterAgent(AutoConfiguredOpenTelemetrySdk sdk) {
    logger.info(versionLine(upstreamAgentVersion()));
  }

  static String versionLine(String upstreamAgentVersion) {
    return LlmobsDistroResourceProvider.DISTRO_NAME
        + " "
        + LlmobsVersion.VERSION
        + " (upstream agent "
        + upstreamAgentVersion
        + ")";
  }

  /** The Implementation-Version of the jar the agent was started from, else "unknown". */
  static String upstreamAgentVersion() {
    try {
      Class<?> agent = Class.forName(AGENT_MAIN_CLASS, false, ClassLoader.getSystemClassLoader());
      Package agentPackage = agent.getPackage();
      String version = agentPackage == null ? null : agentPackage.getImplementationVersion();
      return version == null || version.isEmpty() ? UNKNOWN : version;
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      return UNKNOWN;
    }
  }
}
