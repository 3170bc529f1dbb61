package dev.licensewatch.vspc.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to ask the server for: which licences ({@code filter}), in which order ({@code sort}) and
 * which of their properties ({@code select}). The server does the work, so only what the query
 * keeps crosses the network, and {@code total} counts the filtered collection. Every page of a walk
 * carries the same query. Immutable: each method returns a new query.
 *
 * <pre>{@code
 * LicenseQuery expired = LicenseQuery.all()
 *     .where(Filter.property("status").equalsIgnoreCase("Expired"))
 *     .sortedBy(Sort.descending("expirationDate"))
 *     .select("company", "expirationDate");
 * try (Stream<BackupServerLicense> licences = client.stream(expired)) { ... }
 * }</pre>
 *
 * <p>With {@link #select(String...)}, the licences carry only the selected properties; every other
 * property is {@code null}, even {@code autoUpdateEnabled}, which the document requires (strict
 * decoding does not count a property the query did not select as missing).
 */
public final class LicenseQuery {
  /** Longest JSON text of one query parameter, as the API document allows. */
  static final int MAX_FILTER_CHARS = 8192;

  static final int MAX_SORT_OR_SELECT_CHARS = 4096;

  private static final LicenseQuery ALL = new LicenseQuery(List.of(), List.of(), List.of());

  private final List<Filter> filters;
  private final List<Sort> sorts;
  private final List<String> selected;
  private final @Nullable String filterJson;
  private final @Nullable String sortJson;
  private final @Nullable String selectJson;

  private LicenseQuery(List<Filter> filters, List<Sort> sorts, List<String> selected) {
    this.filters = List.copyOf(filters);
    this.sorts = List.copyOf(sorts);
    this.selected = List.copyOf(selected);
    this.filterJson =
        filters.isEmpty() ? null : limited(Filter.json(filters), MAX_FILTER_CHARS, "filter");
    this.sortJson =
        sorts.isEmpty() ? null : limited(Sort.json(sorts), MAX_SORT_OR_SELECT_CHARS, "sort");
    this.selectJson =
        selected.isEmpty()
            ? null
            : limited(selectJson(selected), MAX_SORT_OR_SELECT_CHARS, "select");
  }

  /**
   * Every licence, in the server's order, with every property: what {@code stream()} asks for.
   *
   * @return the query
   */
  public static LicenseQuery all() {
    return ALL;
  }

  /**
   * Only the licences that satisfy these expressions as well as those already given (the server
   * combines the elements of {@code filter} with AND).
   *
   * @param filters the expressions to add
   * @return a new query with this change
   */
  public LicenseQuery where(Filter... filters) {
    List<Filter> all = new ArrayList<>(this.filters);
    for (Filter filter : filters) {
      all.add(Objects.requireNonNull(filter, "filter"));
    }
    if (all.size() > Filter.MAX_ITEMS) {
      throw new IllegalArgumentException(
          "a query takes at most "
              + Filter.MAX_ITEMS
              + " filter expressions; group them with Filter.and");
    }
    return new LicenseQuery(all, sorts, selected);
  }

  /**
   * In this order, the first sort first; replaces any order given before.
   *
   * @param sorts the orders, the first one first
   * @return a new query with this change
   */
  public LicenseQuery sortedBy(Sort... sorts) {
    for (Sort sort : sorts) {
      Objects.requireNonNull(sort, "sort");
    }
    return new LicenseQuery(filters, Arrays.asList(sorts), selected);
  }

  /**
   * Only these properties of each licence, by their JSON names; replaces any selection given
   * before. Nothing selected means every property.
   *
   * @param properties the JSON names of the properties to keep
   * @return a new query with this change
   * @throws IllegalArgumentException for a name licences do not have (the message lists them)
   */
  public LicenseQuery select(String... properties) {
    Set<String> names = new LinkedHashSet<>();
    for (String property : properties) {
      LicenseProperties.require(Objects.requireNonNull(property, "property"), "select");
      names.add(property);
    }
    return new LicenseQuery(filters, sorts, List.copyOf(names));
  }

  /**
   * The filter expressions, combined with AND; empty for none.
   *
   * @return the filter expressions
   */
  public List<Filter> filters() {
    return filters;
  }

  /**
   * The sort expressions, the first one first; empty for the server's order.
   *
   * @return the sort expressions
   */
  public List<Sort> sorts() {
    return sorts;
  }

  /**
   * The selected properties; empty for every property.
   *
   * @return the selected properties
   */
  public List<String> selected() {
    return selected;
  }

  /** The {@code filter} query parameter, or null when there is no filter. */
  @Nullable String filterJson() {
    return filterJson;
  }

  @Nullable String sortJson() {
    return sortJson;
  }

  @Nullable String selectJson() {
    return selectJson;
  }

  /** Whether the server was asked to send this licence property. */
  boolean expects(String property) {
    return selected.isEmpty() || selected.contains(property);
  }

  private static String selectJson(List<String> selected) {
    return QueryJson.array(
        selected,
        (name, writer) -> writer.beginObject().name("propertyPath").value(name).endObject());
  }

  private static String limited(String json, int max, String parameter) {
    if (json.length() > max) {
      throw new IllegalArgumentException(
          "the "
              + parameter
              + " is "
              + json.length()
              + " characters of JSON, more than the "
              + max
              + " the API document allows");
    }
    return json;
  }

  /** The three query parameters as sent, e.g. {@code LicenseQuery{filter=[...], select=[...]}}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("LicenseQuery{");
    String separator = "";
    if (filterJson != null) {
      s.append("filter=").append(filterJson);
      separator = ", ";
    }
    if (sortJson != null) {
      s.append(separator).append("sort=").append(sortJson);
      separator = ", ";
    }
    if (selectJson != null) {
      s.append(separator).append("select=").append(selectJson);
    }
    return s.append('}').toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LicenseQuery q
        && filters.equals(q.filters)
        && sorts.equals(q.sorts)
        && selected.equals(q.selected);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filters, sorts, selected);
  }
}
