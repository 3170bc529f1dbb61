package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.contract.PactJson;
import dev.licensewatch.vspc.emulator.Dataset;
import dev.licensewatch.vspc.emulator.ProviderStates;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import dev.licensewatch.vspc.emulator.VspcEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Not run by surefire on its own (its name does not end in Test): {@link
 * BrokenEmulatorVerificationTest} runs it through the JUnit engine and expects it to FAIL. The
 * state "a license with every property present" is seeded with a licence that breaks the pact: a
 * date without time or offset, a null non-nullable property and a UUID that is no UUID.
 */
@Provider(Contract.PROVIDER)
@PactFolder("pacts")
@PactFilter(ProviderStates.EVERY_PROPERTY)
class BrokenEmulatorProvider extends EmulatorVerification {
  /** {@link Contract#fullLicense} with the three breaks. */
  static final String BROKEN_LICENCE = brokenLicence();

  private static String brokenLicence() {
    Map<String, Object> licence = Contract.fullLicense(1);
    licence.put("backupServerUid", "not-a-uuid");
    licence.put("expirationDate", "2027-09-09");
    licence.put("status", null);
    try {
      return PactJson.MAPPER.writeValueAsString(List.of(licence));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @RegisterExtension static final VspcEmulatorExtension VSPC = new VspcEmulatorExtension();

  @Override
  VspcEmulator emulator() {
    return VSPC.emulator();
  }

  @State(ProviderStates.EVERY_PROPERTY)
  void everyPropertyPresentButBroken() {
    emulator().applyProviderState(ProviderStates.EVERY_PROPERTY, Map.of());
    emulator().reset(Dataset.fromJson(BROKEN_LICENCE));
  }
}
