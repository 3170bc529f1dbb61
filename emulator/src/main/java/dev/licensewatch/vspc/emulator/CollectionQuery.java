package dev.licensewatch.vspc.emulator;

import com.squareup.moshi.JsonReader;
import dev.licensewatch.vspc.emulator.Values.Collation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code filter}, {@code sort} and {@code select} of a licences request, parsed and checked as
 * VSPC checks them (malformed JSON, an unknown property, operation, direction or collation is a 400
 * naming the parameter), and applied to a store: the licences that satisfy every filter expression,
 * in the sort's order (stable: ties keep the server's order; null before any value when ascending),
 * each cut down to the selected properties.
 */
final class CollectionQuery {
  static final CollectionQuery NONE = new CollectionQuery(List.of(), List.of(), List.of(), "", "");

  /** The document's list properties: they have no order to sort by. */
  private static final Set<String> LISTS = Set.copyOf(LicenseGenerator.LISTS);

  private final List<Node> filter;
  private final List<SortKey> sort;
  private final List<String[]> select;

  /** The filter and sort as received: with the store, the key of a cached result. */
  private final String filterText;

  private final String sortText;

  private CollectionQuery(
      List<Node> filter,
      List<SortKey> sort,
      List<String[]> select,
      String filterText,
      String sortText) {
    this.filter = filter;
    this.sort = sort;
    this.select = select;
    this.filterText = filterText;
    this.sortText = sortText;
  }

  /** The query of a request; {@link #NONE} without filter, sort and select. */
  static CollectionQuery of(Request request, LicenseStore store) throws BadParameter {
    String filterText = request.queryParameter("filter");
    String sortText = request.queryParameter("sort");
    String selectText = request.queryParameter("select");
    if (filterText == null && sortText == null && selectText == null) {
      return NONE;
    }
    Set<String> known = store.knownPaths();
    List<Node> filter = new ArrayList<>();
    for (Object expression : array(filterText, "filter")) {
      filter.add(expression(expression, known, 0));
    }
    List<SortKey> sort = new ArrayList<>();
    for (Object expression : array(sortText, "sort")) {
      sort.add(sortKey(expression, known));
    }
    List<String[]> select = new ArrayList<>();
    for (Object expression : array(selectText, "select")) {
      Map<String, Object> members = object(expression, "select", Set.of("propertyPath"));
      select.add(path(members.get("propertyPath"), known, "select", "propertyPath"));
    }
    return new CollectionQuery(
        List.copyOf(filter),
        List.copyOf(sort),
        List.copyOf(select),
        filterText == null ? "" : filterText,
        sortText == null ? "" : sortText);
  }

  boolean selects() {
    return !select.isEmpty();
  }

  /**
   * The store's licences this query keeps, by index, in its order (cached per store); null when it
   * keeps them all in the store's order. {@code licenses} reads licence i of the store.
   */
  int @Nullable [] apply(LicenseStore store, IntFunction<Map<String, @Nullable Object>> licenses) {
    if (filter.isEmpty() && sort.isEmpty()) {
      return null;
    }
    return store.queried(
        filterText + "\n" + sortText,
        () -> {
          List<Integer> kept = new ArrayList<>();
          for (int i = 0; i < store.size(); i++) {
            if (matches(licenses.apply(i))) {
              kept.add(i);
            }
          }
          if (!sort.isEmpty()) {
            Comparator<Integer> order = null;
            for (SortKey key : sort) {
              Comparator<Integer> next =
                  (x, y) -> key.compare(licenses.apply(x), licenses.apply(y));
              order = order == null ? next : order.thenComparing(next);
            }
            kept.sort(order); // stable
          }
          return kept.stream().mapToInt(Integer::intValue).toArray();
        });
  }

  private boolean matches(Map<String, @Nullable Object> license) {
    for (Node node : filter) {
      if (!node.test(license)) {
        return false;
      }
    }
    return true;
  }

  /** The licence with only the selected properties, in its own order of properties. */
  Map<String, @Nullable Object> project(Map<String, @Nullable Object> license) {
    Map<String, @Nullable Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> property : license.entrySet()) {
      List<String[]> under = new ArrayList<>();
      for (String[] path : select) {
        if (path[0].equals(property.getKey())) {
          under.add(path);
        }
      }
      if (under.isEmpty()) {
        continue;
      }
      boolean whole = under.stream().anyMatch(p -> p.length == 1);
      if (whole || !(property.getValue() instanceof Map<?, ?>)) {
        if (whole) {
          kept.put(property.getKey(), property.getValue());
        }
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> nested = (Map<String, @Nullable Object>) property.getValue();
      List<String[]> rest =
          under.stream().map(p -> java.util.Arrays.copyOfRange(p, 1, p.length)).toList();
      kept.put(
          property.getKey(),
          new CollectionQuery(List.of(), List.of(), rest, "", "").project(nested));
    }
    return kept;
  }

  // ---------------------------------------------------------------------------------------
  // Filter expressions

  /** One expression, checked. */
  private interface Node {
    boolean test(Map<String, @Nullable Object> license);
  }

  private enum Operation {
    IN,
    CONTAINS,
    SUBSET,
    SUPERSET,
    EQUALS,
    NOT_EQUALS,
    LESS_THAN,
    LESS_THAN_OR_EQUAL,
    GREATER_THAN,
    GREATER_THAN_OR_EQUAL,
    AND,
    OR,
    NOT,
    EXCLUSIVE_OR;

    final String json = jsonName(name());

    private static String jsonName(String constant) {
      StringBuilder s = new StringBuilder();
      boolean upper = false;
      for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          s.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return s.toString();
    }

    boolean isGroup() {
      return this == AND || this == OR || this == NOT || this == EXCLUSIVE_OR;
    }

    boolean takesList() {
      return this == IN || this == SUBSET || this == SUPERSET;
    }

    static @Nullable Operation of(String name) {
      for (Operation o : values()) {
        if (o.json.equalsIgnoreCase(name)) {
          return o;
        }
      }
      return null;
    }
  }

  private static final Set<String> EXPRESSION_MEMBERS =
      Set.of("property", "operation", "collation", "value", "items");

  /** Deeper nesting is refused rather than risking the stack. */
  private static final int MAX_DEPTH = 32;

  private static Node expression(@Nullable Object json, Set<String> known, int depth)
      throws BadParameter {
    if (depth > MAX_DEPTH) {
      throw new BadParameter(
          "filter", "Filter expressions are nested more than " + MAX_DEPTH + " deep.");
    }
    Map<String, Object> members = object(json, "filter", EXPRESSION_MEMBERS);
    Object operationName = members.get("operation");
    if (!(operationName instanceof String name)) {
      throw new BadParameter("filter", "A filter expression needs an operation.");
    }
    Operation operation = Operation.of(name);
    if (operation == null) {
      throw new BadParameter("filter", "Unknown operation '" + name + "' in filter.");
    }
    Collation collation = collation(members.get("collation"), "filter");
    if (operation.isGroup()) {
      return group(operation, members, known, depth);
    }
    String[] path = path(members.get("property"), known, "filter", "property");
    Object value = members.get("value");
    if (operation.takesList() != value instanceof List<?>) {
      throw badValue(
          operation, path, operation.takesList() ? "an array." : "a single value, not an array.");
    }
    if (value instanceof Map<?, ?>
        || value instanceof List<?> list
            && list.stream().anyMatch(v -> v instanceof Map<?, ?> || v instanceof List<?>)) {
      throw badValue(
          operation, path, "a string, a number, a boolean or null, or an array of those.");
    }
    return license -> compare(operation, Values.at(license, path), value, collation);
  }

  private static BadParameter badValue(Operation operation, String[] path, String mustBe) {
    return new BadParameter(
        "filter",
        "The value of "
            + operation.json
            + " on '"
            + String.join(".", path)
            + "' must be "
            + mustBe);
  }

  private static Node group(
      Operation operation, Map<String, Object> members, Set<String> known, int depth)
      throws BadParameter {
    if (members.get("property") != null || members.get("value") != null) {
      throw new BadParameter(
          "filter", operation.json + " groups items; it takes no property or value.");
    }
    if (!(members.get("items") instanceof List<?> items) || items.isEmpty()) {
      throw new BadParameter("filter", operation.json + " needs items.");
    }
    if (operation == Operation.NOT && items.size() != 1) {
      throw new BadParameter(
          "filter", "not takes exactly one item, was given " + items.size() + ".");
    }
    List<Node> nodes = new ArrayList<>();
    for (Object item : items) {
      nodes.add(expression(item, known, depth + 1));
    }
    return switch (operation) {
      case AND -> license -> nodes.stream().allMatch(n -> n.test(license));
      case OR -> license -> nodes.stream().anyMatch(n -> n.test(license));
      case NOT -> license -> !nodes.get(0).test(license);
      default -> license -> nodes.stream().filter(n -> n.test(license)).count() % 2 == 1;
    };
  }

  private static boolean compare(
      Operation operation, @Nullable Object actual, @Nullable Object value, Collation collation) {
    switch (operation) {
      case EQUALS -> {
        return Values.equal(actual, value, collation);
      }
      case NOT_EQUALS -> {
        return !Values.equal(actual, value, collation);
      }
      case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        Integer order = Values.compare(actual, value, collation);
        if (order == null) {
          return false;
        }
        return switch (operation) {
          case LESS_THAN -> order < 0;
          case LESS_THAN_OR_EQUAL -> order <= 0;
          case GREATER_THAN -> order > 0;
          default -> order >= 0;
        };
      }
      case IN -> {
        List<?> values = (List<?>) value;
        if (actual instanceof List<?> elements) {
          return elements.stream().anyMatch(e -> Values.among(e, values, collation));
        }
        return Values.among(actual, values, collation);
      }
      case CONTAINS -> {
        if (actual instanceof List<?> elements) {
          return Values.among(value, elements, collation);
        }
        return actual instanceof String text
            && value instanceof String part
            && Values.containsText(text, part, collation);
      }
      case SUBSET -> {
        return actual instanceof List<?> elements
            && elements.stream().allMatch(e -> Values.among(e, (List<?>) value, collation));
      }
      case SUPERSET -> {
        return actual instanceof List<?> elements
            && ((List<?>) value).stream().allMatch(v -> Values.among(v, elements, collation));
      }
      default -> throw new IllegalStateException("not a comparison: " + operation);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Sort expressions

  private record SortKey(String[] path, boolean descending, Collation collation) {
    int compare(Map<String, @Nullable Object> a, Map<String, @Nullable Object> b) {
      Object x = Values.at(a, path);
      Object y = Values.at(b, path);
      int order;
      if (x == null || y == null) {
        order = x == null ? (y == null ? 0 : -1) : 1;
      } else {
        Integer compared = Values.compare(x, y, collation);
        // Values of different JSON types (an odd dataset): by type name, so the order is total.
        order =
            compared != null
                ? compared
                : x.getClass().getSimpleName().compareTo(y.getClass().getSimpleName());
      }
      return descending ? -order : order;
    }
  }

  private static SortKey sortKey(@Nullable Object json, Set<String> known) throws BadParameter {
    Map<String, Object> members =
        object(json, "sort", Set.of("property", "direction", "collation"));
    String[] path = path(members.get("property"), known, "sort", "property");
    if (path.length == 1 && LISTS.contains(path[0])) {
      throw new BadParameter("sort", "Cannot sort by '" + path[0] + "': it is an array.");
    }
    Object direction = members.get("direction");
    if (!(direction instanceof String d)
        || !(d.equalsIgnoreCase("ascending") || d.equalsIgnoreCase("descending"))) {
      throw new BadParameter(
          "sort",
          "The direction of a sort must be ascending or descending, was "
              + (direction == null ? "missing" : "'" + direction + "'")
              + ".");
    }
    return new SortKey(
        path, d.equalsIgnoreCase("descending"), collation(members.get("collation"), "sort"));
  }

  // ---------------------------------------------------------------------------------------
  // Shared checks

  /** The JSON array of a parameter, empty when the parameter is absent. */
  private static List<?> array(@Nullable String text, String parameter) throws BadParameter {
    if (text == null) {
      return List.of();
    }
    Object value;
    try (Buffer buffer = new Buffer().writeUtf8(text);
        JsonReader reader = JsonReader.of(buffer)) {
      value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new BadParameter(
            parameter, "The " + parameter + " parameter has data after its JSON array.");
      }
    } catch (IOException | RuntimeException e) {
      throw new BadParameter(
          parameter,
          "The "
              + parameter
              + " parameter is not valid JSON: "
              + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")
              + ".");
    }
    if (!(value instanceof List<?> list)) {
      throw new BadParameter(parameter, "The " + parameter + " parameter must be a JSON array.");
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(
      @Nullable Object json, String parameter, Set<String> members) throws BadParameter {
    if (!(json instanceof Map<?, ?> map)) {
      throw new BadParameter(parameter, "Each element of " + parameter + " must be a JSON object.");
    }
    for (Object name : map.keySet()) {
      if (!members.contains(name)) {
        throw new BadParameter(
            parameter,
            "Unknown member '"
                + name
                + "' in "
                + parameter
                + "; expected "
                + String.join(", ", new java.util.TreeSet<>(members))
                + ".");
      }
    }
    return (Map<String, Object>) map;
  }

  private static String[] path(
      @Nullable Object json, Set<String> known, String parameter, String member)
      throws BadParameter {
    if (!(json instanceof String path) || path.isBlank()) {
      throw new BadParameter(parameter, "A " + parameter + " expression needs a " + member + ".");
    }
    if (!known.contains(path)) {
      throw new BadParameter(parameter, "Unknown property '" + path + "' in " + parameter + ".");
    }
    return path.split("\\.");
  }

  private static Collation collation(@Nullable Object json, String parameter) throws BadParameter {
    if (json == null) {
      return Collation.ORDINAL;
    }
    Collation collation = json instanceof String name ? Collation.of(name) : null;
    if (collation == null) {
      throw new BadParameter(
          parameter,
          "Unknown collation '"
              + json
              + "' in "
              + parameter
              + "; use ordinal, ignorecase or lexicographic.");
    }
    return collation;
  }
}
