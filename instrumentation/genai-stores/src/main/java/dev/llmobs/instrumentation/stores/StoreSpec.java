package dev.llmobs.instrumentation.stores;

import dev.llmobs.genai.GenAiSemconv;
import dev.llmobs.genai.stores.StoreBackends;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One entry of {@code otel.instrumentation.genai.stores}: a class or interface whose
 * implementations are stores, which of their methods are which operation, and where the
 * conversation id is. Parsed by {@link StoreSpecs}; read on the agent side (what to instrument) and
 * in the application (what a call is).
 */
public final class StoreSpec {

  /** Default conversation id: the first String, UUID or CharSequence argument. */
  static final int ID_FIRST_STRING = -1;

  /** {@code id=none}: the operations name no conversation. */
  static final int ID_NONE = -2;

  // Default method names by prefix, in the order they are tried.
  private static final String[][] DEFAULT_PREFIXES = {
    {"get", GenAiSemconv.STORE_GET},
    {"find", GenAiSemconv.STORE_GET},
    {"load", GenAiSemconv.STORE_GET},
    {"read", GenAiSemconv.STORE_GET},
    {"create", GenAiSemconv.STORE_CREATE},
    {"insert", GenAiSemconv.STORE_CREATE},
    {"save", GenAiSemconv.STORE_UPDATE},
    {"put", GenAiSemconv.STORE_UPDATE},
    {"update", GenAiSemconv.STORE_UPDATE},
    {"append", GenAiSemconv.STORE_UPDATE},
    {"delete", GenAiSemconv.STORE_DELETE},
    {"remove", GenAiSemconv.STORE_DELETE},
    {"list", GenAiSemconv.STORE_LIST}
  };

  private final String entry;
  private final String className;
  private final Map<String, String> methods;
  private final int idArgument;
  private final String idAccessor;
  private final String name;
  private final String backend;
  private final Map<Class<?>, Method> accessors = new ConcurrentHashMap<>();

  StoreSpec(
      String entry,
      String className,
      Map<String, String> methods,
      int idArgument,
      String idAccessor,
      String name,
      String backend) {
    this.entry = entry;
    this.className = className;
    this.methods = Collections.unmodifiableMap(methods);
    this.idArgument = idArgument;
    this.idAccessor = idAccessor;
    this.name = name;
    this.backend = backend;
  }

  /** The entry as written, for messages. */
  public String entry() {
    return entry;
  }

  public String className() {
    return className;
  }

  /** Explicit method-to-operation map; empty: the default prefixes apply. */
  public Map<String, String> methods() {
    return methods;
  }

  /** The default prefixes, for matching the methods of an entry without a map. */
  static String[] defaultPrefixes() {
    String[] prefixes = new String[DEFAULT_PREFIXES.length];
    for (int i = 0; i < prefixes.length; i++) {
      prefixes[i] = DEFAULT_PREFIXES[i][0];
    }
    return prefixes;
  }

  /** The operation of method {@code methodName}, or null when it is not a store operation. */
  public String operation(String methodName) {
    if (!methods.isEmpty()) {
      return methods.get(methodName);
    }
    for (String[] prefix : DEFAULT_PREFIXES) {
      if (methodName.startsWith(prefix[0])) {
        return prefix[1];
      }
    }
    return null;
  }

  /** The store's name in spans and metrics: {@code name=}, else the entry's simple class name. */
  public String storeName() {
    return name != null ? name : StoreBackends.simpleName(className);
  }

  /** {@code backend=}, or null: then the implementation's class tells. */
  public String backend() {
    return backend;
  }

  /** The conversation id among a call's arguments, or null. */
  public String conversationId(Object[] args) {
    if (args == null || idArgument == ID_NONE) {
      return null;
    }
    if (idArgument == ID_FIRST_STRING) {
      for (Object arg : args) {
        if (isId(arg)) {
          return arg.toString();
        }
      }
      return null;
    }
    if (idArgument >= args.length || args[idArgument] == null) {
      return null;
    }
    Object arg = args[idArgument];
    if (idAccessor == null || isId(arg)) {
      return arg.toString();
    }
    Object id = access(arg);
    return id == null ? null : id.toString();
  }

  private static boolean isId(Object arg) {
    return arg instanceof CharSequence || arg instanceof UUID;
  }

  // id=N.accessor: the argument's public no-argument method (a record component, getId, ...).
  private Object access(Object arg) {
    Method method = accessors.get(arg.getClass());
    if (method == null) {
      try {
        method = arg.getClass().getMethod(idAccessor);
      } catch (NoSuchMethodException | SecurityException e) {
        return null;
      }
      if (accessors.size() < 100) {
        accessors.put(arg.getClass(), method);
      }
    }
    try {
      if (!method.isAccessible()) {
        method.setAccessible(true); // a public method of a non-public class (a private record)
      }
      return method.invoke(arg);
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return entry;
  }
}
