package dev.licensewatch.vspc.contract;

import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.core.model.matchingrules.MatchingRule;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MinMaxTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.MinTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.NullMatcher;
import au.com.dius.pact.core.model.matchingrules.NumberTypeMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.RuleLogic;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The vocabulary of the contract: names, paths, regular expressions and the body shapes, in one
 * place so that every interaction says the same thing the same way.
 *
 * <p>Each matcher says what the client accepts, no more and no less:
 *
 * <ul>
 *   <li>UUIDs: the client's own pattern, any case.
 *   <li>Date-times: seconds, up to 7 fractional digits and an offset ({@code Z} or {@code +hh:mm}),
 *       as VSPC sends them and as both the client ({@code ISO_OFFSET_DATE_TIME}) and the spec
 *       ({@code date-time}) accept.
 *   <li>Enumerations: the client decodes them case-insensitively and keeps unknown values, so any
 *       identifier-like word matches; the examples are the spec's PascalCase values.
 *   <li>Numbers: the client reads {@code double}s, so any JSON number.
 *   <li>The eight nullable licence properties accept null; no other property does.
 * </ul>
 *
 * <p>Regular expressions are anchored: Pact JVM matches a whole value, the Rust verifier finds a
 * match anywhere, and anchors make both mean the same.
 */
public final class Contract {
  public static final String CONSUMER = "vspc-licensing-client";
  public static final String PROVIDER = "vspc-licensing-api";
  public static final String PACT_FILE = CONSUMER + "-" + PROVIDER + ".json";
  public static final String PATH = "/api/v3/licensing/backupServers";

  /** The asynchronous action of the 202 interactions: the Location's id, then polled. */
  public static final String ACTION_ID = "0b3c1f6e-2d4a-4c5b-8e9f-7a6b5c4d3e2f";

  public static final String ACTION_PATH = "/api/v3/asyncActions/" + ACTION_ID;

  /** The token the consumer tests use; the pact keeps only this made-up example. */
  public static final String EXAMPLE_TOKEN = "example-token-not-a-secret";

  public static final String BEARER = "^Bearer \\S+$";
  public static final String CLIENT_VERSION = "^[0-9]+(\\.[0-9]+){0,3}$";
  public static final String JSON_CONTENT_TYPE = "^application/json(\\s*;.*)?$";
  public static final String UUID_REGEX =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
  public static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})$";
  public static final String ENUM = "^[A-Za-z][A-Za-z0-9_]*$";
  public static final String DELTA_SECONDS = "^[0-9]{1,10}$";

  /**
   * Where a 202 points: an absolute URL (the document says format uri) of an action, ending in
   * {@link #UUID_REGEX} (without its {@code ^}).
   */
  public static final String ACTION_LOCATION =
      "^https?://[^/]+/api/v3/asyncActions/" + UUID_REGEX.substring(1);

  /** A value spelled any case, anchored: Rust's and Java's regexes agree on no inline flags. */
  public static String anyCase(String word) {
    StringBuilder regex = new StringBuilder("^");
    for (char c : word.toCharArray()) {
      regex
          .append('[')
          .append(Character.toUpperCase(c))
          .append(Character.toLowerCase(c))
          .append(']');
    }
    return regex.append('$').toString();
  }

  /**
   * The properties the api-spec document marks nullable, in its order. Read from the document so
   * that the pact says what the document says; the committed pact and its conformance check catch a
   * change.
   */
  public static final List<String> NULLABLE = nullableInDocument();

  private Contract() {}

  private static List<String> nullableInDocument() {
    List<String> names = new ArrayList<>();
    try {
      PactJson.MAPPER
          .readTree(specText("openapi/vspc-licensing-v3.json"))
          .at("/components/schemas/BackupServerLicense/properties")
          .properties()
          .forEach(
              p -> {
                if (p.getValue().path("nullable").asBoolean()) {
                  names.add(p.getKey());
                }
              });
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(names);
  }

  /** The text of a resource of the api-spec artifact, which is on the test classpath. */
  public static String specText(String resource) {
    try (InputStream in =
        Objects.requireNonNull(
            Contract.class.getClassLoader().getResourceAsStream(resource),
            "the api-spec artifact must be on the test classpath")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the consumer tests write the pact (surefire sets it; the default is for IDE runs). */
  public static Path generatedPact() {
    return Path.of(System.getProperty("pact.generatedDir", "target/pacts")).resolve(PACT_FILE);
  }

  /** The reviewed pact kept in the repository. */
  public static Path committedPact() {
    return Path.of(System.getProperty("pact.committedDir", "pacts")).resolve(PACT_FILE);
  }

  /** The request every interaction makes: the headers the client always sends. */
  public static PactDslRequestWithPath clientHeaders(PactDslRequestWithPath request) {
    return request
        .matchHeader("Authorization", BEARER, "Bearer " + EXAMPLE_TOKEN)
        .matchHeader("X-Client-Version", CLIENT_VERSION, "3.6.1")
        .headers("Accept", "application/json");
  }

  /** A JSON response with this status and body. */
  public static PactDslResponse json(PactDslResponse response, PactDslJsonBody body) {
    return response
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json; charset=utf-8")
        .body(body);
  }

  // ---------------------------------------------------------------------------------------
  // Licences

  /** How the nullable properties of a licence are matched. */
  public enum Nullables {
    /** "type or null": the client handles both, so the contract allows both. */
    TYPE_OR_NULL,
    /** As in the example: a null example must be null, a non-null one must be of its type. */
    PINNED
  }

  /** A deterministic, realistic licence id: the same n gives the same UUID in every run. */
  public static String uid(int n) {
    return UUID.nameUUIDFromBytes(("vspc-licence-" + n).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /**
   * The smallest licence the client takes: the one required property. Even the identity ({@code
   * backupServerUid}) may be absent; the client keeps such licences.
   */
  public static Map<String, Object> minimalLicense(int n) {
    Map<String, Object> license = new LinkedHashMap<>();
    license.put("autoUpdateEnabled", n % 3 != 0);
    return license;
  }

  /**
   * A licence with all 23 properties present and non-null, as a current server sends it: this text
   * with {@code backupServerUid} and the licence id made from {@code n}.
   */
  private static final String FULL_LICENSE =
      """
      {"backupServerUid": null, "autoUpdateEnabled": false, "edition": "Enterprise Plus",
       "monitoring": false, "packages": ["Backup"], "company": "Alpha",
       "email": "a.smith@alpha.example", "contactPerson": "Alan Smith",
       "expirationDate": "2027-09-09T10:00:00.0000000+03:00",
       "supportExpirationDate": "2027-09-09T10:00:00.0000000+03:00",
       "licenseIds": [], "supportIds": ["00276360"], "sectionTypes": ["Instance"],
       "status": "Valid", "cloudConnect": "No", "sockets": 2.0, "usedSockets": 1.0,
       "capacity": 10.0, "usedCapacity": 2.5, "units": 1000.0, "usedUnits": 12.0,
       "unitType": "Instances", "type": "Rental"}
      """;

  /** {@link #FULL_LICENSE} for licence {@code n}. */
  public static Map<String, Object> fullLicense(int n) {
    Map<String, Object> l;
    try {
      l =
          PactJson.MAPPER.readValue(
              FULL_LICENSE, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    l.put("backupServerUid", uid(n));
    l.put("licenseIds", List.of(uid(1000 + n)));
    return l;
  }

  /** {@link #fullLicense} with the eight nullable properties null. */
  public static Map<String, Object> licenseWithNullsOnly(int n) {
    Map<String, Object> l = fullLicense(n);
    l.put("autoUpdateEnabled", true);
    l.put("status", "Warning");
    l.put("type", "Subscription");
    l.put("unitType", "Points");
    l.put("cloudConnect", "Enterprise");
    for (String name : NULLABLE) {
      l.put(name, null);
    }
    return l;
  }

  /**
   * A page body: {@code meta.pagingInfo} and {@code data} with these licences (all of the same
   * shape), and the rules every item must follow.
   *
   * @param limit the most licences the client accepts in this page (the request's limit)
   */
  public static PactDslJsonBody page(
      int total, int offset, int limit, List<Map<String, Object>> licenses, Nullables nullables) {
    PactDslJsonBody body = new PactDslJsonBody();
    body.object("meta")
        .object("pagingInfo")
        .integerType("total", total)
        .integerType("count", licenses.size())
        // The client checks that the page starts where it asked: the offset is pinned.
        .numberValue("offset", offset)
        .closeObject()
        .closeObject();
    PactDslJsonArray data = body.array("data");
    for (Map<String, Object> license : licenses) {
      PactDslJsonBody item = data.object();
      writeObject(item, license);
      item.closeObject();
    }
    data.closeArray();
    MatchingRuleCategory rules = body.getMatchers();
    rules.addRule("$.data", new MinMaxTypeMatcher(0, limit));
    if (!licenses.isEmpty()) {
      licenseRules(rules, "$.data[*]", licenses.get(0), nullables);
    }
    return body;
  }

  /** The rules of one licence's properties (those present in the example) under a path. */
  static void licenseRules(
      MatchingRuleCategory rules, String at, Map<String, Object> example, Nullables nullables) {
    for (Map.Entry<String, Object> e : example.entrySet()) {
      String name = e.getKey();
      String path = at + "." + name;
      MatchingRule rule =
          switch (name) {
            case "backupServerUid" -> new RegexMatcher(UUID_REGEX);
            case "expirationDate", "supportExpirationDate" -> new RegexMatcher(DATE_TIME);
            case "status", "cloudConnect", "unitType", "type" -> new RegexMatcher(ENUM);
            case "sockets", "usedSockets", "capacity", "usedCapacity", "units", "usedUnits" ->
                new NumberTypeMatcher(NumberTypeMatcher.NumberType.NUMBER);
            case "packages", "sectionTypes", "licenseIds", "supportIds" -> new MinTypeMatcher(0);
            default -> TypeMatcher.INSTANCE; // autoUpdateEnabled, edition, monitoring, strings
          };
      if (NULLABLE.contains(name)) {
        if (nullables == Nullables.TYPE_OR_NULL) {
          rules.setRules(path, List.of(rule, NullMatcher.INSTANCE), RuleLogic.OR);
        } else {
          rules.addRule(path, e.getValue() == null ? NullMatcher.INSTANCE : rule);
        }
      } else {
        rules.addRule(path, rule);
      }
      switch (name) {
        case "packages", "sectionTypes" -> rules.addRule(path + "[*]", new RegexMatcher(ENUM));
        case "licenseIds" -> rules.addRule(path + "[*]", new RegexMatcher(UUID_REGEX));
        case "supportIds" -> rules.addRule(path + "[*]", TypeMatcher.INSTANCE);
        default -> {}
      }
    }
  }

  /** The error envelope with one error; {@code extra} adds properties such as parameterName. */
  public static PactDslJsonBody errorEnvelope(
      String message,
      String type,
      int code,
      Map<String, Object> pinned,
      Map<String, Object> typed) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("code", code);
    error.putAll(pinned);
    error.putAll(typed);
    PactDslJsonBody body = new PactDslJsonBody();
    PactDslJsonArray errors = body.array("errors");
    PactDslJsonBody item = errors.object();
    writeObject(item, error);
    item.closeObject();
    errors.closeArray();
    MatchingRuleCategory rules = body.getMatchers();
    rules.addRule("$.errors", new MinTypeMatcher(1));
    rules.addRule("$.errors[*].message", TypeMatcher.INSTANCE);
    rules.addRule("$.errors[*].type", new RegexMatcher(ENUM));
    rules.addRule("$.errors[*].code", new NumberTypeMatcher(NumberTypeMatcher.NumberType.INTEGER));
    for (String name : typed.keySet()) {
      rules.addRule("$.errors[*]." + name, TypeMatcher.INSTANCE);
    }
    return body;
  }

  private static void writeObject(PactDslJsonBody object, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object v = e.getValue();
      String name = e.getKey();
      if (v == null) {
        object.nullValue(name);
      } else if (v instanceof String s) {
        object.stringValue(name, s);
      } else if (v instanceof Boolean b) {
        object.booleanValue(name, b);
      } else if (v instanceof Number number) {
        object.numberValue(name, number);
      } else if (v instanceof List<?> list) {
        PactDslJsonArray array = object.array(name);
        for (Object element : list) {
          array.stringValue((String) element);
        }
        array.closeArray();
      } else {
        throw new IllegalArgumentException("unsupported example value " + v);
      }
    }
  }

  /** n distinct minimal licences numbered from {@code first}. */
  public static List<Map<String, Object>> minimalLicenses(int first, int n) {
    List<Map<String, Object>> list = new ArrayList<>(n);
    for (int i = first; i < first + n; i++) {
      list.add(minimalLicense(i));
    }
    return list;
  }
}
