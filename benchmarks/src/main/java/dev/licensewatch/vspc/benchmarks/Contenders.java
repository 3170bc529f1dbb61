package dev.licensewatch.vspc.benchmarks;

import com.squareup.moshi.JsonReader;
import dev.licensewatch.vspc.benchmarks.floor.FloorDecoder;
import dev.licensewatch.vspc.benchmarks.floor.FloorLicense;
import dev.licensewatch.vspc.benchmarks.stock.ApiClient;
import dev.licensewatch.vspc.benchmarks.stock.ApiException;
import dev.licensewatch.vspc.benchmarks.stock.api.LicensingApi;
import dev.licensewatch.vspc.benchmarks.stock.model.BackupServerLicense;
import dev.licensewatch.vspc.benchmarks.stock.model.BackupServerLicenseCollection;
import dev.licensewatch.vspc.client.VspcLicensingClient;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The three ways of fetching every licence that fetch-all compares. Each is reused across runs. */
final class Contenders {
  private Contenders() {}

  /** What a walk saw: the licence count and a checksum that keeps every licence alive. */
  record Walk(long count, long checksum) {}

  interface Fetcher extends AutoCloseable {
    String name();

    Walk fetchAll();

    @Override
    void close();
  }

  /** Our client's full stream. */
  static Fetcher ours(String baseUrl, String token, int pageSize, int concurrency) {
    VspcLicensingClient client = VspcLicensingClient.builder()
        .baseUrl(baseUrl).token(token).pageSize(pageSize).concurrency(concurrency).build();
    return new Fetcher() {
      @Override
      public String name() {
        return concurrency == 1 ? "ours (client.stream())"
            : "ours (client.stream(), concurrency " + concurrency + ")";
      }

      @Override
      public Walk fetchAll() {
        long count = 0;
        long checksum = 0;
        try (Stream<dev.licensewatch.vspc.client.generated.model.BackupServerLicense> s = client.stream()) {
          Iterator<dev.licensewatch.vspc.client.generated.model.BackupServerLicense> it = s.iterator();
          while (it.hasNext()) {
            var licence = it.next();
            count++;
            checksum += licence.company() == null ? 0 : licence.company().length();
          }
        }
        return new Walk(count, checksum);
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  /** The floor: raw OkHttp calls and a hand-written Moshi streaming decoder, one page at a time. */
  static Fetcher floor(String baseUrl, String token, int pageSize) {
    OkHttpClient http = new OkHttpClient();
    String url = baseUrl + VspcEmulator.LICENSES_PATH;
    return new Fetcher() {
      @Override
      public String name() {
        return "floor (raw OkHttp + hand-written Moshi reader)";
      }

      @Override
      public Walk fetchAll() {
        long count = 0;
        long checksum = 0;
        int offset = 0;
        while (true) {
          Request request = new Request.Builder()
              .url(url + "?limit=" + pageSize + "&offset=" + offset)
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json")
              .build();
          FloorDecoder.Page page;
          try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
              throw new IllegalStateException("HTTP " + response.code());
            }
            page = FloorDecoder.readPage(JsonReader.of(response.body().source()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          for (FloorLicense licence : page.licences()) {
            count++;
            checksum += licence.company() == null ? 0 : licence.company().length();
          }
          offset += page.licences().size();
          if (page.licences().isEmpty() || offset >= page.total()) {
            return new Walk(count, checksum);
          }
        }
      }

      @Override
      public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
    };
  }

  /** The client OpenAPI Generator's stock java/okhttp-gson templates give for our document. */
  static Fetcher stock(String baseUrl, String token, int pageSize) {
    ApiClient apiClient = new ApiClient();
    apiClient.setBasePath(baseUrl);
    apiClient.setBearerToken(token);
    LicensingApi api = new LicensingApi(apiClient);
    return new Fetcher() {
      @Override
      public String name() {
        return "stock (OpenAPI Generator java/okhttp-gson)";
      }

      @Override
      public Walk fetchAll() {
        long count = 0;
        long checksum = 0;
        int offset = 0;
        while (true) {
          BackupServerLicenseCollection page;
          try {
            page = api.getBackupServersLicenses(pageSize, offset, null, null, null);
          } catch (ApiException e) {
            throw new IllegalStateException("stock client failed: HTTP " + e.getCode() + " "
                + e.getMessage(), e);
          }
          for (BackupServerLicense licence : page.getData()) {
            count++;
            checksum += licence.getCompany() == null ? 0 : licence.getCompany().length();
          }
          offset += page.getData().size();
          int total = page.getMeta().getPagingInfo().getTotal();
          if (page.getData().isEmpty() || offset >= total) {
            return new Walk(count, checksum);
          }
        }
      }

      @Override
      public void close() {
        apiClient.getHttpClient().dispatcher().executorService().shutdown();
        apiClient.getHttpClient().connectionPool().evictAll();
      }
    };
  }
}
