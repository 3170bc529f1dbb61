package dev.licensewatch.vspc.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.licensewatch.vspc.benchmarks.floor.FloorDecoder;
import dev.licensewatch.vspc.benchmarks.jackson.JacksonModels;
import dev.licensewatch.vspc.benchmarks.stock.JSON;
import dev.licensewatch.vspc.client.BackupServerLicense;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decode only: one page body of 500 licences, held in memory, to model objects. Each benchmark
 * starts from the bytes and does what its stack does with a response body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {
  /** Licences in the emulator's dataset: page 0 of the same dataset fetch-all walks. */
  @Param("100000")
  public int datasetSize;

  @Param("42")
  public long seed;

  byte[] page;
  JsonAdapter<BackupServerLicense> ours;
  ObjectReader jackson;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    page = fetchPage(datasetSize, seed, 500);
    ours = new Moshi.Builder().build().adapter(BackupServerLicense.class);
    jackson = JacksonModels.pageReader();
    // Fail here rather than measure a decoder that does not work.
    check(ours().size());
    check(floor().licences().size());
    check(stock().getData().size());
    check(jackson().data().size());
  }

  private static void check(int size) {
    if (size != 500) {
      throw new IllegalStateException("decoded " + size + " licences, expected 500");
    }
  }

  static byte[] fetchPage(int datasetSize, long seed, int limit) throws IOException {
    try (VspcEmulator emulator = VspcEmulator.builder().licenses(datasetSize).seed(seed).start()) {
      OkHttpClient http = new OkHttpClient();
      Request request =
          new Request.Builder()
              .url(emulator.licensesUrl() + "?limit=" + limit + "&offset=0")
              .header("Authorization", "Bearer " + VspcEmulator.DEFAULT_TOKEN)
              .build();
      try (Response response = http.newCall(request).execute()) {
        return response.body().bytes();
      } finally {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
    }
  }

  /** Ours: the client's generated Moshi adapters, streaming from an okio source. */
  @Benchmark
  public List<BackupServerLicense> ours() throws IOException {
    // The page envelope is the client's own (not public): read its data with the public model's
    // generated adapter, as the client does for each licence.
    JsonReader reader = JsonReader.of(new Buffer().write(page));
    List<BackupServerLicense> licences = new ArrayList<>(500);
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.nextName().equals("data")) {
        reader.beginArray();
        while (reader.hasNext()) {
          licences.add(ours.fromJson(reader));
        }
        reader.endArray();
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
    return licences;
  }

  /** The floor: a hand-written decoder on Moshi's JsonReader. */
  @Benchmark
  public FloorDecoder.Page floor() throws IOException {
    return FloorDecoder.readPage(JsonReader.of(new Buffer().write(page)));
  }

  /**
   * Stock okhttp-gson: the body as a String, then the generated Gson models (as ApiClient does).
   */
  @Benchmark
  public dev.licensewatch.vspc.benchmarks.stock.model.BackupServerLicenseCollection stock() {
    return JSON.deserialize(
        new String(page, StandardCharsets.UTF_8),
        dev.licensewatch.vspc.benchmarks.stock.model.BackupServerLicenseCollection.class);
  }

  /** Jackson databind on equivalent records, from the bytes. */
  @Benchmark
  public JacksonModels.Page jackson() throws IOException {
    return jackson.readValue(page);
  }
}
