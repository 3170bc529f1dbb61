package dev.licensewatch.vspc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code export --output PATH} writes, decided before anything is fetched, as {@code sort -o}
 * and {@code curl -o} users expect:
 *
 * <ul>
 *   <li>a regular file or a new path: written under a temporary name in its directory and renamed
 *       over it when complete ({@link Kind#REPLACE});
 *   <li>a symbolic link: followed to its final target, which is then handled as here (a dangling
 *       link gets its target created), so the link itself stays;
 *   <li>a FIFO or a character device: opened and written to directly ({@link Kind#STREAM}): a
 *       rename would replace the pipe or the device with a regular file;
 *   <li>{@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N}, {@code /proc/self/fd/N}: this
 *       process's own stream ({@link Kind#STDOUT}, {@link Kind#STDERR}), or for another descriptor
 *       the path opened directly; never followed, because the file behind a descriptor may be a
 *       file the shell opened for appending;
 *   <li>anything else (a directory, a socket, a block device, the standard input): refused.
 * </ul>
 */
final class OutputTarget {
  /** As Linux's MAXSYMLINKS: more hops than this is a loop, or as good as one. */
  static final int MAX_LINKS = 40;

  private static final Pattern DESCRIPTOR =
      Pattern.compile("/(?:dev/fd|proc/(?:self|thread-self|(\\d+))/fd)/(\\d+)");

  enum Kind {
    /** A regular file, replaced atomically; or a new one. */
    REPLACE,
    /** Opened for writing and streamed into; no temporary file. */
    STREAM,
    STDOUT,
    STDERR
  }

  final Kind kind;

  /** REPLACE: the final target (not the link); STREAM: the path to open. */
  final Path path;

  /** Whether a STREAM target is truncated when opened (a file behind a descriptor path). */
  final boolean truncate;

  private OutputTarget(Kind kind, Path path, boolean truncate) {
    this.kind = kind;
    this.path = path;
    this.truncate = truncate;
  }

  /** Thrown for a path this command must not write to; nothing was touched. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  static OutputTarget of(Path given) throws Refused {
    Path path = given.toAbsolutePath();
    for (int hops = 0; ; hops++) {
      OutputTarget descriptor = descriptor(path, given);
      if (descriptor != null) {
        return descriptor;
      }
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException absent) {
        return newFile(given, path);
      } catch (IOException | SecurityException e) {
        throw new Refused(given + " cannot be examined (" + Errors.message(e) + ")");
      }
      if (attributes.isSymbolicLink()) {
        if (hops == MAX_LINKS) {
          throw new Refused(
              given + " has more than " + MAX_LINKS + " levels of symbolic links (a loop?)");
        }
        try {
          // Relative to the link's directory; ".." is left for the file system to resolve.
          path = path.resolveSibling(Files.readSymbolicLink(path));
        } catch (IOException | SecurityException e) {
          throw new Refused(
              "the symbolic link " + path + " cannot be read (" + Errors.message(e) + ")");
        }
        continue;
      }
      if (attributes.isRegularFile()) {
        return new OutputTarget(Kind.REPLACE, path, false);
      }
      if (attributes.isDirectory()) {
        throw new Refused(named(given, path) + " is a directory; give a file name");
      }
      String type = type(path);
      if (type == null || type.equals("a FIFO") || type.equals("a character device")) {
        // An unknown type (no unix attributes here) is never replaced either: opening it tells.
        return new OutputTarget(Kind.STREAM, path, false);
      }
      throw new Refused(
          named(given, path)
              + " is "
              + type
              + ", not a file, a FIFO or a"
              + " character device; give a file name");
    }
  }

  private static @Nullable OutputTarget descriptor(Path path, Path given) throws Refused {
    String text = path.normalize().toString();
    int fd;
    switch (text) {
      case "/dev/stdin" -> fd = 0;
      case "/dev/stdout" -> fd = 1;
      case "/dev/stderr" -> fd = 2;
      default -> {
        Matcher m = DESCRIPTOR.matcher(text);
        if (!m.matches() || m.group(2).length() > 9) {
          return null;
        }
        String pid = m.group(1);
        if (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid()))) {
          return null; // another process's descriptor: an ordinary link, followed
        }
        fd = Integer.parseInt(m.group(2));
      }
    }
    return switch (fd) {
      case 0 -> throw new Refused(named(given, path) + " is the standard input");
      case 1 -> new OutputTarget(Kind.STDOUT, path, false);
      case 2 -> new OutputTarget(Kind.STDERR, path, false);
      default -> new OutputTarget(Kind.STREAM, path, true);
    };
  }

  private static OutputTarget newFile(Path given, Path path) throws Refused {
    Path dir = path.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new Refused("the directory of " + named(given, path) + " does not exist");
    }
    return new OutputTarget(Kind.REPLACE, path, false);
  }

  /** "a FIFO", "a socket", ... from the file's mode; null where there are no unix attributes. */
  private static @Nullable String type(Path path) {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | ClassCastException
        | SecurityException e) {
      return null;
    }
    return switch (mode & 0170000) { // S_IFMT
      case 0010000 -> "a FIFO";
      case 0020000 -> "a character device";
      case 0060000 -> "a block device";
      case 0140000 -> "a socket";
      default -> "a special file (mode " + Integer.toOctalString(mode) + ")";
    };
  }

  /** The path the user gave, and where a link led when that is elsewhere. */
  private static String named(Path given, Path path) {
    return path.equals(given.toAbsolutePath())
        ? given.toString()
        : given + " (a link to " + path + ")";
  }

  /** How the command names this target in messages. */
  String describe(Path given) {
    return switch (kind) {
      case STDOUT -> "standard output";
      case STDERR -> "standard error";
      default -> named(given, path);
    };
  }
}
