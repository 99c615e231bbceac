package dev.llmobs.gateway.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Conversations in Redis: one list per conversation ({@code <prefix>conversation:<id>}) and a set
 * of all ids ({@code <prefix>conversations}) for the count. Writes are Lua scripts, so each one is
 * atomic.
 */
public final class RedisConversationStore implements ConversationStore {

  public static final String DEFAULT_PREFIX = "gateway:";

  // KEYS[1] = id set, KEYS[2] = item list; ARGV[1] = id, ARGV[2..] = items
  private static final String CREATE =
      "if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end "
          + "redis.call('DEL', KEYS[2]) "
          + "if #ARGV > 1 then redis.call('RPUSH', KEYS[2], unpack(ARGV, 2)) end "
          + "return 1";
  private static final String APPEND =
      "if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return 0 end "
          + "if #ARGV > 1 then redis.call('RPUSH', KEYS[2], unpack(ARGV, 2)) end "
          + "return 1";
  private static final String DELETE =
      "redis.call('DEL', KEYS[2]) return redis.call('SREM', KEYS[1], ARGV[1])";
  private static final String GET =
      "if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return false end "
          + "return redis.call('LRANGE', KEYS[2], 0, -1)";

  private final JedisPooled redis;
  private final String prefix;

  public RedisConversationStore(String url) {
    this(url, DEFAULT_PREFIX);
  }

  public RedisConversationStore(String url, String prefix) {
    this.redis = new JedisPooled(java.net.URI.create(url));
    this.prefix = prefix;
    call(() -> redis.ping());
  }

  @Override
  public Optional<Conversation> get(String id) {
    Object items = call(() -> redis.eval(GET, keys(id), List.of(id)));
    if (!(items instanceof List<?> list)) {
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>(list.size());
    for (Object item : list) {
      texts.add(
          item instanceof byte[] bytes
              ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
              : String.valueOf(item));
    }
    return Optional.of(new Conversation(id, texts));
  }

  @Override
  public void create(Conversation conversation) {
    if (!isOne(
        call(
            () ->
                redis.eval(
                    CREATE,
                    keys(conversation.id()),
                    args(conversation.id(), conversation.items()))))) {
      throw new ConversationExistsException(conversation.id());
    }
  }

  @Override
  public boolean append(String id, List<String> items) {
    return isOne(call(() -> redis.eval(APPEND, keys(id), args(id, items))));
  }

  @Override
  public boolean delete(String id) {
    return isOne(call(() -> redis.eval(DELETE, keys(id), List.of(id))));
  }

  @Override
  public long count() {
    return call(() -> redis.scard(prefix + "conversations"));
  }

  @Override
  public void close() {
    redis.close();
  }

  private List<String> keys(String id) {
    return List.of(prefix + "conversations", prefix + "conversation:" + id);
  }

  private static List<String> args(String id, List<String> items) {
    List<String> args = new ArrayList<>(items.size() + 1);
    args.add(id);
    args.addAll(items);
    return args;
  }

  private static boolean isOne(Object result) {
    return result instanceof Long value && value == 1L;
  }

  private static <T> T call(java.util.function.Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw new StoreException("conversation store (Redis) failed: " + e.getMessage(), e);
    }
  }
}
