package dev.licensewatch.vspc.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of {@code vspc-licenses}. {@link #run} is the whole program without {@code
 * System.exit}, for tests and embedding.
 */
public final class Main {
  /** Exit code of a failed command (server, network, file). */
  static final int FAILURE = 1;

  /** Exit code of a usage error (as picocli uses). */
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, System.getenv(), Io.stderrIsTerminal());
    System.out.flush();
    System.exit(code);
  }

  /** Runs the program; returns the exit code. Never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, false);
  }

  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      boolean interactive) {
    Io io = new Io(out, err, env, interactive);
    collectSecrets(args, io);
    boolean verboseRequested = Arrays.asList(args).contains("--verbose");
    boolean strictRequested = Arrays.asList(args).contains("--strict");
    CommandLine cmd = null;
    try {
      Root root = new Root(io);
      cmd = new CommandLine(root);
      // Only the command named; all of them for help, a missing or an unknown command, and when
      // another argument is a command's name too (picocli does not take a command's name as an
      // option's value: "--url check list" must stay a usage error).
      String named = subcommand(cmd, args);
      boolean alone =
          named != null && Arrays.stream(args).filter(Root.COMMANDS::containsKey).count() == 1;
      for (Map.Entry<String, Supplier<Object>> command : Root.COMMANDS.entrySet()) {
        if (!alone || named.equals(command.getKey())) {
          cmd.addSubcommand(command.getKey(), command.getValue().get());
        }
      }
      // The settings below reach the subcommands added before them.
      cmd.setCaseInsensitiveEnumValuesAllowed(true);
      QueryOptions.addHelp(cmd);
      cmd.setOut(new PrintWriter(out, true));
      cmd.setErr(new PrintWriter(err, true));
      cmd.setParameterExceptionHandler((ex, arguments) -> usageError(ex, io, arguments));
      // A ParameterException thrown by a command is rethrown by picocli to the handler above.
      cmd.setExecutionExceptionHandler(
          (ex, commandLine, parseResult) -> {
            boolean check = commandLine.getCommandSpec().userObject() instanceof CheckCommand;
            return failure(ex, io, root.verbose, root.strict, check);
          });
      return cmd.execute(args);
    } catch (Throwable t) {
      // picocli's execution handler sees Exceptions only: an Error (StackOverflowError, a
      // NoClassDefFoundError from a broken jar) ends up here, and check must still say UNKNOWN.
      boolean check = cmd != null && "check".equals(subcommand(cmd, args));
      return failure(t, io, verboseRequested, strictRequested, check);
    } finally {
      CliLogging.off();
    }
  }

  /** Options whose value is a token (emulator --token and --low-role-token too). */
  private static final String[] SECRET_OPTIONS = {"--token", "--low-role-token"};

  /** Tokens given on the command line or in the environment are redacted from every line. */
  private static void collectSecrets(String[] args, Io io) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      for (String option : SECRET_OPTIONS) {
        if (arg.equals(option) && i + 1 < args.length) {
          io.addSecret(args[i + 1]);
        } else if (arg.startsWith(option + "=")) {
          io.addSecret(arg.substring(option.length() + 1));
        }
      }
    }
    io.addSecret(io.env.get("VSPC_TOKEN"));
    io.addSecret(io.env.get(VerifyCommand.LOW_ROLE_TOKEN_VARIABLE));
  }

  private static int usageError(ParameterException ex, Io io, String[] args) {
    CommandLine where = ex.getCommandLine();
    String command = where.getCommandSpec().qualifiedName(" ");
    String message = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
    if (ex instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
    }
    boolean check =
        where.getCommandSpec().userObject() instanceof CheckCommand
            || (where.getCommandSpec().userObject() instanceof Root
                && "check".equals(subcommand(where, args)));
    if (check) {
      // Monitoring systems read stdout and treat 2 as CRITICAL: a usage error is UNKNOWN.
      io.out.println(
          io.redact(
              "LICENSES UNKNOWN - " + Io.oneLine(message) + "; see '" + command + " --help'"));
      io.out.flush();
      return CheckCommand.UNKNOWN;
    }
    io.error(message + "; see '" + command + " --help'");
    return USAGE;
  }

  /**
   * The subcommand named in {@code args} when parsing failed before reaching it (say {@code
   * --timeout x check}): the first word that is neither an option of the root command nor the value
   * of one.
   */
  private static @Nullable String subcommand(CommandLine root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return null;
      }
      if (!arg.startsWith("-")) {
        return Root.COMMANDS.containsKey(arg) ? arg : null;
      }
      OptionSpec option = root.getCommandSpec().findOption(arg);
      if (option != null && option.arity().min() > 0) {
        i++; // its value, which may look like anything (--url check)
      }
    }
    return null;
  }

  private static int failure(Throwable t, Io io, boolean verbose, boolean strict, boolean check) {
    String message = Errors.describe(t, strict);
    if (check) {
      io.out.println(io.redact("LICENSES UNKNOWN - " + Io.oneLine(message)));
      io.out.flush();
    } else {
      io.error(message);
    }
    if (verbose) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      io.printErr(trace.toString());
    }
    return check ? CheckCommand.UNKNOWN : FAILURE;
  }
}
