package dev.llmobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmobs.it.harness.GatewayProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both published jars carry our LICENSE and NOTICE under META-INF/, and the NOTICE names every
 * third-party component they bundle.
 */
class ReleaseNoticesIT {

  final Path agent = GatewayProcess.requiredFile("llmobs.agent.jar");
  final Path extension = GatewayProcess.requiredFile("llmobs.extension.jar");
  final Path upstream = GatewayProcess.requiredFile("llmobs.stock.agent.jar");
  final Path root = Paths.get(DistroVersionIT.required("llmobs.repo.root"));

  @Test
  void bothJarsCarryTheRepositorysLicenseAndNotice() throws Exception {
    byte[] license = Files.readAllBytes(root.resolve("LICENSE"));
    byte[] notice = Files.readAllBytes(root.resolve("NOTICE"));
    assertThat(new String(license, StandardCharsets.UTF_8))
        .startsWith("\n                                 Apache License\n")
        .contains("Version 2.0, January 2004")
        .contains("END OF TERMS AND CONDITIONS");
    for (Path jar : new Path[] {agent, extension}) {
      assertThat(AgentDistributionIT.entryBytes(jar, "META-INF/LICENSE")).isEqualTo(license);
      assertThat(AgentDistributionIT.entryBytes(jar, "META-INF/NOTICE")).isEqualTo(notice);
    }
  }

  @Test
  void noticeNamesTheUpstreamAgentAndEveryLibraryItsReportLists() throws Exception {
    String notice = notice();
    assertThat(notice)
        .contains(
            "io.opentelemetry.javaagent:opentelemetry-javaagent:"
                + DistroVersionIT.UPSTREAM_VERSION);
    assertThat(UpstreamLicenseReport.libraries(upstream))
        .hasSizeGreaterThan(50)
        .allSatisfy(library -> assertThat(notice).contains(library));
    // The files it points to are still in the jar.
    assertThat(AgentDistributionIT.names(agent))
        .contains(
            UpstreamLicenseReport.PATH,
            "inst/META-INF/FastDoubleParser-LICENSE",
            "inst/META-INF/Schubfach-LICENSE");
  }

  @Test
  void noticeNamesWhatTheExtensionBundles() throws Exception {
    String notice = notice();
    assertThat(notice)
        .contains(
            "com.fasterxml.jackson.core:jackson-core:"
                + DistroVersionIT.required("llmobs.jackson.version"))
        .contains("dev.llmobs.shaded.jackson.core")
        // jackson-core's own NOTICE, which ours replaces in the shaded jar, is quoted.
        .contains("Copyright 2007-, Tatu Saloranta");
    assertThat(AgentDistributionIT.names(extension))
        .anyMatch(name -> name.startsWith("dev/llmobs/shaded/jackson/core/"))
        .noneMatch(name -> name.startsWith("com/fasterxml/"))
        .contains("META-INF/FastDoubleParser-NOTICE", "dev/llmobs/cost/catalog/NOTICE");

    assertThat(notice)
        .contains("pydantic/genai-prices")
        .contains(catalogCommit(extension))
        .contains("Copyright (c) Pydantic Services Inc. 2025 to present")
        .contains("MIT License");
  }

  /** The genai-prices commit that the NOTICE beside the vendored data names. */
  static String catalogCommit(Path extensionJar) throws Exception {
    String catalogNotice =
        new String(
            AgentDistributionIT.entryBytes(extensionJar, "dev/llmobs/cost/catalog/NOTICE"),
            StandardCharsets.UTF_8);
    Matcher commit = Pattern.compile("commit ([0-9a-f]{40})").matcher(catalogNotice);
    assertThat(commit.find()).as("commit in the catalog NOTICE").isTrue();
    return commit.group(1);
  }

  String notice() throws Exception {
    return new String(
        AgentDistributionIT.entryBytes(agent, "META-INF/NOTICE"), StandardCharsets.UTF_8);
  }
}
