package dev.licensewatch.vspc.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.licensewatch.vspc.contract.Contract;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Every request and response of the pact conforms to the api-spec OpenAPI document. */
class SpecConformanceTest {

  @Test
  void generatedPactConformsToTheSpec() {
    Path pact = Contract.generatedPact();
    assertThat(pact).as("the consumer tests must have written the pact").exists();
    assertThat(PactSpecConformance.violations(pact)).isEmpty();
  }

  @Test
  void committedPactConformsToTheSpec() {
    Path pact = Contract.committedPact();
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(pact), "no committed pact yet");
    assertThat(PactSpecConformance.violations(pact)).isEmpty();
  }

  /** The check can fail: a pact that breaks the spec in several ways is rejected for each. */
  @Test
  void aBrokenPactIsRejected() throws URISyntaxException {
    Path broken =
        Path.of(
            Objects.requireNonNull(getClass().getResource("/fixtures/broken-pact.json")).toURI());
    List<String> problems = PactSpecConformance.violations(broken);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("lowercase enum").contains("status"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("null autoUpdateEnabled"));
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("limit above 500").contains("limit"));
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("date without offset").contains("date-time"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("filter with an unknown operation")
                    .contains("filter [")
                    .contains("like"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("select answered without a selected required property")
                    .contains("required")
                    .contains("autoUpdateEnabled"));
    assertThat(problems).noneSatisfy(p -> assertThat(p).contains("a conforming page"));
  }
}
