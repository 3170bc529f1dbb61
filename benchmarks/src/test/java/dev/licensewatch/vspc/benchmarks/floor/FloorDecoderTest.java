package dev.licensewatch.vspc.benchmarks.floor;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import dev.licensewatch.vspc.benchmarks.jackson.JacksonModels;
import dev.licensewatch.vspc.client.BackupServerLicense;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The floor reads each property by its position in the client's generated {@link
 * BackupServerLicense#PROPERTIES}; Jackson reads the same records by component name. On a page
 * whose every field holds a value no other field could take, the two agree field by field only if
 * the floor's positions still match the names.
 */
class FloorDecoderTest {

  @Test
  void readsEveryFieldIntoTheComponentOfTheSameName() throws Exception {
    byte[] page;
    try (InputStream in = getClass().getResourceAsStream("/floor/distinct-fields-page.json")) {
      page = in.readAllBytes();
    }

    FloorDecoder.Page floor = FloorDecoder.readPage(JsonReader.of(new Buffer().write(page)));
    JacksonModels.Page jackson = JacksonModels.pageReader().readValue(page);

    assertThat(floor.total()).isEqualTo(jackson.meta().pagingInfo().total()).isEqualTo(2);
    assertThat(floor.licences()).hasSize(2).hasSameSizeAs(jackson.data());
    for (int i = 0; i < floor.licences().size(); i++) {
      FloorLicense ours = floor.licences().get(i);
      FloorLicense theirs = jackson.data().get(i);
      for (RecordComponent component : FloorLicense.class.getRecordComponents()) {
        Object value = component.getAccessor().invoke(ours);
        String field = "licence " + i + ", " + component.getName();
        // An enum read from another property's value would fall back to Unknown.
        assertThat(value).as(field).isNotNull().asString().doesNotContain("Unknown");
        assertThat(value).as(field).isEqualTo(component.getAccessor().invoke(theirs));
      }
    }
  }

  @Test
  void theRecordHasAComponentForEveryPropertyOfTheClientsModel() {
    assertThat(
            Arrays.stream(FloorLicense.class.getRecordComponents()).map(RecordComponent::getName))
        .containsExactlyElementsOf(BackupServerLicense.PROPERTIES);
  }
}
