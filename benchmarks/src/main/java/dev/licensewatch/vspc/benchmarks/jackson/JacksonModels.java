package dev.licensewatch.vspc.benchmarks.jackson;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Classes equivalent to the client's models for Jackson databind: the same typed fields, enums
 * matched case-insensitively with an unknown fallback, offsets kept, unknown properties ignored.
 */
public final class JacksonModels {
  private JacksonModels() {}

  /** A reader configured as a team would for this API. Thread-safe. */
  public static ObjectReader pageReader() {
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .build();
    return mapper.readerFor(Page.class);
  }

  public record Page(Meta meta, List<License> data) {}

  public record Meta(PagingInfo pagingInfo) {}

  public record PagingInfo(Integer total, Integer count, Integer offset) {}

  public record License(
      UUID backupServerUid,
      Boolean autoUpdateEnabled,
      String edition,
      Boolean monitoring,
      List<Package> packages,
      String company,
      String email,
      String contactPerson,
      OffsetDateTime expirationDate,
      OffsetDateTime supportExpirationDate,
      List<UUID> licenseIds,
      List<String> supportIds,
      List<SectionType> sectionTypes,
      Status status,
      CloudConnect cloudConnect,
      Double sockets,
      Double usedSockets,
      Double capacity,
      Double usedCapacity,
      Double units,
      Double usedUnits,
      UnitType unitType,
      Type type) {}

  public enum Status { @JsonEnumDefaultValue Unknown, Valid, Warning, Error, Expired, Unlicensed }

  public enum Type {
    @JsonEnumDefaultValue Unknown, NotInstalled, Rental, NFR, Perpetual, Evaluation, Subscription,
    Community
  }

  public enum UnitType { @JsonEnumDefaultValue Unknown, Instances, Points }

  public enum CloudConnect { @JsonEnumDefaultValue Unknown, No, Yes, Enterprise }

  public enum SectionType { @JsonEnumDefaultValue Unknown, All, Socket, Instance }

  public enum Package {
    None, Starter, Essentials, Backup, ONE, Suite, Orchestrator, Foundation, Advanced, Premium,
    @JsonEnumDefaultValue Unknown
  }
}
