package dev.llmobs.genai.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The check every instrumentation module's unit tests make of its helper list: there is no muzzle
 * in a Maven build, so a class missing from {@code getAdditionalHelperClassNames()} would fail
 * silently in production. Shared through genai-core's test jar.
 */
public final class HelperClassesAssert {

  /**
   * Every class compiled into {@code anchor}'s package, except {@code agentSide} (module, type
   * instrumentations, advice: loaded or inlined by the agent, never injected), is in {@code
   * helpers}, and nothing else is; and no helper names a jackson-core type, which the extension jar
   * relocates (it bundles jackson-core for the price catalog) while helpers run against the
   * application's own Jackson.
   */
  public static void assertHelpersAreTheCompiledClasses(
      Class<?> anchor, Collection<String> helpers, Collection<String> agentSide) {
    String pkg = anchor.getPackage().getName();
    Path root = classesRoot(anchor);
    List<String> compiled;
    try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
      compiled =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class"))
              .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
              .filter(n -> !agentSide.contains(n))
              .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(helpers).containsExactlyInAnyOrderElementsOf(compiled);
    for (String helper : helpers) {
      try {
        byte[] bytes = Files.readAllBytes(root.resolve(helper.replace('.', '/') + ".class"));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
            .as(helper)
            .doesNotContain("com/fasterxml/jackson/core/");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Path classesRoot(Class<?> anchor) {
    try {
      return Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private HelperClassesAssert() {}
}
