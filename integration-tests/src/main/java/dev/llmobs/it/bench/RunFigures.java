package dev.llmobs.it.bench;

import java.util.Locale;

/** What one round measured for one variant. */
record RunFigures(
    double startupMs,
    double cpuMsPerRequest,
    double rssMb,
    double networkRequestsPerSecond,
    double networkP50Ms,
    double networkP99Ms) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "start-up %.0f ms, CPU %.3f ms/request, RSS %.0f MB, network-bound %.1f req/s"
            + " (p50 %.1f ms, p99 %.1f ms)",
        startupMs,
        cpuMsPerRequest,
        rssMb,
        networkRequestsPerSecond,
        networkP50Ms,
        networkP99Ms);
  }
}
