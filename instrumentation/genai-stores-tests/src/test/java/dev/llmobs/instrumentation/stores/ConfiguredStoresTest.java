package dev.llmobs.instrumentation.stores;

import static dev.llmobs.testing.GenAiKeys.ERROR_TYPE;
import static dev.llmobs.testing.GenAiKeys.STORE_BACKEND;
import static dev.llmobs.testing.GenAiKeys.STORE_NAME;
import static dev.llmobs.testing.GenAiKeys.STORE_OPERATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.stores.Broken;
import com.example.stores.CachingConversationRepository;
import com.example.stores.ConversationRepository;
import com.example.stores.InMemoryConversationRepository;
import com.example.stores.JdbcConversationRepository;
import com.example.stores.MisconfiguredStore;
import com.example.stores.NamedStore;
import dev.llmobs.testing.StoreSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.instrumentation.testing.junit.AgentInstrumentationExtension;
import io.opentelemetry.instrumentation.testing.junit.InstrumentationExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stores named by otel.instrumentation.genai.stores (set for this module in its pom) under the
 * test agent with the llmobs extension.
 */
class ConfiguredStoresTest {

  @RegisterExtension
  static final InstrumentationExtension testing = AgentInstrumentationExtension.create();

  @Test
  void namedClassEachDefaultOperation() {
    NamedStore store = new NamedStore();
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    store.getMessages("c1");
    store.findTitle("c1");
    store.loadSummary("c1");
    store.readLast("c1");
    store.create("c1");
    store.insertItems("c1", Arrays.asList("a", "b"));
    store.save("c1", Collections.singletonList("a"));
    store.put("c1", "x");
    store.update("c1", Arrays.asList("a", "b", "c"));
    store.append("c1", "y");
    store.delete("c1");
    store.remove(uuid);
    store.listIds();
    // Neither a store operation: no default prefix, not public.
    store.count();
    store.internalSize();

    List<SpanData> spans = StoreSpans.inOrder(testing.waitForTraces(13));
    assertThat(spans)
        .extracting(StoreSpans::describe)
        .containsExactly(
            "get NamedStore conv=c1 count=2 backend=NamedStore",
            "get NamedStore conv=c1 count=null backend=NamedStore",
            "get NamedStore conv=c1 count=null backend=NamedStore",
            "get NamedStore conv=c1 count=null backend=NamedStore",
            "create NamedStore conv=c1 count=null backend=NamedStore",
            "create NamedStore conv=c1 count=2 backend=NamedStore",
            "update NamedStore conv=c1 count=1 backend=NamedStore",
            "update NamedStore conv=c1 count=null backend=NamedStore",
            "update NamedStore conv=c1 count=3 backend=NamedStore",
            "update NamedStore conv=c1 count=null backend=NamedStore",
            "delete NamedStore conv=c1 count=null backend=NamedStore",
            "delete NamedStore conv=" + uuid + " count=null backend=NamedStore",
            "list NamedStore conv=null count=3 backend=NamedStore");
    assertThat(spans)
        .allSatisfy(
            span -> {
              assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
              assertThat(span.getInstrumentationScopeInfo().getName())
                  .isEqualTo("dev.llmobs.stores");
              assertThat(span.getAttributes().get(STORE_NAME)).isEqualTo("NamedStore");
              assertThat(span.getAttributes().get(STORE_BACKEND)).isEqualTo("NamedStore");
              assertThat(span.getAttributes().get(STORE_OPERATION))
                  .isEqualTo(span.getName().split(" ")[0]);
              assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
            });
  }

  @Test
  void aFailingStoreMethodThrowsAsBeforeAndItsSpanHasTheErrorType() {
    assertThatThrownBy(() -> new NamedStore().getFailing("c9"))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full while writing c9");

    SpanData span = StoreSpans.inOrder(testing.waitForTraces(1)).get(0);
    assertThat(span.getName()).isEqualTo("get NamedStore");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(ERROR_TYPE)).isEqualTo("java.io.IOException");
    assertThat(span.getEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getName()).isEqualTo("exception");
              // Content capture is off: the message, which may quote stored data, is left out.
              assertThat(e.getAttributes().toString()).doesNotContain("disk full");
            });
  }

  @Test
  void everyImplementationOfAConfiguredInterface() throws Exception {
    ConversationRepository memory = new InMemoryConversationRepository();
    ConversationRepository jdbc =
        new JdbcConversationRepository("jdbc:h2:mem:llmobs_stores;DB_CLOSE_DELAY=-1");
    ConversationRepository caching = new CachingConversationRepository(memory);

    memory.save("m1", Arrays.asList("hi", "there")); // calls its own get(): one span
    jdbc.save("j1", Arrays.asList("one", "two", "three"));
    assertThat(jdbc.get("j1")).hasValue(Arrays.asList("one", "two", "three"));
    caching.get("m1");
    jdbc.delete("j1");

    List<SpanData> spans = StoreSpans.inOrder(testing.waitForTraces(5));
    assertThat(spans)
        .extracting(
            s ->
                StoreSpans.describe(s)
                    + " parent="
                    + spans.stream()
                        .filter(p -> p.getSpanId().equals(s.getParentSpanId()))
                        .map(SpanData::getName)
                        .findFirst()
                        .orElse("-"))
        .containsExactly(
            "update ConversationRepository conv=m1 count=2 backend=memory parent=-",
            "update ConversationRepository conv=j1 count=3 backend=jdbc parent=-",
            "get ConversationRepository conv=j1 count=3 backend=jdbc parent=-",
            "get ConversationRepository conv=m1 count=2 backend=CachingConversationRepository"
                + " parent=-",
            "get ConversationRepository conv=m1 count=2 backend=memory"
                + " parent=get ConversationRepository",
            "delete ConversationRepository conv=j1 count=null backend=jdbc parent=-");
  }

  @Test
  void badEntriesAreOneWarningEachAndTheOthersWork() throws Exception {
    new MisconfiguredStore().getAll(); // loads it: the mapped method is checked, no span
    new Broken().get("b1"); // its entry was ignored: no span
    new NamedStore().listIds(); // a good entry still works

    assertThat(StoreSpans.inOrder(testing.waitForTraces(1)))
        .extracting(SpanData::getName)
        .containsExactly("list NamedStore");
    List<String> warnings =
        Files.readAllLines(
                Paths.get(
                    System.getProperty("io.opentelemetry.javaagent.slf4j.simpleLogger.logFile")),
                StandardCharsets.UTF_8)
            .stream()
            .filter(line -> line.contains("llmobs: store entry"))
            .collect(Collectors.toList());
    assertThat(warnings)
        .hasSize(4)
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("WARN")
                    .contains(
                        "store entry 'com.example.stores.NoSuchStore' of"
                            + " otel.instrumentation.genai.stores is ignored: class"
                            + " com.example.stores.NoSuchStore not found"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(
                        "'com.example.stores.MisconfiguredStore[fetchAll=get]'"
                            + " of otel.instrumentation.genai.stores is ignored: method fetchAll"
                            + " not found in com.example.stores.MisconfiguredStore"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("'com.example.stores.Broken[get=fetch]'")
                    .contains("'fetch' is not an operation"))
        .anySatisfy(
            w -> assertThat(w).contains("'NotQualified'").contains("not a fully qualified"));
  }
}
