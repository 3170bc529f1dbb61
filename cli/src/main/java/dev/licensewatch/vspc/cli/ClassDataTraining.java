package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The run the launchers archive the classes of ({@code -XX:ArchiveClassesAtExit}, on first use):
 * the everyday commands against an embedded emulator over HTTPS, as against a real VSPC (TLS is a
 * third of a cold start's classes), and {@code --demo list} over plain http. Output is discarded;
 * the exit code is 0 when every run worked, so a launcher keeps only a good archive. {@code verify}
 * is left out: its libraries would make every command map a far larger archive.
 */
public final class ClassDataTraining {
  private ClassDataTraining() {}

  public static void main(String[] args) throws Exception {
    PrintStream discard =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Path dir = Files.createTempDirectory("vspc-licenses-training");
    Path pem = dir.resolve("emulator.pem");
    int failed = 0;
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .licenses(Root.DEMO_LICENSES)
            .seed(Root.DEMO_SEED)
            .tlsCertificatePem(pem)
            .start()) {
      Map<String, String> env =
          Map.of("VSPC_URL", vspc.baseUrl(), "VSPC_TOKEN", VspcEmulator.DEFAULT_TOKEN);
      List<List<String>> runs =
          List.of(
              List.of("list"),
              List.of("export"),
              List.of("export", "--format", "ndjson"),
              List.of("export", "--format", "csv"),
              List.of("check"),
              List.of("page", "--limit", "5"));
      for (List<String> run : runs) {
        String[] command = new String[run.size() + 2];
        command[0] = "--ca-cert";
        command[1] = pem.toString();
        for (int i = 0; i < run.size(); i++) {
          command[i + 2] = run.get(i);
        }
        int code = Main.run(command, discard, discard, env);
        boolean checkState = run.get(0).equals("check") && code <= CheckCommand.CRITICAL;
        failed += code == 0 || checkState ? 0 : 1;
      }
    } finally {
      Files.deleteIfExists(pem);
      Files.deleteIfExists(dir);
    }
    failed += Main.run(new String[] {"--demo", "list"}, discard, discard, Map.of()) == 0 ? 0 : 1;
    System.exit(failed == 0 ? 0 : 1);
  }
}
