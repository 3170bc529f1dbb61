package dev.licensewatch.vspc.release;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiField;
import japicmp.model.JApiMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javassist.CtBehavior;
import javassist.CtClass;
import javassist.CtField;
import javassist.Modifier;
import javassist.bytecode.AccessFlag;
import javassist.bytecode.BadBytecode;
import javassist.bytecode.Descriptor;
import javassist.bytecode.SignatureAttribute;

/**
 * The public API of a jar as a sorted list of lines, one per public type and per public or
 * protected member, with modifiers, supertypes and generic signatures: what code compiled against
 * the jar can see. Read with japicmp (the jar as the "new" side of a comparison with nothing), so
 * what counts as API is japicmp's view of it.
 *
 * <p>A line that disappears or changes is an incompatible change; a new line is an addition.
 */
final class ApiSurface {
  private ApiSurface() {}

  static List<String> of(Path jar) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(AccessModifier.PROTECTED);
    options.setIncludeSynthetic(false);
    // Supertypes from other libraries (Moshi, Java) need not be on a class path to be named.
    options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
    List<JApiClass> classes =
        new JarArchiveComparator(options)
            .compare(List.of(), List.of(new JApiCmpArchive(jar.toFile(), "current")));
    TreeSet<String> lines = new TreeSet<>();
    for (JApiClass type : classes) {
      Optional<CtClass> ct = type.getNewClass();
      if (ct.isEmpty() || !visible(ct.get())) {
        continue;
      }
      String name = type.getFullyQualifiedName();
      lines.add(name + " " + declaration(ct.get()));
      for (JApiConstructor c : type.getConstructors()) {
        member(c, ct.get(), c.getNewConstructor()).ifPresent(m -> lines.add(name + " " + m));
      }
      for (JApiMethod m : type.getMethods()) {
        member(m, ct.get(), m.getNewMethod()).ifPresent(s -> lines.add(name + " " + s));
      }
      for (JApiField f : type.getFields()) {
        f.getNewFieldOptional()
            .flatMap(field -> field(field, ct.get()))
            .ifPresent(s -> lines.add(name + " " + s));
      }
    }
    return List.copyOf(lines);
  }

  /** A public type, nested only in public types. */
  private static boolean visible(CtClass type) {
    try {
      for (CtClass c = type; c != null; c = c.getDeclaringClass()) {
        if (!Modifier.isPublic(c.getModifiers())) {
          return false;
        }
      }
      return true;
    } catch (javassist.NotFoundException e) {
      return false;
    }
  }

  private static String declaration(CtClass type) {
    String kind =
        type.isAnnotation()
            ? "@interface"
            : type.isInterface()
                ? "interface"
                : type.isEnum()
                    ? "enum"
                    : Modifier.isFinal(type.getModifiers())
                        ? "final class"
                        : Modifier.isAbstract(type.getModifiers()) ? "abstract class" : "class";
    String modifiers = Modifier.isStatic(type.getModifiers()) ? "static " : "";
    String signature = type.getGenericSignature();
    if (signature != null) {
      try {
        return modifiers + kind + " " + SignatureAttribute.toClassSignature(signature);
      } catch (BadBytecode e) {
        // fall back to the erased supertypes
      }
    }
    List<String> supertypes = new ArrayList<>();
    supertypes.add("extends " + type.getClassFile2().getSuperclass());
    for (String i : type.getClassFile2().getInterfaces()) {
      supertypes.add("implements " + i);
    }
    return modifiers + kind + " " + String.join(" ", supertypes);
  }

  /** Members a user can reach: public ones, and protected ones of a class they can extend. */
  private static boolean reachable(int modifiers, CtClass owner) {
    if (Modifier.isPublic(modifiers)) {
      return true;
    }
    return Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers());
  }

  private static Optional<String> member(
      JApiBehavior behavior, CtClass owner, Optional<? extends CtBehavior> member) {
    if (member.isEmpty()) {
      return Optional.empty();
    }
    CtBehavior b = member.get();
    int modifiers = b.getModifiers();
    int flags = b.getMethodInfo2().getAccessFlags();
    if (!reachable(modifiers, owner) || (flags & (AccessFlag.SYNTHETIC | AccessFlag.BRIDGE)) != 0) {
      return Optional.empty();
    }
    String signature = b.getGenericSignature() != null ? b.getGenericSignature() : b.getSignature();
    String shown;
    try {
      // javassist prints "<> " for a method without type parameters.
      shown = SignatureAttribute.toMethodSignature(signature).toString().replaceFirst("^<> ", "");
    } catch (BadBytecode e) {
      shown = signature;
    }
    String exceptions =
        behavior.getExceptions().stream()
            .map(e -> e.getName())
            .sorted()
            .collect(Collectors.joining(", "));
    return Optional.of(
        Modifier.toString(modifiers & ~Modifier.VARARGS & ~Modifier.SYNCHRONIZED)
            + " "
            + (behavior instanceof JApiConstructor ? "<init>" : behavior.getName())
            + " "
            + shown
            + (exceptions.isEmpty() ? "" : " throws " + exceptions));
  }

  private static Optional<String> field(CtField field, CtClass owner) {
    int modifiers = field.getModifiers();
    int flags = field.getFieldInfo2().getAccessFlags();
    if (!reachable(modifiers, owner) || (flags & AccessFlag.SYNTHETIC) != 0) {
      return Optional.empty();
    }
    String type = Descriptor.toClassName(field.getSignature());
    if (field.getGenericSignature() != null) {
      try {
        type = SignatureAttribute.toFieldSignature(field.getGenericSignature()).toString();
      } catch (BadBytecode e) {
        // keep the erased type
      }
    }
    return Optional.of(
        Modifier.toString(modifiers & ~Modifier.VOLATILE & ~Modifier.TRANSIENT)
            + " field "
            + field.getName()
            + " "
            + type);
  }
}
