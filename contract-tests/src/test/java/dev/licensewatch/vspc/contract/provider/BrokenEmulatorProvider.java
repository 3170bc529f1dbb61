package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.emulator.Dataset;
import dev.licensewatch.vspc.emulator.ProviderStates;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import dev.licensewatch.vspc.emulator.VspcEmulatorExtension;
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
  static final String BROKEN_LICENCE =
      """
      [{"backupServerUid":"not-a-uuid","autoUpdateEnabled":true,"edition":"Enterprise Plus",
        "monitoring":false,"packages":["Backup"],"company":"Alpha","email":"a@alpha.example",
        "contactPerson":"Alan Smith","expirationDate":"2027-09-09",
        "supportExpirationDate":"2027-09-09T10:00:00.0000000+03:00",
        "licenseIds":["33882222-1111-4222-8333-111122233333"],"supportIds":["00276360"],
        "sectionTypes":["Instance"],"status":null,"cloudConnect":"No","sockets":2.0,
        "usedSockets":1.0,"capacity":10.0,"usedCapacity":2.5,"units":1000.0,"usedUnits":12.0,
        "unitType":"Instances","type":"Rental"}]
      """;

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
