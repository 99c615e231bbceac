package dev.llmobs.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The libraries the upstream agent's own license report (in its jar) says it bundles. */
final class UpstreamLicenseReport {

  static final String PATH = "META-INF/licenses/licenses.md";

  private static final Pattern ENTRY =
      Pattern.compile(
          "\\*\\*Group:\\*\\* `([^`]+)` \\*\\*Name:\\*\\* `([^`]+)` \\*\\*Version:\\*\\* `([^`]+)`");

  private UpstreamLicenseReport() {}

  /** {@code group:name:version} of each library, once each, in the report's order. */
  static Set<String> libraries(Path upstreamAgentJar) throws IOException {
    String report =
        new String(AgentDistributionIT.entryBytes(upstreamAgentJar, PATH), StandardCharsets.UTF_8);
    Set<String> libraries = new LinkedHashSet<>();
    Matcher entry = ENTRY.matcher(report);
    while (entry.find()) {
      libraries.add(entry.group(1) + ":" + entry.group(2) + ":" + entry.group(3));
    }
    if (libraries.isEmpty()) {
      throw new IllegalStateException("no library in " + PATH + " of " + upstreamAgentJar);
    }
    return libraries;
  }
}
