package dev.licensewatch.vspc.emulator;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * What the emulator serves: synthetic licences made from a seed, or licences loaded from JSON.
 * Immutable; the {@code with...} methods return modified copies.
 */
public final class Dataset {

  private enum Kind {
    SYNTHETIC,
    JSON,
    NULLABLES_NULL,
    EVERY_PROPERTY
  }

  private final Kind kind;
  private final int count;
  private final long seed;
  private final EnumCasing casing;
  private final double unknownEnumShare;
  private final @Nullable LocalDate today;
  private final @Nullable List<byte[]> jsonLicenses;
  private final boolean complete;

  private Dataset(
      Kind kind,
      int count,
      long seed,
      EnumCasing casing,
      double unknownEnumShare,
      @Nullable LocalDate today,
      @Nullable List<byte[]> jsonLicenses,
      boolean complete) {
    if (count < 0) {
      throw new IllegalArgumentException("licence count must be >= 0: " + count);
    }
    if (!(unknownEnumShare >= 0 && unknownEnumShare <= 1)) {
      throw new IllegalArgumentException("unknown enum share must be within 0..1");
    }
    this.kind = kind;
    this.count = count;
    this.seed = seed;
    this.casing = Objects.requireNonNull(casing, "casing");
    this.unknownEnumShare = unknownEnumShare;
    this.today = today;
    this.jsonLicenses = jsonLicenses;
    this.complete = complete;
  }

  /** A fresh dataset: PascalCase, no unknown values, around the current date. */
  private static Dataset of(Kind kind, int count, long seed, @Nullable List<byte[]> json) {
    return new Dataset(kind, count, seed, EnumCasing.PASCAL_CASE, 0, null, json, false);
  }

  /** {@code count} synthetic licences; the same seed (and today) gives the same bytes. */
  public static Dataset synthetic(int count, long seed) {
    return of(Kind.SYNTHETIC, count, seed, null);
  }

  /** Exactly one licence whose eight nullable properties are null and all others present. */
  public static Dataset licenseWithNullablesNull() {
    return of(Kind.NULLABLES_NULL, 1, 0, null);
  }

  /** Exactly one licence with all 23 properties present and non-null (non-empty arrays). */
  public static Dataset licenseWithEveryProperty() {
    return of(Kind.EVERY_PROPERTY, 1, 0, null);
  }

  /**
   * Licences read from a JSON file holding an array of licence objects or a whole page body ({@code
   * {"meta":...,"data":[...]}}). Each licence is served byte for byte as written.
   */
  public static Dataset fromJsonFile(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read licences from " + file, e);
    }
  }

  /** Like {@link #fromJsonFile(Path)}, from a string. */
  public static Dataset fromJson(String json) {
    List<byte[]> licenses = splitLicenses(json);
    return of(Kind.JSON, licenses.size(), 0, List.copyOf(licenses));
  }

  /** Enum values in this casing (synthetic data only; JSON is served as written). */
  public Dataset withCasing(EnumCasing casing) {
    return new Dataset(kind, count, seed, casing, unknownEnumShare, today, jsonLicenses, complete);
  }

  /** This share (0..1) of synthetic licences carries an enum value newer servers send. */
  public Dataset withUnknownEnumShare(double share) {
    return new Dataset(kind, count, seed, casing, share, today, jsonLicenses, complete);
  }

  /** The day expiry dates are spread around (default: the current UTC date). */
  public Dataset withToday(LocalDate today) {
    return new Dataset(kind, count, seed, casing, unknownEnumShare, today, jsonLicenses, complete);
  }

  /**
   * Synthetic licences that always carry every property (nullable ones may still be null): no
   * licence leaves properties out. Contract tests that match whole licences need this.
   */
  public Dataset withEveryPropertyPresent() {
    return new Dataset(kind, count, seed, casing, unknownEnumShare, today, jsonLicenses, true);
  }

  /** How many licences this dataset has. */
  public int size() {
    return count;
  }

  LicenseStore materialize() {
    LocalDate day = today != null ? today : LocalDate.now(ZoneOffset.UTC);
    LicenseGenerator gen = new LicenseGenerator(seed, day, casing, unknownEnumShare, complete);
    return switch (kind) {
      case SYNTHETIC -> LicenseStore.lazy(count, i -> Json.object(gen.license(i)));
      case NULLABLES_NULL ->
          LicenseStore.of(
              List.of(Json.object(gen.licenseWithNullablesNull())),
              i -> Json.object(gen.license(i)),
              1);
      case EVERY_PROPERTY ->
          LicenseStore.of(
              List.of(Json.object(gen.licenseWithEveryProperty())),
              i -> Json.object(gen.license(i)),
              1);
      case JSON ->
          LicenseStore.of(
              Objects.requireNonNull(jsonLicenses), i -> Json.object(gen.license(i)), count);
    };
  }

  private static List<byte[]> splitLicenses(String json) {
    try (Buffer buffer = new Buffer().writeUtf8(json);
        JsonReader reader = JsonReader.of(buffer)) {
      List<byte[]> out = new ArrayList<>();
      if (reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
        readArray(reader, out);
      } else if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
        boolean sawData = false;
        reader.beginObject();
        while (reader.hasNext()) {
          if (reader.nextName().equals("data")) {
            readArray(reader, out);
            sawData = true;
          } else {
            reader.skipValue();
          }
        }
        reader.endObject();
        if (!sawData) {
          throw new IllegalArgumentException("The JSON object has no \"data\" array of licences");
        }
      } else {
        throw new IllegalArgumentException(
            "Expected an array of licences or a page object, found " + reader.peek());
      }
      return out;
    } catch (JsonDataException | JsonEncodingException e) {
      throw new IllegalArgumentException("Invalid licence JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readArray(JsonReader reader, List<byte[]> out) throws IOException {
    reader.beginArray();
    while (reader.hasNext()) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new IllegalArgumentException(
            "Each licence must be a JSON object, found "
                + reader.peek()
                + " at "
                + reader.getPath());
      }
      try (BufferedSource raw = reader.nextSource()) {
        out.add(raw.readByteArray());
      }
    }
    reader.endArray();
  }

  @Override
  public String toString() {
    return switch (kind) {
      case SYNTHETIC ->
          "synthetic("
              + count
              + ", seed="
              + seed
              + ", "
              + casing
              + (unknownEnumShare > 0 ? ", unknown=" + unknownEnumShare : "")
              + ")";
      case JSON -> "json(" + count + ")";
      case NULLABLES_NULL -> "licenseWithNullablesNull";
      case EVERY_PROPERTY -> "licenseWithEveryProperty";
    };
  }
}
