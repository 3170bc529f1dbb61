package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.VspcLicensingClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version and the API document's version. */
final class Version implements IVersionProvider {
  static String version() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      Io.PROGRAM + " " + version(),
      "VSPC REST API " + VspcLicensingClient.API_VERSION + " (GET /api/v3/licensing/backupServers)",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
