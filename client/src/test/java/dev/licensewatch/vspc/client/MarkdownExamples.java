package dev.licensewatch.vspc.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * The {@code java} code blocks of a Markdown file, compiled as they are written (with the in-memory
 * compiler) in a class of another package, so they may use only the public API, and run on demand.
 * A block is the body of {@link Example#run()}; the names examples use without declaring them
 * ({@code client}, {@code token}, {@code inventory}, {@code log}, {@code metrics}) are the fields
 * of {@link Example}.
 */
public final class MarkdownExamples {
  private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);

  private MarkdownExamples() {}

  /** The file's {@code java} blocks, in order. */
  static List<String> javaBlocks(Path markdown) {
    String text;
    try {
      text = Files.readString(markdown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The first {@code java} block after the line {@code heading}, compiled. */
  static Example after(Path markdown, String heading) {
    return after(markdown, heading, Map.of());
  }

  /**
   * As {@link #after(Path, String)}, with each key of {@code edits} replaced by its value in the
   * block first, e.g. the documented server by the test's; a key the block lacks fails, so the
   * edits cannot silently stop applying.
   */
  static Example after(Path markdown, String heading, Map<String, String> edits) {
    String text;
    try {
      text = Files.readString(markdown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int at = text.indexOf("\n" + heading + "\n");
    if (at < 0) {
      throw new AssertionError(markdown + " has no heading '" + heading + "'");
    }
    Matcher m = BLOCK.matcher(text);
    if (!m.find(at)) {
      throw new AssertionError(markdown + " has no java block after '" + heading + "'");
    }
    String block = m.group(1);
    for (Map.Entry<String, String> edit : edits.entrySet()) {
      if (!block.contains(edit.getKey())) {
        throw new AssertionError(
            "the java block after '" + heading + "' has no '" + edit.getKey() + "':\n" + block);
      }
      block = block.replace(edit.getKey(), edit.getValue());
    }
    return compile(markdown, m.start(), block);
  }

  /**
   * Compiles one block; fails with the compiler's messages (and the block) when it does not
   * compile.
   */
  static Example compile(Path markdown, int index, String block) {
    String name = "Example" + index;
    String source =
        "package readme;\n"
            + "import dev.licensewatch.vspc.client.*;\n"
            + "import java.nio.file.Path;\n"
            + "import java.time.Instant;\n"
            + "import java.util.stream.Stream;\n"
            + "public final class "
            + name
            + " extends "
            + Example.class.getCanonicalName()
            + " {\n"
            + "  @Override\n"
            + "  protected void run() throws Exception {\n"
            + block
            + "  }\n"
            + "}\n";
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, null);
    JavaFileManager inMemory =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                URI.create("mem:///" + className + kind.extension), kind) {
              @Override
              public OutputStream openOutputStream() {
                return classes.computeIfAbsent(className, c -> new ByteArrayOutputStream());
              }
            };
          }
        };
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///readme/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    List<String> options =
        List.of("-classpath", System.getProperty("java.class.path"), "-proc:none");
    boolean ok = compiler.getTask(null, inMemory, diagnostics, options, null, List.of(file)).call();
    if (!ok) {
      throw new AssertionError(
          "java block "
              + index
              + " of "
              + markdown
              + " does not compile: "
              + diagnostics.getDiagnostics()
              + "\n"
              + block);
    }
    ClassLoader loader =
        new ClassLoader(MarkdownExamples.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String className) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(className);
            if (bytes == null) {
              throw new ClassNotFoundException(className);
            }
            byte[] b = bytes.toByteArray();
            return defineClass(className, b, 0, b.length);
          }
        };
    try {
      return (Example) loader.loadClass("readme." + name).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** What a block runs in: the names it uses, and what it printed. */
  public abstract static class Example {
    /** A client the test built, for blocks that use one. */
    protected VspcLicensingClient client;

    /** The token of the test's server. */
    protected String token = Fixtures.TOKEN;

    /** Where {@code inventory::add} puts licences. */
    protected final List<BackupServerLicense> inventory = new ArrayList<>();

    /** The application's logger, as far as the examples use one. */
    protected final Log log = new Log();

    /** The application's metrics, as far as the examples use them. */
    protected final Metrics metrics = new Metrics();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    /**
     * Stands for {@code java.lang.System} in the blocks (a member type comes before {@code
     * java.lang}), so that what they print is captured apart from the log, which slf4j-simple
     * writes to the real {@code System.out}.
     */
    protected static final class System {
      /** Where the running block prints. */
      public static PrintStream out = java.lang.System.out;

      private System() {}

      /**
       * As {@code java.lang.System.getenv}.
       *
       * @param name the variable
       * @return its value, or null
       */
      public static @Nullable String getenv(String name) {
        return java.lang.System.getenv(name);
      }
    }

    protected Example() {}

    /** The block. */
    protected abstract void run() throws Exception;

    /** Runs the block with {@code client}, capturing what it prints to {@code System.out}. */
    public final Example runWith(VspcLicensingClient client) throws Exception {
      this.client = client;
      return runAlone();
    }

    /**
     * Runs a block that builds its own client (edited to assign {@code client}, which the caller
     * then closes), capturing what it prints to {@code System.out}.
     */
    public final Example runAlone() throws Exception {
      synchronized (MarkdownExamples.class) {
        System.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        run();
      }
      return this;
    }

    /** The lines the block printed. */
    public final List<String> printedLines() {
      String text = printed.toString(StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
  }

  /** Records what an example logs, with SLF4J's {@code {}} placeholders filled in. */
  public static final class Log {
    final List<String> lines = new CopyOnWriteArrayList<>(); // listeners log from any thread

    /** As SLF4J's. */
    public void error(String format, Object... args) {
      lines.add(fill(format, args));
    }

    /** As SLF4J's. */
    public void warn(String format, Object... args) {
      lines.add(fill(format, args));
    }

    private static String fill(String format, Object... args) {
      StringBuilder out = new StringBuilder();
      int from = 0;
      for (Object arg : args) {
        int at = format.indexOf("{}", from);
        if (at < 0) {
          break;
        }
        out.append(format, from, at).append(arg);
        from = at + 2;
      }
      return out.append(format.substring(from)).toString();
    }
  }

  /** Counts what an example counts. */
  public static final class Metrics {
    final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /** Adds one to {@code name}. */
    public void increment(String name) {
      counts.merge(name, 1, Integer::sum);
    }
  }
}
