package dev.llmobs.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** The machine a benchmark ran on, and how busy it was at one moment. */
record Machine(String cpuModel, int cores, String loadAverage, String jdk, String os) {

  static Machine now() {
    return new Machine(
        readCpuModel(),
        Runtime.getRuntime().availableProcessors(),
        readLoadAverage(),
        System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
  }

  private static String readCpuModel() {
    for (String line : lines(Paths.get("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown (no /proc/cpuinfo)";
  }

  /** The 1, 5 and 15 minute load averages. */
  private static String readLoadAverage() {
    List<String> loadavg = lines(Paths.get("/proc/loadavg"));
    if (!loadavg.isEmpty()) {
      String[] fields = loadavg.get(0).split("\\s+");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    }
    return String.format(
        "%.2f (1 min)",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static List<String> lines(Path file) {
    try {
      return Files.isReadable(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
