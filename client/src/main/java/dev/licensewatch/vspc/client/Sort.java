package dev.licensewatch.vspc.client;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One expression of the {@code sort} query parameter: the server orders the collection by a licence
 * property before paging it. Immutable; the property name is checked against the API document when
 * the sort is made.
 *
 * <pre>{@code
 * LicenseQuery.all().sortedBy(Sort.descending("expirationDate"), Sort.ascending("company").ignoringCase())
 * }</pre>
 */
public final class Sort {
  private final LicenseProperties.Property property;
  private final SortDirection direction;
  private final @Nullable Collation collation;

  private Sort(
      LicenseProperties.Property property, SortDirection direction, @Nullable Collation collation) {
    this.property = property;
    this.direction = direction;
    this.collation = collation;
  }

  /**
   * Smallest first (earliest, for date-times).
   *
   * @param property the property's JSON name, e.g. {@code expirationDate}
   * @return the order
   * @throws IllegalArgumentException for a name licences do not have (the message lists them), or a
   *     list property, which has no order
   */
  public static Sort ascending(String property) {
    return of(property, SortDirection.ASCENDING);
  }

  /**
   * Largest first (latest, for date-times); throws as {@link #ascending(String)}.
   *
   * @param property the property's JSON name, e.g. {@code expirationDate}
   * @return the order
   */
  public static Sort descending(String property) {
    return of(property, SortDirection.DESCENDING);
  }

  private static Sort of(String name, SortDirection direction) {
    LicenseProperties.Property property =
        LicenseProperties.require(Objects.requireNonNull(name, "property"), "sort");
    if (property.isArray()) {
      throw new IllegalArgumentException(
          "cannot sort by '" + name + "': it is " + property.describe());
    }
    return new Sort(property, direction, null);
  }

  /**
   * Compare strings ignoring case.
   *
   * @return this order, compared so
   */
  public Sort ignoringCase() {
    return collated(Collation.IGNORECASE);
  }

  /**
   * Compare words with words and numbers with numbers, {@code Item 9} before {@code Item 10}.
   *
   * @return this order, compared so
   */
  public Sort lexicographic() {
    return collated(Collation.LEXICOGRAPHIC);
  }

  private Sort collated(Collation collation) {
    property.requireCollatable(collation);
    return new Sort(property, direction, collation);
  }

  private void write(JsonWriter writer) throws IOException {
    writer.beginObject();
    writer.name("property").value(property.name());
    writer.name("direction").value(direction.value());
    if (collation != null) {
      writer.name("collation").value(collation.value());
    }
    writer.endObject();
  }

  /** JSON text of expressions (an array), as the query parameter carries them. */
  static String json(List<Sort> sorts) {
    return QueryJson.array(sorts, Sort::write);
  }

  /** This expression as JSON, e.g. {@code {"property":"company","direction":"ascending"}}. */
  @Override
  public String toString() {
    return QueryJson.object(this, Sort::write);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Sort s
        && property.equals(s.property)
        && direction.equals(s.direction)
        && Objects.equals(collation, s.collation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        property.name(), direction.value(), collation == null ? null : collation.value());
  }
}
