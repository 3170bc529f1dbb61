package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.LicenseQuery;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import okio.BufferedSink;
import okio.Okio;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes every licence (or those --filter keeps, in the order of --sort), streamed page by"
          + " page (any number of licences, constant memory).",
      "json: an array of objects with the API's property names; ndjson: one object per line;"
          + " csv: RFC 4180 with a header of the API's 23 property names, lists joined with ';',"
          + " null as an empty field.",
      "Enum values use the document's casing when known, otherwise the server's string;"
          + " date-times are ISO-8601 with the server's offset; nulls are written as null.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  vspc-licenses --demo export",
      "  vspc-licenses export --format ndjson | jq -r 'select(.status != \"Valid\") | .company'",
      "  vspc-licenses export --format csv --output licences.csv",
      "  vspc-licenses export --filter status=Expired --columns company,expirationDate",
      "  vspc-licenses export --format csv --filter 'expirationDate<2027-01-01' --sort expirationDate",
      "",
      "With --output a file is written under a temporary name and renamed when complete:"
          + " a failure never leaves a partial file. A symbolic link is followed (its target is"
          + " replaced, the link stays); a FIFO, a character device, /dev/stdout and"
          + " /dev/stderr are written to directly; a directory or a socket is refused."
    })
final class ExportCommand extends QueryCommandBase implements Callable<Integer> {
  private static final int OUTPUT_BUFFER = 64 * 1024;

  @Option(
      names = "--columns",
      paramLabel = "PROP",
      split = ",",
      description =
          "Only these properties, in this order (API names, e.g."
              + " company,status,expirationDate): the server sends only them.")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "json, ndjson or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description =
          "Write to FILE (replaced atomically when complete; see below) instead of" + " stdout.")
  @Nullable Path output;

  /** What the server is asked for: the filter and sort, and the columns as select. */
  private LicenseQuery asked = LicenseQuery.all();

  @Override
  public Integer call() throws Exception {
    Io io = root.io;
    asked = query.query(spec.commandLine());
    if (!columns.isEmpty()) {
      try {
        asked = asked.select(columns.stream().map(String::trim).toArray(String[]::new));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "bad --columns: " + Io.oneLine(e.getMessage()));
      }
    }
    OutputTarget target = null;
    if (output != null) {
      try {
        target = OutputTarget.of(output);
      } catch (OutputTarget.Refused e) {
        throw new ParameterException(spec.commandLine(), "--output " + e.getMessage());
      }
    }
    OutputTarget.Kind kind = target == null ? OutputTarget.Kind.STDOUT : target.kind;
    // Progress on a terminal, but not into the licences being printed on that terminal.
    boolean progress = kind == OutputTarget.Kind.REPLACE || kind == OutputTarget.Kind.STREAM;
    try (Root.Session session = root.open(spec.commandLine(), progress)) {
      return switch (kind) {
        case STDOUT -> exportDirectly(session, new Checked(io.out), "standard output", null);
        case STDERR -> exportDirectly(session, new Checked(io.err), "standard error", null);
        case STREAM -> exportToStream(session, target, output);
        case REPLACE -> exportToFile(session, target.path, output);
      };
    }
  }

  /**
   * Into a FIFO, a device or a descriptor path, opened as it is: never replaced, so a failure
   * leaves what was written so far (the error says so).
   */
  private int exportToStream(Root.Session session, OutputTarget target, Path given) {
    String name = target.describe(given);
    OutputStream os;
    try {
      os =
          target.truncate
              ? Files.newOutputStream(
                  target.path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
              : Files.newOutputStream(target.path, StandardOpenOption.WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      throw new CliException(
          "cannot open "
              + name
              + " for writing ("
              + Errors.message(e)
              + "); check the path and its permissions",
          e);
    }
    try (os) {
      return exportDirectly(session, os, name, given);
    } catch (IOException e) {
      throw new CliException("cannot close " + name + " (" + Errors.message(e) + ")", e);
    }
  }

  /** Streams into {@code os}, which stays open; nothing is written before the first page. */
  private int exportDirectly(
      Root.Session session, OutputStream os, String name, @Nullable Path file) {
    // Writes of 64 KiB rather than the sink's 8 KiB segments: an eighth of the system calls.
    BufferedSink sink =
        Okio.buffer(Okio.sink(new BufferedOutputStream(new NonClosing(os), OUTPUT_BUFFER)));
    LicenseWriter writer = LicenseWriter.of(format, sink, asked.selected());
    long count;
    try {
      count = export(session, writer, sink, true);
      sink.flush();
    } catch (IOException e) {
      throw new CliException(
          "cannot write to "
              + name
              + " ("
              + Errors.message(e)
              + "); check the pipe, the device or the disk",
          e);
    } catch (RuntimeException e) {
      flushQuietly(sink);
      // Nothing is written before the first page arrived: a failure before that is whole.
      throw new CliException(
          Errors.describe(e, root.strict)
              + (writer.started()
                  ? " (the output" + (file == null ? "" : " written to " + name) + " is incomplete)"
                  : ""),
          e);
    }
    if (file != null && root.io.interactive) {
      root.io.printErr("wrote " + Values.count(count, "licence") + " to " + file);
    }
    return 0;
  }

  /** Replaces {@code file} (a regular file or a new one, never a link) when complete. */
  private int exportToFile(Root.Session session, Path file, Path given) {
    Path dir = file.getParent();
    Path temp;
    try {
      temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new CliException(
          "cannot create a file in "
              + dir
              + " ("
              + e.getClass().getSimpleName()
              + "); check that the directory exists and is writable",
          e);
    }
    try {
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        keepPermissions(file, temp);
      }
      long count;
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(temp), OUTPUT_BUFFER);
          BufferedSink sink = Okio.buffer(Okio.sink(os))) {
        count = export(session, LicenseWriter.of(format, sink, asked.selected()), sink, false);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (root.io.interactive) {
        root.io.printErr("wrote " + Values.count(count, "licence") + " to " + given);
      }
      return 0;
    } catch (RuntimeException | IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort; the name starts with a dot and ends with .part
      }
      String cause =
          e instanceof IOException
              ? "cannot write " + temp + " (" + Errors.message(e) + "); check the disk"
              : Errors.describe(e, root.strict);
      String where =
          file.equals(given.toAbsolutePath())
              ? given.toString()
              : given + " (a link to " + file + ")";
      throw new CliException(cause + "; " + where + " was not written (left as it was)", e);
    }
  }

  /** Streams every licence into {@code sink}; returns how many. */
  private long export(
      Root.Session session, LicenseWriter writer, BufferedSink sink, boolean streaming)
      throws IOException {
    try (Stream<BackupServerLicense> licenses = session.client.stream(asked)) {
      Iterator<BackupServerLicense> it = licenses.iterator();
      boolean more = it.hasNext(); // nothing is written before the first page has arrived
      writer.start();
      for (; more; more = it.hasNext()) {
        writer.write(it.next());
        if (streaming && writer.count() % 1000 == 0) {
          sink.flush(); // a reader downstream sees licences as they come
        }
      }
    }
    session.events.finish();
    writer.end();
    return writer.count();
  }

  /** A replaced file keeps its permissions; a new one is readable by its owner only. */
  private static void keepPermissions(Path from, Path to) {
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (IOException | UnsupportedOperationException e) {
      // not POSIX, or not ours: the temporary file's defaults stay
    }
  }

  private static void flushQuietly(BufferedSink sink) {
    try {
      sink.flush();
    } catch (IOException ignored) {
      // already failing
    }
  }

  /** A PrintStream keeps its errors to itself: this makes them IOExceptions again. */
  private static final class Checked extends FilterOutputStream {
    private final PrintStream stream;

    Checked(PrintStream stream) {
      super(stream);
      this.stream = stream;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      stream.write(b, off, len);
    }

    /** Errors show here: the sink flushes every 1,000 licences and at the end. */
    @Override
    public void flush() throws IOException {
      if (stream.checkError()) { // flushes too
        throw new IOException("write failed");
      }
    }
  }

  /** Lets the sink flush into a stream without closing it. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
