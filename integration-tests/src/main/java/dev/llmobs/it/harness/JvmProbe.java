package dev.llmobs.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the operating system and the JDK's own tools say about another JVM: its CPU time, resident
 * memory, and live heap after a full GC. Nothing is added to the observed application.
 */
public final class JvmProbe {

  // "garbage-first heap   total 262144K, used 31744K [..." (JDK 17) or
  // "garbage-first heap   total reserved 4194304K, committed 262144K, used 31744K [..." (JDK 21+)
  private static final Pattern G1_HEAP_USED =
      Pattern.compile("garbage-first heap\\s+total[^\\n]*?used (\\d+)K");

  private final long pid;

  public JvmProbe(long pid) {
    this.pid = pid;
  }

  public long pid() {
    return pid;
  }

  /** User plus system CPU time of the whole process so far. */
  public Duration cpuTime() {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
  }

  /** Resident set size (Linux {@code /proc/<pid>/status} VmRSS), or -1 where there is none. */
  public long rssBytes() {
    Path status = Paths.get("/proc", Long.toString(pid), "status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Bytes of heap in use right after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}):
   * the live set. The observed JVM must run G1 (pass {@code -XX:+UseG1GC}).
   */
  public long liveHeapBytes() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher used = G1_HEAP_USED.matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no G1 heap line in GC.heap_info:\n" + info);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process process =
        new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + out);
    }
    return out;
  }
}
