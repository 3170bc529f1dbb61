package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.generated.model.BackupServerLicense;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import okio.BufferedSink;
import okio.Okio;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes every licence, streamed page by page (any number of licences, constant memory).",
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
      "",
      "With --output the file is written under a temporary name and renamed when complete:"
          + " a failure never leaves a partial file."
    })
final class ExportCommand implements Callable<Integer> {
  @ParentCommand Root root;
  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json, ndjson or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write to FILE (replaced atomically when complete) instead of stdout.")
  @Nullable Path output;

  @Override
  public Integer call() throws Exception {
    Io io = root.io;
    if (output != null && Files.isDirectory(output)) {
      throw new ParameterException(spec.commandLine(), "--output " + output + " is a directory");
    }
    // Progress on a terminal, but not into the licences being printed on that terminal.
    try (Root.Session session = root.open(spec.commandLine(), output != null)) {
      if (output == null) {
        BufferedSink sink = Okio.buffer(Okio.sink(new NonClosing(io.out)));
        LicenseWriter writer = LicenseWriter.of(format, sink);
        try {
          export(session, writer, sink, true);
          sink.flush();
        } catch (RuntimeException | IOException e) {
          flushQuietly(sink);
          // Nothing is written before the first page arrived: a failure before that is whole.
          throw new CliException(Errors.describe(e, root.strict)
              + (writer.started() ? " (the output is incomplete)" : ""), e);
        }
        if (io.out.checkError()) {
          throw new CliException("cannot write to standard output; check the pipe or disk");
        }
        return 0;
      }
      return exportToFile(session, output);
    }
  }

  private int exportToFile(Root.Session session, Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp;
    try {
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new CliException("cannot create a file in " + dir + " ("
          + e.getClass().getSimpleName() + "); check that the directory exists and is writable",
          e);
    }
    try {
      if (Files.exists(absolute)) {
        keepPermissions(absolute, temp);
      }
      long count;
      try (OutputStream os = Files.newOutputStream(temp);
          BufferedSink sink = Okio.buffer(Okio.sink(os))) {
        count = export(session, LicenseWriter.of(format, sink), sink, false);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      if (root.io.interactive) {
        root.io.printErr("wrote " + Values.count(count, "licence") + " to " + target);
      }
      return 0;
    } catch (RuntimeException | IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort; the name starts with a dot and ends with .part
      }
      throw new CliException(Errors.describe(e, root.strict) + "; " + target
          + " was not written (left as it was)", e);
    }
  }

  /** Streams every licence into {@code sink}; returns how many. */
  private long export(Root.Session session, LicenseWriter writer, BufferedSink sink,
      boolean toStdout) throws IOException {
    try (Stream<BackupServerLicense> licences = session.client.stream()) {
      Iterator<BackupServerLicense> it = licences.iterator();
      boolean more = it.hasNext();   // nothing is written before the first page has arrived
      writer.start();
      for (; more; more = it.hasNext()) {
        writer.write(it.next());
        if (toStdout && writer.count() % 1000 == 0) {
          sink.flush();
          if (root.io.out.checkError()) {
            throw new CliException("cannot write to standard output; check the pipe or disk");
          }
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

  /** Lets the sink flush into stdout without closing it. */
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
