package dev.llmobs.instrumentation.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreSpecsTest {

  final List<String> problems = new ArrayList<>();

  List<StoreSpec> parse(String value) {
    return StoreSpecs.parse(value, problems::add);
  }

  @Test
  void theIssuesExample() {
    List<StoreSpec> specs = parse("com.acme.ChatStore,com.acme.Cache[lookup=get,save=update;id=0]");

    assertThat(problems).isEmpty();
    assertThat(specs)
        .extracting(StoreSpec::className)
        .containsExactly("com.acme.ChatStore", "com.acme.Cache");
    StoreSpec chat = specs.get(0);
    assertThat(chat.methods()).isEmpty();
    assertThat(chat.storeName()).isEqualTo("ChatStore");
    StoreSpec cache = specs.get(1);
    assertThat(cache.operation("lookup")).isEqualTo("get");
    assertThat(cache.operation("save")).isEqualTo("update");
    // With a map, only mapped methods are store operations.
    assertThat(cache.operation("getStats")).isNull();
    assertThat(cache.conversationId(new Object[] {42, "c1"})).isEqualTo("42");
  }

  @Test
  void defaultOperationsByPrefix() {
    StoreSpec spec = parse("a.B").get(0);
    assertThat(
            Arrays.asList(
                "get",
                "findAll",
                "loadConversation",
                "readItems",
                "create",
                "insertRow",
                "saveAll",
                "put",
                "updateMessages",
                "append",
                "delete",
                "removeById",
                "listIds",
                "count",
                "close",
                "size"))
        .extracting(spec::operation)
        .containsExactly(
            "get", "get", "get", "get", "create", "create", "update", "update", "update", "update",
            "delete", "delete", "list", null, null, null);
  }

  @Test
  void defaultConversationIdIsTheFirstStringUuidOrCharSequence() {
    StoreSpec spec = parse("a.B").get(0);
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(spec.conversationId(new Object[] {7, "c-1", "c-2"})).isEqualTo("c-1");
    assertThat(spec.conversationId(new Object[] {7, uuid})).isEqualTo(uuid.toString());
    assertThat(spec.conversationId(new Object[] {new StringBuilder("sb")})).isEqualTo("sb");
    assertThat(spec.conversationId(new Object[] {7L, new Object()})).isNull();
    assertThat(spec.conversationId(new Object[0])).isNull();
  }

  public static final class Conversation {
    private final String id;

    Conversation(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  @Test
  void idOptions() {
    List<StoreSpec> specs =
        parse("a.None[id=none],a.Second[id=1],a.Accessor[create=create,get=get;id=0.id]");
    assertThat(problems).isEmpty();
    assertThat(specs.get(0).conversationId(new Object[] {"c"})).isNull();
    assertThat(specs.get(1).conversationId(new Object[] {"a", "b"})).isEqualTo("b");
    assertThat(specs.get(1).conversationId(new Object[] {"a"})).isNull();
    StoreSpec accessor = specs.get(2);
    // The argument itself when it is a String, its id() when it is an object.
    assertThat(accessor.conversationId(new Object[] {"resp_1"})).isEqualTo("resp_1");
    assertThat(accessor.conversationId(new Object[] {new Conversation("resp_2")}))
        .isEqualTo("resp_2");
    assertThat(accessor.conversationId(new Object[] {new Object()})).isNull();
  }

  @Test
  void nameAndBackend() {
    StoreSpec spec =
        parse(" com.acme.Cache [ lookup = cache_get ; name=responses; backend=memory ] ").get(0);
    assertThat(problems).isEmpty();
    assertThat(spec.storeName()).isEqualTo("responses");
    assertThat(spec.backend()).isEqualTo("memory");
    assertThat(spec.operation("lookup")).isEqualTo("cache_get");
  }

  @Test
  void nestedClassNamesKeepTheirSimpleName() {
    assertThat(parse("com.acme.Outer$InnerStore").get(0).storeName()).isEqualTo("InnerStore");
  }

  @Test
  void eachBadEntryIsOneProblemNamingItAndTheOthersStand() {
    List<StoreSpec> specs =
        parse(
            "com.acme.Good,NoPackage,com.acme.Cache[lookup=fetch],com.acme.X[id=first],"
                + "com.acme.Y[lookup],com.acme.Z[a=get,a=update],com.acme.W[a=get]tail,"
                + "com.acme.N[name=has space],com.acme.Last");

    assertThat(specs)
        .extracting(StoreSpec::className)
        .containsExactly("com.acme.Good", "com.acme.Last");
    assertThat(problems).hasSize(7);
    assertThat(problems.get(0))
        .startsWith(
            "llmobs: store entry 'NoPackage' of otel.instrumentation.genai.stores is ignored: ")
        .contains("not a fully qualified class name");
    assertThat(problems.get(1))
        .contains("'com.acme.Cache[lookup=fetch]'")
        .contains("'fetch' is not an operation (get, create, update, delete, list, cache_get)");
    assertThat(problems.get(2)).contains("'com.acme.X[id=first]'").contains("id=first");
    assertThat(problems.get(3)).contains("'com.acme.Y[lookup]'").contains("key=value");
    assertThat(problems.get(4)).contains("mapped twice");
    assertThat(problems.get(5)).contains("one [...] at the end");
    assertThat(problems.get(6)).contains("name=has space");
  }

  @Test
  void unbalancedBracketsAndControlCharactersAreReportedSafely() {
    List<StoreSpec> specs = parse("com.acme.A[get=get,com.acme.B\n,x");
    assertThat(specs).isEmpty();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).doesNotContain("\n").contains("\\n");
  }

  @Test
  void emptyOrUnset() {
    assertThat(parse(null)).isEmpty();
    assertThat(parse(" , ,")).isEmpty();
    assertThat(problems).isEmpty();
  }
}
