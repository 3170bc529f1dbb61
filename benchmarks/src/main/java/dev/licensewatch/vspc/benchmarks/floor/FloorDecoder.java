package dev.licensewatch.vspc.benchmarks.floor;

import com.squareup.moshi.JsonReader;
import dev.licensewatch.vspc.client.BackupServerLicense;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The floor of this stack: Moshi's streaming {@link JsonReader} with a hand-written decoder (no
 * reflection, no adapter lookups, no validation), reading straight from the response source. Chosen
 * over Moshi's reflective record adapter because it is the faster of the two: a lower, stricter
 * floor.
 */
public final class FloorDecoder {
  private FloorDecoder() {}

  /** One decoded page: the licences and {@code meta.pagingInfo.total} (-1 when absent). */
  public record Page(List<FloorLicense> licences, int total) {}

  private static final JsonReader.Options PAGE = JsonReader.Options.of("meta", "data");
  private static final JsonReader.Options META = JsonReader.Options.of("pagingInfo");
  private static final JsonReader.Options PAGING = JsonReader.Options.of("total");
  // The names by position, in the document's order, as the switch in the licence reader expects.
  private static final JsonReader.Options LICENCE =
      JsonReader.Options.of(BackupServerLicense.PROPERTIES.toArray(String[]::new));

  public static Page readPage(JsonReader reader) throws IOException {
    List<FloorLicense> licences = List.of();
    int total = -1;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(PAGE)) {
        case 0 -> total = readTotal(reader);
        case 1 -> {
          licences = new ArrayList<>(512);
          reader.beginArray();
          while (reader.hasNext()) {
            licences.add(readLicence(reader));
          }
          reader.endArray();
        }
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    return new Page(licences, total);
  }

  private static int readTotal(JsonReader reader) throws IOException {
    int total = -1;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(META) == 0) {
        reader.beginObject();
        while (reader.hasNext()) {
          if (reader.selectName(PAGING) == 0) {
            total = reader.nextInt();
          } else {
            reader.skipName();
            reader.skipValue();
          }
        }
        reader.endObject();
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return total;
  }

  public static FloorLicense readLicence(JsonReader r) throws IOException {
    UUID backupServerUid = null;
    Boolean autoUpdateEnabled = null;
    String edition = null;
    Boolean monitoring = null;
    List<FloorEnums.Package> packages = null;
    String company = null;
    String email = null;
    String contactPerson = null;
    OffsetDateTime expirationDate = null;
    OffsetDateTime supportExpirationDate = null;
    List<UUID> licenseIds = null;
    List<String> supportIds = null;
    List<FloorEnums.SectionType> sectionTypes = null;
    FloorEnums.Status status = null;
    FloorEnums.CloudConnect cloudConnect = null;
    Double sockets = null;
    Double usedSockets = null;
    Double capacity = null;
    Double usedCapacity = null;
    Double units = null;
    Double usedUnits = null;
    FloorEnums.UnitType unitType = null;
    FloorEnums.Type type = null;
    r.beginObject();
    while (r.hasNext()) {
      int index = r.selectName(LICENCE);
      if (index >= 0 && r.peek() == JsonReader.Token.NULL) {
        r.nextNull();
        continue;
      }
      switch (index) {
        case 0 -> backupServerUid = UUID.fromString(r.nextString());
        case 1 -> autoUpdateEnabled = r.nextBoolean();
        case 2 -> edition = r.nextString();
        case 3 -> monitoring = r.nextBoolean();
        case 4 -> packages = list(r, s -> FloorEnums.PACKAGE.of(s));
        case 5 -> company = r.nextString();
        case 6 -> email = r.nextString();
        case 7 -> contactPerson = r.nextString();
        case 8 -> expirationDate = dateTime(r.nextString());
        case 9 -> supportExpirationDate = dateTime(r.nextString());
        case 10 -> licenseIds = list(r, UUID::fromString);
        case 11 -> supportIds = list(r, s -> s);
        case 12 -> sectionTypes = list(r, s -> FloorEnums.SECTION_TYPE.of(s));
        case 13 -> status = FloorEnums.STATUS.of(r.nextString());
        case 14 -> cloudConnect = FloorEnums.CLOUD_CONNECT.of(r.nextString());
        case 15 -> sockets = r.nextDouble();
        case 16 -> usedSockets = r.nextDouble();
        case 17 -> capacity = r.nextDouble();
        case 18 -> usedCapacity = r.nextDouble();
        case 19 -> units = r.nextDouble();
        case 20 -> usedUnits = r.nextDouble();
        case 21 -> unitType = FloorEnums.UNIT_TYPE.of(r.nextString());
        case 22 -> type = FloorEnums.TYPE.of(r.nextString());
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    return new FloorLicense(
        backupServerUid,
        autoUpdateEnabled,
        edition,
        monitoring,
        packages,
        company,
        email,
        contactPerson,
        expirationDate,
        supportExpirationDate,
        licenseIds,
        supportIds,
        sectionTypes,
        status,
        cloudConnect,
        sockets,
        usedSockets,
        capacity,
        usedCapacity,
        units,
        usedUnits,
        unitType,
        type);
  }

  private static OffsetDateTime dateTime(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static <T> List<T> list(JsonReader r, Function<String, T> element) throws IOException {
    List<T> list = new ArrayList<>(4);
    r.beginArray();
    while (r.hasNext()) {
      list.add(element.apply(r.nextString()));
    }
    r.endArray();
    return list;
  }
}
