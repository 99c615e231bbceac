package dev.llmobs.cost.otel;

import dev.llmobs.cost.usage.UsageEvent;
import dev.llmobs.cost.usage.UsageSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A user sink found through META-INF/services, as a user's would be. */
public final class RecordingUsageSink implements UsageSink {

  static final List<UsageEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void accept(UsageEvent event) {
    events.add(event);
  }
}
