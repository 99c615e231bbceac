package dev.llmobs.genai;

/** The llmobs version, written in at build time. */
public final class LlmobsVersion {

  public static final String VERSION = "${project.version}";

  private LlmobsVersion() {}
}
