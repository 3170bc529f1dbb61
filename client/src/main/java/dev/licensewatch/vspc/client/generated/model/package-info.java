/**
 * Models generated from the OpenAPI document at build time, plus their hand-written JSON support.
 *
 * <p>Models are immutable records; a property that the document marks nullable or optional is
 * {@code @Nullable}. Enumerations are extensible value classes. Each model has a package-private
 * Moshi adapter that enforces the document while reading and reports problems with their JSON
 * path.
 */
@NullMarked
package dev.licensewatch.vspc.client.generated.model;

import org.jspecify.annotations.NullMarked;
