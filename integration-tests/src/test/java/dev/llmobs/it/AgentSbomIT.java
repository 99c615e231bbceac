package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmobs.it.harness.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX SBOM built beside llmobs-agent.jar describes that very jar and what it bundles: the
 * upstream agent and each library its license report lists, our extension with the relocated
 * jackson-core and the price data, each identified by what a scanner matches on.
 */
class AgentSbomIT {

  final Path agent = GatewayProcess.requiredFile("llmobs.agent.jar");
  final Path upstream = GatewayProcess.requiredFile("llmobs.stock.agent.jar");
  final Path extension = GatewayProcess.requiredFile("llmobs.extension.jar");
  final JsonNode sbom;

  AgentSbomIT() throws Exception {
    sbom = new ObjectMapper().readTree(GatewayProcess.requiredFile("llmobs.agent.sbom").toFile());
  }

  @Test
  void describesTheAgentJarItSitsBeside() throws Exception {
    assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(sbom.path("specVersion").asText()).isEqualTo("1.6");
    JsonNode agentComponent = sbom.path("metadata").path("component");
    assertThat(agentComponent.path("purl").asText())
        .isEqualTo("pkg:maven/dev.llmobs/llmobs-agent@" + DistroVersionIT.VERSION + "?type=jar");
    assertThat(sha256(agentComponent)).isEqualTo(sha256(Files.readAllBytes(agent)));
    assertThat(licenseIds(agentComponent)).containsExactly("Apache-2.0");
    assertThat(sbom.path("dependencies").get(0).path("ref").asText())
        .isEqualTo(agentComponent.path("bom-ref").asText());
  }

  @Test
  void listsTheUpstreamAgentAndEveryLibraryItsReportLists() throws Exception {
    JsonNode upstreamComponent = component(sbom.path("components"), "opentelemetry-javaagent");
    assertThat(upstreamComponent.path("version").asText())
        .isEqualTo(DistroVersionIT.UPSTREAM_VERSION);
    assertThat(sha256(upstreamComponent)).isEqualTo(sha256(Files.readAllBytes(upstream)));
    assertThat(licenseIds(upstreamComponent)).containsExactly("Apache-2.0");

    Set<String> bundled =
        stream(upstreamComponent.path("components"))
            .map(
                c ->
                    c.path("group").asText()
                        + ":"
                        + c.path("name").asText()
                        + ":"
                        + c.path("version").asText())
            .collect(Collectors.toSet());
    assertThat(bundled)
        .containsExactlyInAnyOrderElementsOf(UpstreamLicenseReport.libraries(upstream));
    assertThat(stream(upstreamComponent.path("components")))
        .allSatisfy(
            library -> {
              assertThat(library.path("purl").asText()).startsWith("pkg:maven/");
              assertThat(licenseIds(library)).isNotEmpty();
            });
    JsonNode slf4j = component(upstreamComponent.path("components"), "slf4j-api");
    assertThat(licenseIds(slf4j)).containsExactly("MIT");
    // Only as complete as upstream's own report: said so, not claimed complete.
    assertThat(composition(upstreamComponent)).isEqualTo("unknown");
  }

  @Test
  void listsTheExtensionWithJacksonCoreAndThePriceData() throws Exception {
    JsonNode extensionComponent = component(sbom.path("components"), "llmobs-extension");
    assertThat(extensionComponent.path("version").asText()).isEqualTo(DistroVersionIT.VERSION);
    assertThat(sha256(extensionComponent)).isEqualTo(sha256(Files.readAllBytes(extension)));

    JsonNode jackson = component(extensionComponent.path("components"), "jackson-core");
    assertThat(jackson.path("purl").asText())
        .isEqualTo(
            "pkg:maven/com.fasterxml.jackson.core/jackson-core@"
                + DistroVersionIT.required("llmobs.jackson.version")
                + "?type=jar");
    assertThat(licenseIds(jackson)).containsExactly("Apache-2.0");

    JsonNode prices = component(extensionComponent.path("components"), "genai-prices");
    assertThat(prices.path("type").asText()).isEqualTo("data");
    assertThat(licenseIds(prices)).containsExactly("MIT");
    assertThat(sha256(prices))
        .isEqualTo(
            sha256(
                AgentDistributionIT.entryBytes(
                    extension, "dev/llmobs/cost/catalog/genai-prices.json")));
    assertThat(prices.path("description").asText())
        .contains(ReleaseNoticesIT.catalogCommit(extension));
    assertThat(composition(extensionComponent)).isEqualTo("complete");
  }

  String composition(JsonNode component) {
    String ref = component.path("bom-ref").asText();
    return stream(sbom.path("compositions"))
        .filter(c -> stream(c.path("assemblies")).anyMatch(a -> a.asText().equals(ref)))
        .map(c -> c.path("aggregate").asText())
        .findFirst()
        .orElse("none");
  }

  static JsonNode component(JsonNode components, String name) {
    return stream(components)
        .filter(c -> c.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + name + " in " + components));
  }

  static List<String> licenseIds(JsonNode component) {
    List<String> ids = new ArrayList<>();
    for (JsonNode choice : component.path("licenses")) {
      ids.add(choice.path("license").path("id").asText());
    }
    return ids;
  }

  static String sha256(JsonNode component) {
    return stream(component.path("hashes"))
        .filter(h -> h.path("alg").asText().equals("SHA-256"))
        .map(h -> h.path("content").asText())
        .findFirst()
        .orElse("none");
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
