package dev.licensewatch.vspc.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Records what is being released as the baseline the next versions are compared with: the OpenAPI
 * document into {@code api-spec/src/baseline/<version>/} and the client's public API into {@code
 * client/src/baseline/<version>/} (and the current list). Run by the profile capture-baseline of
 * this module; see docs/releasing.md.
 */
public final class CaptureBaseline {
  private CaptureBaseline() {}

  /**
   * Captures the baseline of a version.
   *
   * @param args version, document, document baselines, client jar, client API list, client API
   *     baselines
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      throw new IllegalArgumentException(
          "usage: CaptureBaseline VERSION DOCUMENT DOCUMENT_BASELINES CLIENT_JAR CLIENT_API"
              + " CLIENT_BASELINES");
    }
    Version version = Version.parse(args[0]).release();
    Path document = Path.of(args[1]);
    Baselines documents = new Baselines(Path.of(args[2]), document.getFileName().toString());
    Path clientJar = Path.of(args[3]);
    Path currentApi = Path.of(args[4]);
    Baselines apis = new Baselines(Path.of(args[5]), currentApi.getFileName().toString());

    Path documentBaseline = documents.file(version);
    Path apiBaseline = apis.file(version);
    refuseToReplace(documentBaseline);
    refuseToReplace(apiBaseline);

    List<String> api = ApiSurface.of(clientJar);
    Files.createDirectories(documentBaseline.getParent());
    Files.copy(document, documentBaseline, StandardCopyOption.COPY_ATTRIBUTES);
    ApiLists.write(apiBaseline, api, ApiLists.releasedHeader(version));
    ApiLists.write(currentApi, api, ApiLists.CURRENT_HEADER);
    System.out.println(
        "Captured the baseline of "
            + version
            + ":\n  "
            + documentBaseline
            + "\n  "
            + apiBaseline
            + " ("
            + api.size()
            + " API elements)\n  "
            + currentApi);
  }

  private static void refuseToReplace(Path baseline) {
    if (Files.exists(baseline)) {
      throw new IllegalStateException(
          baseline
              + " exists: a released baseline is never "
              + "replaced. Delete its directory first only if that version was never released.");
    }
  }
}
