package dev.licensewatch.vspc.benchmarks.jackson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.licensewatch.vspc.benchmarks.floor.FloorLicense;
import java.util.List;

/**
 * Jackson databind decoding a page into the floor's records ({@link FloorLicense}, the same typed
 * fields as the client's models): enums matched ignoring case with an unknown fallback, offsets
 * kept, unknown properties ignored.
 */
public final class JacksonModels {
  private JacksonModels() {}

  /** A reader configured as a team would for this API. Thread-safe. */
  public static ObjectReader pageReader() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    return mapper.readerFor(Page.class);
  }

  public record Page(Meta meta, List<FloorLicense> data) {}

  public record Meta(PagingInfo pagingInfo) {}

  public record PagingInfo(Integer total, Integer count, Integer offset) {}
}
