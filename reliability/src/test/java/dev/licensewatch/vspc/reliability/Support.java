package dev.licensewatch.vspc.reliability;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Shared helpers: a fast-retrying client, and the emulator's dataset order read independently. */
public final class Support {
  /**
   * A plain OkHttp client for reading what the emulator serves, bypassing the client under test.
   */
  static final OkHttpClient RAW =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();

  static final Moshi MOSHI = new Moshi.Builder().build();
  static final JsonAdapter<Map<String, Object>> MAP =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private Support() {}

  /** A client for tests: the suite's token, tiny backoff, bounded timeouts. */
  static VspcLicensingClient.Builder client(String baseUrl) {
    return VspcLicensingClient.builder()
        .baseUrl(baseUrl)
        .token(Secrets.TOKEN)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
        .maxRetryAfter(Duration.ofSeconds(30))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .deadline(Duration.ofSeconds(20));
  }

  /** Every backupServerUid the emulator serves now, in its order (install no faults first). */
  @SuppressWarnings("unchecked")
  static List<String> datasetOrder(VspcEmulator vspc) throws IOException {
    List<String> uids = new ArrayList<>();
    for (int offset = 0; offset < 1_000_000; offset += 500) {
      Request request =
          new Request.Builder()
              .url(vspc.licensesUrl() + "?limit=500&offset=" + offset)
              .header("Authorization", "Bearer " + Secrets.TOKEN)
              .build();
      try (Response response = RAW.newCall(request).execute()) {
        if (response.code() != 200) {
          throw new IOException("emulator answered " + response.code());
        }
        Map<String, Object> page = MAP.fromJson(response.body().string());
        List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
        for (Map<String, Object> license : data) {
          uids.add(String.valueOf(license.get("backupServerUid")));
        }
        if (data.size() < 500) {
          return uids;
        }
      }
    }
    throw new IOException("the emulator never ended its collection");
  }

  /** Raw body of one page, for building fuzz inputs from realistic data. */
  static byte[] rawPage(VspcEmulator vspc, int limit, int offset) throws IOException {
    Request request =
        new Request.Builder()
            .url(vspc.licensesUrl() + "?limit=" + limit + "&offset=" + offset)
            .header("Authorization", "Bearer " + Secrets.TOKEN)
            .build();
    try (Response response = RAW.newCall(request).execute()) {
      return response.body().bytes();
    }
  }
}
