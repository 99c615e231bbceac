package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.it.harness.GatewayProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * llmobs-agent.jar is the upstream agent, intact, plus our extension under extensions/ and our
 * LICENSE and NOTICE under META-INF/ (see ReleaseNoticesIT).
 */
class AgentDistributionIT {

  final Path agent = GatewayProcess.requiredFile("llmobs.agent.jar");
  final Path upstream = GatewayProcess.requiredFile("llmobs.stock.agent.jar");
  final Path extension = GatewayProcess.requiredFile("llmobs.extension.jar");

  @Test
  void manifestIsFirstAndUnchanged() throws IOException {
    // java.util.jar finds the manifest only as the first (or second, after META-INF/) entry.
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(agent))) {
      ZipEntry first = in.getNextEntry();
      assertThat(first.getName()).isEqualTo("META-INF/MANIFEST.MF");
      assertThat(in.readAllBytes()).isEqualTo(entryBytes(upstream, "META-INF/MANIFEST.MF"));
    }
  }

  @Test
  void keepsEveryUpstreamEntryInOrderAndAddsOnlyTheExtensionAndOurNotices() throws IOException {
    List<String> upstreamNames = names(upstream);
    List<String> agentNames = names(agent);
    assertThat(agentNames.subList(0, upstreamNames.size())).isEqualTo(upstreamNames);
    assertThat(agentNames.subList(upstreamNames.size(), agentNames.size()))
        .containsExactly("extensions/llmobs-extension.jar", "META-INF/LICENSE", "META-INF/NOTICE");
    assertThat(entryBytes(agent, "extensions/llmobs-extension.jar"))
        .isEqualTo(Files.readAllBytes(extension));
  }

  static List<String> names(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  static byte[] entryBytes(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(name))) {
      return in.readAllBytes();
    }
  }
}
