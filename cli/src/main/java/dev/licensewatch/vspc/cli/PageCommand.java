package dev.licensewatch.vspc.cli;

import com.squareup.moshi.JsonWriter;
import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.client.LicensePage;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import java.io.IOException;
import java.util.concurrent.Callable;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "page",
    mixinStandardHelpOptions = true,
    description = {
      "Sends exactly one request and prints the page as decoded:"
          + " {\"meta\":{\"pagingInfo\":{...}},\"data\":[...]} (values as in export).",
      "Without options, sends neither limit nor offset (the server's defaults).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  vspc-licenses --demo page",
      "  vspc-licenses page --limit 500 --offset 1000",
      "Only the options given are sent; the server applies its defaults to the others."
    })
final class PageCommand implements Callable<Integer> {
  @ParentCommand Root root;
  @Spec CommandSpec spec;

  private @Nullable Integer limit;
  private @Nullable Integer offset;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Licences in the page, 1.." + VspcLicensingClient.MAX_PAGE_SIZE + ".")
  void setLimit(int n) {
    Root.checkRange(spec.commandLine(), "--limit", n, 1, VspcLicensingClient.MAX_PAGE_SIZE);
    limit = n;
  }

  @Option(names = "--offset", paramLabel = "N", description = "Licences to skip, 0 or more.")
  void setOffset(int n) {
    if (n < 0) {
      throw new ParameterException(spec.commandLine(), "--offset must be 0 or more, was " + n);
    }
    offset = n;
  }

  @Override
  public Integer call() throws IOException {
    LicensePage page;
    try (Root.Session session = root.open(spec.commandLine(), false)) {
      // Only what the user gave is sent: the rest is left to the server's defaults.
      page = session.client.page(limit, offset);
    }
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setIndent("  ");
      w.setSerializeNulls(true);
      w.beginObject();
      w.name("meta").beginObject().name("pagingInfo");
      Values.PAGING_INFO.toJson(w, page.pagingInfo());
      w.endObject();
      w.name("data").beginArray();
      for (BackupServerLicense license : page.licenses()) {
        Values.LICENSE.toJson(w, license);
      }
      w.endArray();
      w.endObject();
    }
    buffer.writeUtf8("\n");
    buffer.copyTo(root.io.out);
    root.io.out.flush();
    return 0;
  }
}
