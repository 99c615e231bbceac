import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Completes the CycloneDX SBOM that cyclonedx-maven-plugin writes for llmobs-agent.jar with what
 * Maven's dependency graph cannot show: the libraries the upstream agent bundles (from its own
 * license report in the jar), the relocated jackson-core and the price data inside our extension,
 * and the jar itself (its SHA-256, and type jar rather than the module's packaging pom).
 *
 * <p>Run by the agent module's build: {@code java SbomCompleter.java SBOM AGENT_JAR UPSTREAM_JAR
 * EXTENSION_JAR JACKSON_CORE_VERSION}.
 */
public final class SbomCompleter {

  static final String UPSTREAM_REPORT = "META-INF/licenses/licenses.md";
  static final String CATALOG = "dev/llmobs/cost/catalog/genai-prices.json";
  static final String CATALOG_NOTICE = "dev/llmobs/cost/catalog/NOTICE";

  static final Pattern REPORT_SECTION = Pattern.compile("^## (.+)$");
  static final Pattern REPORT_ENTRY =
      Pattern.compile(
          "^\\*\\*\\d+\\*\\* \\*\\*Group:\\*\\* `([^`]+)` \\*\\*Name:\\*\\* `([^`]+)`"
              + " \\*\\*Version:\\*\\* `([^`]+)`");
  static final Pattern CATALOG_COMMIT = Pattern.compile("commit ([0-9a-f]{40})");
  static final Pattern CATALOG_VERSION = Pattern.compile("package version ([0-9][0-9A-Za-z.]*)");

  static final Map<String, String> SPDX_IDS = new LinkedHashMap<>();

  static {
    SPDX_IDS.put("Apache License, Version 2.0", "Apache-2.0");
    SPDX_IDS.put("MIT License", "MIT");
    SPDX_IDS.put("The 3-Clause BSD License", "BSD-3-Clause");
  }

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: SbomCompleter SBOM AGENT_JAR UPSTREAM_JAR EXTENSION_JAR JACKSON_CORE_VERSION");
    }
    new SbomCompleter()
        .complete(
            Paths.get(args[0]),
            Paths.get(args[1]),
            Paths.get(args[2]),
            Paths.get(args[3]),
            args[4]);
  }

  void complete(
      Path sbomFile, Path agentJar, Path upstreamJar, Path extensionJar, String jacksonVersion)
      throws IOException {
    ObjectNode sbom = (ObjectNode) json.readTree(sbomFile.toFile());
    ObjectNode agent = (ObjectNode) sbom.path("metadata").path("component");
    String oldRef = agent.path("bom-ref").asText();
    String agentRef = oldRef.replace("?type=pom", "?type=jar");
    agent.put("bom-ref", agentRef);
    agent.put("purl", agentRef);
    agent.set("hashes", sha256(Files.readAllBytes(agentJar)));
    for (JsonNode dependency : sbom.path("dependencies")) {
      if (oldRef.equals(dependency.path("ref").asText())) {
        ((ObjectNode) dependency).put("ref", agentRef);
      }
    }

    ObjectNode upstream = component(sbom, "opentelemetry-javaagent");
    upstream.set("components", upstreamBundled(upstreamJar));
    property(
        upstream,
        "llmobs:bundled-components-source",
        "the upstream agent's own license report, " + UPSTREAM_REPORT + " in its jar");

    ObjectNode extension = component(sbom, "llmobs-extension");
    // The hash of the very jar embedded: the plugin may have hashed the module's jar before the
    // shade plugin replaced it.
    extension.set("hashes", sha256(Files.readAllBytes(extensionJar)));
    ArrayNode inExtension = json.createArrayNode();
    inExtension.add(jacksonCore(jacksonVersion));
    inExtension.add(priceCatalog(extensionJar));
    extension.set("components", inExtension);

    // What is known of each part: ours completely, upstream's as far as its report goes.
    ArrayNode compositions = json.createArrayNode();
    compositions.add(composition("complete", extension.path("bom-ref").asText()));
    compositions.add(composition("unknown", upstream.path("bom-ref").asText()));
    sbom.set("compositions", compositions);

    json.writeValue(sbomFile.toFile(), sbom);
  }

  /** Each library the upstream report lists, with the licenses it gives for it. */
  ArrayNode upstreamBundled(Path upstreamJar) throws IOException {
    String report = new String(entry(upstreamJar, UPSTREAM_REPORT), StandardCharsets.UTF_8);
    Map<String, ObjectNode> byCoordinates = new LinkedHashMap<>();
    String section = null;
    for (String line : report.split("\\R")) {
      Matcher heading = REPORT_SECTION.matcher(line);
      if (heading.matches()) {
        section = heading.group(1).trim();
        continue;
      }
      Matcher entry = REPORT_ENTRY.matcher(line);
      if (!entry.find() || section == null) {
        continue;
      }
      String group = entry.group(1);
      String name = entry.group(2);
      String version = entry.group(3);
      ObjectNode library =
          byCoordinates.computeIfAbsent(
              group + ":" + name + ":" + version,
              key -> library("upstream/", group, name, version, json.createArrayNode()));
      ((ArrayNode) library.get("licenses")).add(license(section));
    }
    if (byCoordinates.isEmpty()) {
      throw new IllegalStateException(
          "no library found in " + UPSTREAM_REPORT + " of " + upstreamJar);
    }
    ArrayNode libraries = json.createArrayNode();
    byCoordinates.values().forEach(libraries::add);
    return libraries;
  }

  ObjectNode jacksonCore(String version) {
    ArrayNode licenses = json.createArrayNode();
    licenses.add(license("Apache License, Version 2.0"));
    ObjectNode jackson =
        library("extension/", "com.fasterxml.jackson.core", "jackson-core", version, licenses);
    property(jackson, "llmobs:relocated-to", "dev.llmobs.shaded.jackson.core");
    return jackson;
  }

  /** The genai-prices data, identified by the commit its NOTICE (beside it in the jar) names. */
  ObjectNode priceCatalog(Path extensionJar) throws IOException {
    String notice = new String(entry(extensionJar, CATALOG_NOTICE), StandardCharsets.UTF_8);
    Matcher commit = CATALOG_COMMIT.matcher(notice);
    Matcher version = CATALOG_VERSION.matcher(notice);
    if (!commit.find() || !version.find() || !notice.contains("MIT License")) {
      throw new IllegalStateException(
          CATALOG_NOTICE + " must name the source commit, package version and MIT License");
    }
    ObjectNode data = json.createObjectNode();
    data.put("type", "data");
    data.put("bom-ref", "extension/genai-prices@" + commit.group(1));
    data.put("group", "pydantic");
    data.put("name", "genai-prices");
    data.put("version", version.group(1));
    data.put(
        "description",
        "LLM price data: prices/new_data/v2/data.json at commit "
            + commit.group(1)
            + ", vendored unchanged as "
            + CATALOG);
    data.set("hashes", sha256(entry(extensionJar, CATALOG)));
    ArrayNode licenses = json.createArrayNode();
    licenses.add(license("MIT License"));
    data.set("licenses", licenses);
    ArrayNode references = json.createArrayNode();
    references.add(reference("vcs", "https://github.com/pydantic/genai-prices"));
    references.add(
        reference(
            "distribution",
            "https://github.com/pydantic/genai-prices/blob/"
                + commit.group(1)
                + "/prices/new_data/v2/data.json"));
    data.set("externalReferences", references);
    return data;
  }

  /** A bundled Maven library; the ref prefix keeps refs unique should both parts bundle it. */
  ObjectNode library(
      String refPrefix, String group, String name, String version, ArrayNode licenses) {
    String purl = "pkg:maven/" + group + "/" + name + "@" + version + "?type=jar";
    ObjectNode library = json.createObjectNode();
    library.put("type", "library");
    library.put("bom-ref", refPrefix + purl);
    library.put("group", group);
    library.put("name", name);
    library.put("version", version);
    library.set("licenses", licenses);
    library.put("purl", purl);
    return library;
  }

  ObjectNode license(String reportName) {
    ObjectNode license = json.createObjectNode();
    String id = SPDX_IDS.get(reportName);
    if (id != null) {
      license.put("id", id);
    } else {
      license.put("name", reportName);
    }
    ObjectNode choice = json.createObjectNode();
    choice.set("license", license);
    return choice;
  }

  ObjectNode reference(String type, String url) {
    ObjectNode reference = json.createObjectNode();
    reference.put("type", type);
    reference.put("url", url);
    return reference;
  }

  ObjectNode composition(String aggregate, String ref) {
    ObjectNode composition = json.createObjectNode();
    composition.put("aggregate", aggregate);
    composition.set("assemblies", json.createArrayNode().add(ref));
    return composition;
  }

  void property(ObjectNode component, String name, String value) {
    ArrayNode properties =
        component.has("properties")
            ? (ArrayNode) component.get("properties")
            : component.putArray("properties");
    properties.addObject().put("name", name).put("value", value);
  }

  ArrayNode sha256(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      ArrayNode hashes = json.createArrayNode();
      hashes.addObject().put("alg", "SHA-256").put("content", hex.toString());
      return hashes;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode component(ObjectNode sbom, String name) {
    List<String> names = new ArrayList<>();
    for (JsonNode component : sbom.path("components")) {
      if (name.equals(component.path("name").asText())) {
        return (ObjectNode) component;
      }
      names.add(component.path("name").asText());
    }
    throw new IllegalStateException("no component " + name + " in the SBOM, only " + names);
  }

  static byte[] entry(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        throw new IllegalStateException(jar + " has no " + name);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
  }
}
