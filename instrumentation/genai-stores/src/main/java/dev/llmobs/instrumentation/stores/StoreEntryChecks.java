package dev.llmobs.instrumentation.stores;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Tells the user, once per entry, when a configured store entry cannot work: its class does not
 * exist, or a method it maps is not a method of that class. Agent side, from what the agent sees as
 * classes load; a class that never loads anywhere near its package is never reported.
 */
final class StoreEntryChecks {

  private static final Logger logger = Logger.getLogger(StoreEntryChecks.class.getName());

  private final StoreSpec spec;
  private final String classFile;
  private final String packageDir;
  private volatile boolean found;
  private final AtomicBoolean reported = new AtomicBoolean();
  private final AtomicBoolean methodsChecked = new AtomicBoolean();

  StoreEntryChecks(StoreSpec spec) {
    this.spec = spec;
    String path = spec.className().replace('.', '/');
    this.classFile = path + ".class";
    this.packageDir = path.substring(0, path.lastIndexOf('/') + 1);
  }

  StoreSpec spec() {
    return spec;
  }

  /**
   * At start-up: a class on the application class path is fine; one missing from a package that is
   * there is reported now. Otherwise (a Spring Boot jar, an application server) the check waits for
   * a class loader that has the package.
   */
  void atStart(ClassLoader system) {
    inLoader(system);
  }

  /** Whether {@code loader} has the entry's class; reports it missing from its package there. */
  boolean inLoader(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    if (loader.getResource(classFile) != null) {
      found = true;
      return true;
    }
    if (!found && loader.getResource(packageDir) != null) {
      report(
          "class "
              + spec.className()
              + " not found (its package is on the class path of "
              + loader.getClass().getName()
              + ")");
    }
    return false;
  }

  /** A class of the entry's hierarchy matched: checks the mapped methods exist, once. */
  void matched(TypeDescription type) {
    if (!methodsChecked.compareAndSet(false, true)) {
      return;
    }
    TypeDescription configured = find(type, spec.className());
    if (configured == null) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    collectMethodNames(configured, names);
    if (spec.methods().isEmpty()) {
      for (String name : names) {
        if (spec.operation(name) != null) {
          return;
        }
      }
      report(
          spec.className()
              + " has no method named get*, find*, load*, read*, create*, insert*, save*, put*,"
              + " update*, append*, delete*, remove* or list*: map its methods in [...]");
      return;
    }
    for (String method : spec.methods().keySet()) {
      if (!names.contains(method)) {
        report("method " + method + " not found in " + spec.className());
        return;
      }
    }
  }

  private void report(String what) {
    if (reported.compareAndSet(false, true)) {
      logger.warning(StoreSpecs.problem(spec.entry(), what));
    }
  }

  private static TypeDescription find(TypeDefinition type, String name) {
    if (type == null) {
      return null;
    }
    TypeDescription erasure = type.asErasure();
    if (erasure.getName().equals(name)) {
      return erasure;
    }
    for (TypeDescription.Generic candidate : erasure.getInterfaces()) {
      TypeDescription found = find(candidate, name);
      if (found != null) {
        return found;
      }
    }
    return find(erasure.getSuperClass(), name);
  }

  private static void collectMethodNames(TypeDefinition type, Set<String> names) {
    if (type == null || type.asErasure().represents(Object.class)) {
      return;
    }
    for (MethodDescription method : type.getDeclaredMethods()) {
      if (method.isMethod()) {
        names.add(method.getName());
      }
    }
    for (TypeDescription.Generic candidate : type.getInterfaces()) {
      collectMethodNames(candidate, names);
    }
    collectMethodNames(type.getSuperClass(), names);
  }
}
