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
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
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
    return ours(baseUrl, token, pageSize, concurrency, true);
  }

  /** Our client's full stream, with a fixed window of pages in flight unless {@code adaptive}. */
  static Fetcher ours(
      String baseUrl, String token, int pageSize, int concurrency, boolean adaptive) {
    VspcLicensingClient client =
        VspcLicensingClient.builder()
            .baseUrl(baseUrl)
            .token(token)
            .pageSize(pageSize)
            .concurrency(concurrency)
            .adaptiveConcurrency(adaptive)
            .build();
    return new Fetcher() {
      @Override
      public String name() {
        return concurrency == 1
            ? "ours (client.stream())"
            : "ours (client.stream(), concurrency "
                + concurrency
                + (adaptive ? "" : ", fixed")
                + ")";
      }

      @Override
      public Walk fetchAll() {
        long count = 0;
        long checksum = 0;
        try (Stream<dev.licensewatch.vspc.client.BackupServerLicense> s = client.stream()) {
          Iterator<dev.licensewatch.vspc.client.BackupServerLicense> it = s.iterator();
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
    return byPages(
        "floor (raw OkHttp + hand-written Moshi reader)",
        http,
        offset -> {
          Request request =
              new Request.Builder()
                  .url(url + "?limit=" + pageSize + "&offset=" + offset)
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", "application/json")
                  .build();
          try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
              throw new IllegalStateException("HTTP " + response.code());
            }
            FloorDecoder.Page page = FloorDecoder.readPage(JsonReader.of(response.body().source()));
            return new Page<>(page.licences(), page.total());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        FloorLicense::company);
  }

  /** The client OpenAPI Generator's stock java/okhttp-gson templates give for our document. */
  static Fetcher stock(String baseUrl, String token, int pageSize) {
    ApiClient apiClient = new ApiClient();
    apiClient.setBasePath(baseUrl);
    apiClient.setBearerToken(token);
    LicensingApi api = new LicensingApi(apiClient);
    return byPages(
        "stock (OpenAPI Generator java/okhttp-gson)",
        apiClient.getHttpClient(),
        offset -> {
          BackupServerLicenseCollection page;
          try {
            page = api.getBackupServersLicenses(pageSize, offset, null, null, null, null, null);
          } catch (ApiException e) {
            throw new IllegalStateException(
                "stock client failed: HTTP " + e.getCode() + " " + e.getMessage(), e);
          }
          return new Page<>(page.getData(), page.getMeta().getPagingInfo().getTotal());
        },
        BackupServerLicense::getCompany);
  }

  /** A contender that walks the pages by hand ({@link #walkPages}) over its own OkHttp client. */
  private static <L> Fetcher byPages(
      String name, OkHttpClient http, IntFunction<Page<L>> pageAt, Function<L, String> company) {
    return new Fetcher() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Walk fetchAll() {
        return walkPages(pageAt, company);
      }

      @Override
      public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
    };
  }

  /** One page of a hand-rolled walk: its licences and the collection's total. */
  record Page<L>(List<L> licences, long total) {}

  /**
   * The offset walk floor and stock do by hand: pages from offset 0 on, until an empty page or the
   * total, summed into a {@link Walk} (the checksum adds up the company names' lengths).
   */
  static <L> Walk walkPages(IntFunction<Page<L>> pageAt, Function<L, String> company) {
    long count = 0;
    long checksum = 0;
    int offset = 0;
    while (true) {
      Page<L> page = pageAt.apply(offset);
      for (L licence : page.licences()) {
        count++;
        String name = company.apply(licence);
        checksum += name == null ? 0 : name.length();
      }
      offset += page.licences().size();
      if (page.licences().isEmpty() || offset >= page.total()) {
        return new Walk(count, checksum);
      }
    }
  }
}
