package dev.licensewatch.vspc.verifier;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.HttpResponse;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.UnknownPactSource;
import au.com.dius.pact.core.support.json.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Replays the interactions of the committed pact that a live server can answer, and matches each
 * answer with Pact JVM's own provider-side rules ({@link ResponseMatching}). An interaction whose
 * provider state would have to be set on the server is listed as not verifiable, with the reason.
 */
final class PactReplay {
  static final String GROUP = "pact";

  /** Copied by the build from contract-tests/pacts, the committed (reviewed) file. */
  static final String RESOURCE =
      "dev/licensewatch/vspc/verifier/pact/vspc-licensing-client-vspc-licensing-api.json";

  /** How a provider state is reached on a live server. */
  enum Reach {
    TOKEN,
    MADE_UP_TOKEN,
    LOW_ROLE_TOKEN
  }

  /** The provider states of this project's pact (emulator ProviderStates) a live server is in. */
  static final Map<String, Reach> REACHABLE =
      Map.of(
          // a live server has the licences it has; the pact's paging matchers hold for any number
          "licenses exist", Reach.TOKEN,
          // the filter and sort interactions' matchers hold for whatever licences the server
          // answers with, an empty page too (select's state, every property present, is below)
          "licenses of every status exist", Reach.TOKEN,
          "the token is not valid", Reach.MADE_UP_TOKEN,
          "the caller lacks a licensing role", Reach.LOW_ROLE_TOKEN);

  /** Provider states only a stand-in can be put in, with the reason. */
  static final Map<String, String> UNREACHABLE =
      Map.of(
          "a license with every nullable property null",
              "its provider state puts exactly one"
                  + " licence, with every nullable property null, on the server; a live server's"
                  + " licences cannot be set",
          "a license with every property present",
              "its provider state puts exactly one licence,"
                  + " with every property present, on the server; a live server's licences cannot be"
                  + " set",
          "requests are throttled",
              "its provider state makes the server throttle every request;"
                  + " verify does not provoke throttling",
          "requests are answered asynchronously",
              "its provider state makes the server queue every"
                  + " request (202); a live server decides that itself",
          "an asynchronous action has finished",
              "its provider state puts an asynchronous action"
                  + " with a known id on the server; a live server's actions cannot be set");

  private final Run run;
  private final Pact pact;

  PactReplay(Run run) {
    this.run = run;
    this.pact = load();
  }

  static Pact load() {
    String json = Document.readResource(RESOURCE);
    return DefaultPactReader.INSTANCE.pactFromJson(
        JsonParser.parseString(json).asObject(), UnknownPactSource.INSTANCE);
  }

  List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    for (Interaction interaction : pact.getInteractions()) {
      checks.add(check(interaction));
    }
    return checks;
  }

  static String id(Interaction interaction) {
    String slug =
        interaction
            .getDescription()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    return GROUP + "." + slug;
  }

  private Check check(Interaction interaction) {
    String id = id(interaction);
    String title = "Pact: " + interaction.getDescription();
    SynchronousRequestResponse exchangeSpec = interaction.asSynchronousRequestResponse();
    if (exchangeSpec == null) {
      return Check.notVerifiable(id, GROUP, title, "not an HTTP request/response interaction");
    }
    Transport.Auth auth = run.token;
    List<String> states = new ArrayList<>();
    for (ProviderState state : interaction.getProviderStates()) {
      states.add("'" + state.getName() + "'");
      String unreachable = UNREACHABLE.get(state.getName());
      Reach reach = REACHABLE.get(state.getName());
      if (unreachable != null || reach == null) {
        return Check.notVerifiable(
            id,
            GROUP,
            title,
            "not verifiable on a live server: "
                + (unreachable != null
                    ? unreachable
                    : "provider state '" + state.getName() + "' cannot be set on a live server"));
      }
      switch (reach) {
        case TOKEN -> {}
        case MADE_UP_TOKEN -> auth = run.madeUp;
        case LOW_ROLE_TOKEN -> {
          if (run.lowRole == null) {
            return Check.notVerifiable(
                id,
                GROUP,
                title,
                "needs --low-role-token (a user"
                    + " without a licensing role) for provider state '"
                    + state.getName()
                    + "'");
          }
          auth = run.lowRole;
        }
      }
    }
    IRequest request = exchangeSpec.getRequest();
    if (!"GET".equalsIgnoreCase(request.getMethod())) {
      return Check.notVerifiable(id, GROUP, title, "verify sends only GET requests");
    }
    Map<String, String> query = new LinkedHashMap<>();
    request
        .getQuery()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                query.put(name, values.get(0));
              }
            });
    String path =
        request.getPath().equals(run.document.path)
            ? run.transport.collectionPath()
            : request.getPath();
    Exchange answer = run.replay(path, query, request.getHeaders(), auth);
    String detail =
        (states.isEmpty() ? "no provider state" : "provider state " + String.join(", ", states))
            + ", replayed with "
            + auth.label();
    Findings findings = new Findings();
    if (!answer.answered() || answer.status() == 429 && !expectsStatus(exchangeSpec, 429)) {
      findings.add(Answers.couldNotCheck(answer));
      return findings.check(id, GROUP, title, detail, answer.time());
    }
    byte[] body = answer.body();
    Set<String> dependent = dataDependent(exchangeSpec);
    if (!dependent.isEmpty()) {
      Filtered filtered = withoutLicensesLacking(answer, dependent);
      if (filtered != null) {
        body = filtered.body;
        findings.add(
            Finding.of(
                    Finding.Severity.NOTE,
                    "left "
                        + Text.plural(filtered.left, "licence")
                        + " out of the comparison: they lack optional properties the pact's"
                        + " provider state fills in ("
                        + Text.some(filtered.missing, 5)
                        + "), which this server sends on other licences")
                .in(answer.request()));
        if (filtered.kept == 0) {
          return Check.notVerifiable(
              id,
              GROUP,
              title,
              "not verifiable on this server's data:"
                  + " no licence carries every property its provider state fills in ("
                  + Text.some(dependent, 5)
                  + ")");
        }
      }
    }
    for (Mismatch mismatch : match(exchangeSpec, answer, body)) {
      String where = mismatch instanceof BodyMismatch b ? b.getPath() : null;
      findings.add(
          Finding.of(Finding.Severity.BREAK, Text.message(mismatch.description()))
              .at(where, null)
              .in(answer.request()));
    }
    return findings.check(id, GROUP, title, detail, answer.time());
  }

  private List<Mismatch> match(SynchronousRequestResponse expected, Exchange answer, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    answer.headers().names().forEach(name -> headers.put(name, answer.headers().values(name)));
    String type = answer.contentType();
    OptionalBody actualBody =
        body.length == 0
            ? OptionalBody.empty()
            : OptionalBody.body(
                body, type == null ? ContentType.Companion.getUNKNOWN() : new ContentType(type));
    HttpResponse actual = new HttpResponse(answer.status(), headers, actualBody);
    return ResponseMatching.responseMismatches(pact, expected, actual);
  }

  private static boolean expectsStatus(SynchronousRequestResponse spec, int status) {
    return spec.getResponse() instanceof HttpResponse r && r.getStatus() == status;
  }

  /**
   * The optional licence properties the pact's expected licences carry (its provider state fills
   * them in) that this server sends on some licences only: whether a given licence has them depends
   * on data the verifier cannot set.
   */
  private Set<String> dataDependent(SynchronousRequestResponse spec) {
    Set<String> dependent = new LinkedHashSet<>();
    if (!(spec.getResponse() instanceof HttpResponse expected) || !expected.getBody().isPresent()) {
      return dependent;
    }
    JsonNode json = Exchange.parse(expected.getBody().getValue());
    JsonNode data = json == null ? null : json.get("data");
    if (data == null || !data.isArray()) {
      return dependent;
    }
    Set<String> required = run.documents.requiredLicenseProperties();
    for (JsonNode license : data) {
      license
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!required.contains(name) && run.documents.carried(name)) {
                  dependent.add(name);
                }
              });
    }
    return dependent;
  }

  private record Filtered(byte[] body, int left, int kept, Set<String> missing) {}

  /** The answer without the licences that lack one of these properties, or null if none do. */
  private static @Nullable Filtered withoutLicensesLacking(Exchange answer, Set<String> names) {
    JsonNode json = answer.json();
    if (json == null || !json.path("data").isArray()) {
      return null;
    }
    ArrayNode kept = Exchange.JSON.createArrayNode();
    Set<String> missing = new LinkedHashSet<>();
    int left = 0;
    for (JsonNode license : json.get("data")) {
      List<String> lacking = names.stream().filter(n -> !license.has(n)).toList();
      if (lacking.isEmpty()) {
        kept.add(license);
      } else {
        left++;
        missing.addAll(lacking);
      }
    }
    if (left == 0) {
      return null;
    }
    ObjectNode copy = ((ObjectNode) json).deepCopy();
    copy.set("data", kept);
    return new Filtered(
        copy.toString().getBytes(StandardCharsets.UTF_8), left, kept.size(), missing);
  }
}
