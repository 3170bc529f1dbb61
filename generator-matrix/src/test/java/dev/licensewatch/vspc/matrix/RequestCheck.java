package dev.licensewatch.vspc.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a program's two calls must have sent (see {@code programs/Cases}): the first with {@code
 * limit=2}, {@code offset=0} and the filter, sort and select below as JSON text; the second with
 * only a select that leaves the required {@code autoUpdateEnabled} out. A generated model may write
 * what the document makes a default ({@code "collation":"ordinal"}), an empty {@code items} array
 * or a null member where nothing is meant: those are dropped before comparing.
 */
final class RequestCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> GROUPS = Set.of("and", "or", "not", "exclusiveOr");

  static final String FILTER =
      """
      [{"property":"status","operation":"equals","collation":"ignorecase","value":"Expired"},
       {"operation":"or","items":[
         {"property":"expirationDate","operation":"lessThan","value":"2027-01-01T00:00:00.0000000+00:00"},
         {"property":"company","operation":"contains","collation":"ignorecase","value":"B\\u00e4ckerei & S\\u00f6hne+Co #1"},
         {"property":"packages","operation":"in","value":["Backup","ONE"]}]}]""";
  static final String SORT =
      """
      [{"property":"expirationDate","direction":"descending"},
       {"property":"company","direction":"ascending","collation":"ignorecase"}]""";
  static final String SELECT =
      """
      [{"propertyPath":"company"},{"propertyPath":"expirationDate"},{"propertyPath":"autoUpdateEnabled"}]""";
  static final String SELECT_WITHOUT_REQUIRED =
      """
      [{"propertyPath":"company"},{"propertyPath":"expirationDate"}]""";

  /** The document's defaults of limit and offset. */
  private static final Map<String, String> DEFAULTS = Map.of("limit", "100", "offset", "0");

  private RequestCheck() {}

  /** What is wrong with the requests received; empty when both carried what they should. */
  static List<String> problems(List<Recorder.Received> received) {
    List<String> problems = new ArrayList<>();
    if (received.size() != 2) {
      problems.add("expected 2 requests, received " + received.size() + ": " + received);
      return problems;
    }
    Recorder.Received first = received.get(0);
    Recorder.Received second = received.get(1);
    expect(problems, "first request: limit", first.query().get("limit"), "2");
    expect(problems, "first request: offset", first.query().get("offset"), "0");
    compare(problems, "first request: filter", first.query().get("filter"), FILTER);
    compare(problems, "first request: sort", first.query().get("sort"), SORT);
    compare(problems, "first request: select", first.query().get("select"), SELECT);
    compare(
        problems, "second request: select", second.query().get("select"), SELECT_WITHOUT_REQUIRED);
    for (String name : List.of("filter", "sort")) {
      if (second.query().containsKey(name)) {
        problems.add("second request: sent " + name + " although it was not given");
      }
    }
    // Not given, a parameter may still be sent with the document's default (the Go client does).
    DEFAULTS.forEach(
        (name, value) -> {
          if (second.query().containsKey(name) && !second.query().get(name).equals(value)) {
            problems.add(
                "second request: sent "
                    + name
                    + "="
                    + second.query().get(name)
                    + " although it was not given (the default is "
                    + value
                    + ")");
          }
        });
    return problems;
  }

  private static void expect(List<String> problems, String what, String got, String expected) {
    if (!expected.equals(got)) {
      problems.add(what + ": expected " + expected + ", received " + got);
    }
  }

  private static void compare(List<String> problems, String what, String got, String expected) {
    if (got == null) {
      problems.add(what + ": not sent");
      return;
    }
    try {
      JsonNode sent = normalize(JSON.readTree(got));
      if (!sent.equals(normalize(JSON.readTree(expected)))) {
        problems.add(
            what
                + ": received "
                + got
                + ", which means something else than "
                + expected.replaceAll("\\s+", ""));
      }
    } catch (IOException e) {
      problems.add(what + ": received " + got + ", which is not JSON");
    }
  }

  /** Drops what means nothing: default collation, empty or null items, null members of groups. */
  static JsonNode normalize(JsonNode node) {
    if (node instanceof ArrayNode array) {
      array.forEach(RequestCheck::normalize);
    } else if (node instanceof ObjectNode object) {
      boolean group = GROUPS.contains(object.path("operation").asText());
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
          fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        boolean meaningless =
            field.getKey().equals("collation") && "ordinal".equals(value.asText())
                || field.getKey().equals("items") && (value.isNull() || value.isEmpty())
                || value.isNull() && (group || !field.getKey().equals("value"));
        if (meaningless) {
          fields.remove();
        } else {
          normalize(value);
        }
      }
    }
    return node;
  }
}
