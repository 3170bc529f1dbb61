package dev.licensewatch.vspc.contract.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.licensewatch.vspc.contract.Contract;
import dev.licensewatch.vspc.emulator.Dataset;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not run by surefire on its own (its name does not end in Test): {@link
 * BrokenEmulatorVerificationTest} runs it through the JUnit engine and expects it to FAIL. The
 * state "a license with every property present" is seeded with a licence that breaks the pact:
 * a date without time or offset, a null non-nullable property and a UUID that is no UUID.
 */
@Provider(Contract.PROVIDER)
@PactFolder("pacts")
@PactFilter(Contract.EVERY_PROPERTY)
class BrokenEmulatorProvider {
  static final String BROKEN_LICENCE = """
      [{"backupServerUid":"not-a-uuid","autoUpdateEnabled":true,"edition":"Enterprise Plus",
        "monitoring":false,"packages":["Backup"],"company":"Alpha","email":"a@alpha.example",
        "contactPerson":"Alan Smith","expirationDate":"2027-09-09",
        "supportExpirationDate":"2027-09-09T10:00:00.0000000+03:00",
        "licenseIds":["33882222-1111-4222-8333-111122233333"],"supportIds":["00276360"],
        "sectionTypes":["Instance"],"status":null,"cloudConnect":"No","sockets":2.0,
        "usedSockets":1.0,"capacity":10.0,"usedCapacity":2.5,"units":1000.0,"usedUnits":12.0,
        "unitType":"Instances","type":"Rental"}]
      """;

  private static VspcEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = VspcEmulator.builder().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @State(Contract.EVERY_PROPERTY)
  void everyPropertyPresentButBroken() {
    emulator.applyProviderState(Contract.EVERY_PROPERTY, java.util.Map.of());
    emulator.reset(Dataset.fromJson(BROKEN_LICENCE));
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(EmulatorTarget.of(emulator));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
