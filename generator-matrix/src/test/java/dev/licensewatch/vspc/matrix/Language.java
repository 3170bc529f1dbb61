package dev.licensewatch.vspc.matrix;

import dev.licensewatch.vspc.matrix.programs.JavaNativeRoundTrip;
import dev.licensewatch.vspc.matrix.programs.JavaOkhttpGsonRoundTrip;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The languages of the matrix: the Maven execution that generates each client (its id in pom.xml),
 * what its date type holds, and how its client is compiled and its program run. The two Java
 * clients and the Kotlin one are compiled by Maven with the test sources; the others here, with
 * their own toolchains.
 */
enum Language {
  JAVA_OKHTTP_GSON("Java", "`java` (okhttp-gson)", "java-okhttp-gson", ChronoUnit.NANOS) {
    @Override
    void run(Path work, List<String> args) throws Exception {
      JavaOkhttpGsonRoundTrip.main(args.toArray(String[]::new));
    }
  },
  JAVA_NATIVE("Java", "`java` (native)", "java-native", ChronoUnit.NANOS) {
    @Override
    void run(Path work, List<String> args) throws Exception {
      JavaNativeRoundTrip.main(args.toArray(String[]::new));
    }
  },
  KOTLIN("Kotlin", "`kotlin`", "kotlin", ChronoUnit.NANOS) {
    @Override
    void run(Path work, List<String> args) throws Exception {
      // Compiled by kotlin-maven-plugin after javac, so reached by name.
      try {
        Class.forName("dev.licensewatch.vspc.matrix.programs.KotlinRoundTrip")
            .getMethod("main", String[].class)
            .invoke(null, (Object) args.toArray(String[]::new));
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
  },
  TYPESCRIPT_FETCH("TypeScript", "`typescript-fetch`", "typescript-fetch", ChronoUnit.MILLIS) {
    @Override
    String toolchain(Path work) throws Toolchain.Missing {
      String install = "install Node.js 20+ with npm";
      return "node "
          + Toolchain.version(work, install, "node", "--version")
          + ", npm "
          + Toolchain.version(work, install, "npm", "--version");
    }

    @Override
    void compile(Path work, Path sources, Path module) throws Exception {
      // The pinned compiler (package.json, package-lock.json), installed under target/.
      Path tools = work.resolve("tsc");
      Files.createDirectories(tools);
      copy(module.resolve("package.json"), tools.resolve("package.json"));
      copy(module.resolve("package-lock.json"), tools.resolve("package-lock.json"));
      Toolchain.run(tools, Map.of(), List.of("npm", "ci", "--no-audit", "--no-fund"));
      copy(sources.resolve("typescript/roundtrip.ts"), work.resolve("roundtrip.ts"));
      Files.writeString(
          work.resolve("tsconfig.json"),
          """
          {
            "compilerOptions": {
              "target": "ES2020",
              "module": "commonjs",
              "lib": ["ES2020", "DOM"],
              "strict": true,
              "outDir": "js"
            },
            "include": ["roundtrip.ts", "generated/**/*.ts"]
          }
          """,
          StandardCharsets.UTF_8);
      Toolchain.run(
          work,
          Map.of(),
          List.of(
              "node",
              tools.resolve("node_modules/typescript/bin/tsc").toString(),
              "-p",
              "tsconfig.json"));
    }

    @Override
    void run(Path work, List<String> args) throws Exception {
      Toolchain.run(work, Map.of(), concat(List.of("node", "js/roundtrip.js"), args));
    }
  },
  PYTHON("Python", "`python` (pydantic 2)", "python", ChronoUnit.MICROS) {
    @Override
    String toolchain(Path work) throws Toolchain.Missing {
      return Toolchain.version(
          work,
          "install Python 3.9+ with pydantic 2, urllib3, python-dateutil and"
              + " typing-extensions (the generated client's requirements.txt)",
          "python3",
          "-c",
          "import sys, pydantic, urllib3, dateutil, typing_extensions;"
              + "assert pydantic.VERSION.startswith('2.'), 'pydantic ' + pydantic.VERSION + ', not 2';"
              + "print('python', sys.version.split()[0] + ', pydantic', pydantic.VERSION)");
    }

    @Override
    void compile(Path work, Path sources, Path module) throws Exception {
      Toolchain.run(
          work, Map.of(), List.of("python3", "-m", "compileall", "-q", "generated/vspc_licensing"));
      copy(sources.resolve("python/roundtrip.py"), work.resolve("roundtrip.py"));
    }

    @Override
    void run(Path work, List<String> args) throws Exception {
      Toolchain.run(
          work,
          Map.of("PYTHONPATH", work.resolve("generated").toString()),
          concat(List.of("python3", "roundtrip.py"), args));
    }
  },
  GO("Go", "`go`", "go", ChronoUnit.NANOS) {
    @Override
    String toolchain(Path work) throws Toolchain.Missing {
      return Toolchain.version(
          work, "install Go (Debian: apt-get install golang-go)", "go", "version");
    }

    @Override
    void compile(Path work, Path sources, Path module) throws Exception {
      Path program = work.resolve("generated/cmd/roundtrip/main.go");
      Files.createDirectories(program.getParent());
      copy(sources.resolve("go/roundtrip/main.go"), program);
      Toolchain.run(
          work.resolve("generated"),
          goEnvironment(work),
          List.of("go", "build", "-o", work.resolve("roundtrip").toString(), "./cmd/roundtrip"));
    }

    @Override
    void run(Path work, List<String> args) throws Exception {
      Toolchain.run(
          work, goEnvironment(work), concat(List.of(work.resolve("roundtrip").toString()), args));
    }

    /** The standard library only: no module proxy, no toolchain download, caches in target/. */
    private Map<String, String> goEnvironment(Path work) {
      return Map.of(
          "GOPROXY",
          "off",
          "GOFLAGS",
          "-mod=mod",
          "GOTOOLCHAIN",
          "local",
          "GOTELEMETRY",
          "off",
          "GOCACHE",
          work.resolve("gocache").toString(),
          "GOPATH",
          work.resolve("gopath").toString());
    }
  };

  final String language;

  /** How api-spec/README.md's table names the generator. */
  final String generator;

  /** The id of the generating execution in pom.xml, also the folder under target/matrix. */
  final String execution;

  /** What the language's date type holds: instants must come back truncated to it. */
  final ChronoUnit precision;

  Language(String language, String generator, String execution, ChronoUnit precision) {
    this.language = language;
    this.generator = generator;
    this.execution = execution;
    this.precision = precision;
  }

  /** Describes the toolchain found, or throws Missing naming what to install. */
  String toolchain(Path work) throws Toolchain.Missing {
    return "JDK " + Runtime.version() + " (compiled by Maven)";
  }

  /** Compiles the generated client with the round-trip program (Maven did it for the JVM ones). */
  void compile(Path work, Path sources, Path module) throws Exception {}

  /**
   * Runs the language's program: {@code [cases file]} for the round trip, {@code [request, base
   * URL, output file]} for the requests (see {@code programs/Cases}).
   */
  abstract void run(Path work, List<String> args) throws Exception;

  private static List<String> concat(List<String> command, List<String> args) {
    List<String> all = new java.util.ArrayList<>(command);
    all.addAll(args);
    return all;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
