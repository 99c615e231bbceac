package dev.llmobs.it.bench;

import java.util.Locale;

/** What one round measured for one variant. */
record RunFigures(
    double startupMs,
    double cpuMsPerRequest,
    double rssMb,
    double rssAfterGcMb,
    double liveHeapMb,
    double networkRequestsPerSecond,
    double networkP50Ms,
    double networkP99Ms) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "start-up %.0f ms, CPU %.3f ms/request, RSS %.0f MB (%.0f MB after a full GC, live"
            + " heap %.1f MB), network-bound %.1f req/s"
            + " (p50 %.1f ms, p99 %.1f ms)",
        startupMs,
        cpuMsPerRequest,
        rssMb,
        rssAfterGcMb,
        liveHeapMb,
        networkRequestsPerSecond,
        networkP50Ms,
        networkP99Ms);
  }
}
