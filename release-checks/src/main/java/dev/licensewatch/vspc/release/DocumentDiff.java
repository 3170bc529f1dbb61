package dev.licensewatch.vspc.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedNullable;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * The changes between two versions of the OpenAPI document, read from openapi-diff's model and
 * classified by what they do to clients.
 *
 * <p>openapi-diff's own verdict is kept wherever this class has no rule of its own. Its rules
 * differ from ours in places, and ours win there:
 *
 * <ul>
 *   <li>A property removed is breaking even when it was optional, and so is a change of {@code
 *       format} ({@code int32} to {@code int64} changes the generated type).
 *   <li>A response value that may now be null is breaking (openapi-diff calls it compatible).
 *   <li>Enumerations: the values are those of {@code enum} and of an {@code x-extensible-enum} list
 *       together, so moving values from one to the other changes nothing. A value removed is
 *       breaking (generated code loses a constant); a value added is compatible where the
 *       enumeration is extensible ({@code x-extensible-enum}) or only sent by the client.
 *   <li>A component schema removed or renamed, or an {@code operationId} changed, is breaking: the
 *       names of generated types and methods follow them.
 * </ul>
 */
final class DocumentDiff {
  static final String EXTENSIBLE_ENUM = "x-extensible-enum";

  private final Set<DocumentChange> changes = new LinkedHashSet<>();
  private final Map<Schema<?>, String> schemaNames = new IdentityHashMap<>();
  private final Set<ChangedSchema> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private DocumentDiff() {}

  /** Every change from {@code oldText} to {@code newText} (two OpenAPI documents, YAML or JSON). */
  static List<DocumentChange> between(String oldText, String newText) {
    ChangedOpenApi diff =
        OpenApiCompare.fromContents(knownValuesAsEnum(oldText), knownValuesAsEnum(newText));
    DocumentDiff walk = new DocumentDiff();
    walk.document(diff);
    return List.copyOf(walk.changes);
  }

  private void document(ChangedOpenApi diff) {
    OpenAPI before = diff.getOldSpecOpenApi();
    OpenAPI after = diff.getNewSpecOpenApi();
    var oldSchemas = schemas(before);
    var newSchemas = schemas(after);
    oldSchemas.forEach((name, schema) -> schemaNames.put(schema, name));
    newSchemas.forEach((name, schema) -> schemaNames.put(schema, name));
    for (String name : oldSchemas.keySet()) {
      if (!newSchemas.containsKey(name)) {
        breaking(name, "schema removed or renamed (generated type names follow it)", null);
      }
    }
    for (Endpoint e : diff.getNewEndpoints()) {
      compatible(operation(e), "new operation", null);
    }
    for (Endpoint e : diff.getMissingEndpoints()) {
      breaking(operation(e), "operation removed", null);
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      operation(op);
    }
  }

  /**
   * The document with each {@code x-extensible-enum} list also declared as {@code enum} (the
   * extension stays, so the enumeration is still known to be extensible): openapi-diff compares
   * {@code enum} only, and reports nothing when just an extension's list changed.
   */
  private static String knownValuesAsEnum(String text) {
    try {
      JsonNode tree = new YAMLMapper().readTree(text);
      if (tree == null || !tree.isObject()) {
        return text;
      }
      closeEnums(tree);
      return new ObjectMapper().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      return text; // openapi-diff's parser reports what is wrong with it
    }
  }

  private static void closeEnums(JsonNode node) {
    if (node instanceof ObjectNode object && !object.has("enum")) {
      JsonNode known = object.get(EXTENSIBLE_ENUM);
      if (known != null && known.isArray()) {
        object.set("enum", known.deepCopy());
      }
    }
    node.elements().forEachRemaining(DocumentDiff::closeEnums);
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> schemas(OpenAPI api) {
    return api.getComponents() == null || api.getComponents().getSchemas() == null
        ? Map.of()
        : api.getComponents().getSchemas();
  }

  private static String operation(Endpoint e) {
    return e.getMethod() + " " + e.getPathUrl();
  }

  private void operation(ChangedOperation op) {
    String where = op.getHttpMethod() + " " + op.getPathUrl();
    if (op.getOperationId() != null && op.getOperationId().isDifferent()) {
      breaking(
          where,
          "operationId changed (generated method names follow it) to",
          op.getOperationId().getRight());
    }
    if (op.isDeprecated()) {
      compatible(where, "deprecated", null);
    }
    if (op.getParameters() != null) {
      parameters(op.getParameters());
    }
    verdict(where, "request body", op.getRequestBody());
    verdict(where, "security requirements", op.getSecurityRequirements());
    if (op.getApiResponses() != null) {
      responses(where, op.getApiResponses());
    }
  }

  private void parameters(ChangedParameters params) {
    for (Parameter p : params.getIncreased()) {
      if (Boolean.TRUE.equals(p.getRequired())) {
        breaking(p.getName(), "new required " + p.getIn() + " parameter", null);
      } else {
        compatible(p.getName(), "new optional " + p.getIn() + " parameter", null);
      }
    }
    for (Parameter p : params.getMissing()) {
      breaking(p.getName(), p.getIn() + " parameter removed", null);
    }
    for (ChangedParameter p : params.getChanged()) {
      String name = p.getName();
      if (p.isChangeRequired()) {
        if (Boolean.TRUE.equals(p.getNewParameter().getRequired())) {
          breaking(name, "parameter now required", null);
        } else {
          compatible(name, "parameter now optional", null);
        }
      }
      if (p.isDeprecated()) {
        compatible(name, "parameter deprecated", null);
      }
      if (p.isChangeStyle() || p.isChangeExplode() || p.isChangeAllowEmptyValue()) {
        verdictOf(
            name, "parameter serialization (style, explode or allowEmptyValue)", p.isCoreChanged());
      }
      if (p.getSchema() != null) {
        schema(name, p.getSchema());
      }
      verdict(name, "parameter content", p.getContent());
    }
  }

  private void responses(String where, ChangedApiResponse responses) {
    responses.getIncreased().keySet().forEach(status -> compatible(where, "new response", status));
    responses.getMissing().keySet().forEach(status -> breaking(where, "response removed", status));
    for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
      String status = e.getKey();
      ChangedResponse response = e.getValue();
      verdict(where + " " + status, "headers", response.getHeaders());
      if (response.getContent() != null) {
        content(where + " " + status, response.getContent());
      }
    }
  }

  private void content(String where, ChangedContent content) {
    content.getIncreased().keySet().forEach(type -> compatible(where, "new media type", type));
    content.getMissing().keySet().forEach(type -> breaking(where, "media type removed", type));
    for (ChangedMediaType media : content.getChanged().values()) {
      if (media.getSchema() != null) {
        schema(where, media.getSchema());
      }
    }
  }

  private void schema(String path, ChangedSchema changed) {
    if (!visited.add(changed)) {
      return;
    }
    String where = nameOf(changed, path);
    boolean response = changed.getContext().isResponse();
    Schema<?> before = changed.getOldSchema();
    Schema<?> after = changed.getNewSchema();

    if (changed.isChangedType() || changed.isChangeFormat()) {
      breaking(where, "type changed from " + typeOf(before) + " to", typeOf(after));
    }
    nullable(where, changed.getNullable(), response);
    if (before != null && after != null) {
      enumeration(where, before, after, response);
    }
    Set<String> removed = changed.getMissingProperties().keySet();
    removed.forEach(name -> breaking(where + "." + name, "property removed", null));
    changed
        .getIncreasedProperties()
        .keySet()
        .forEach(name -> compatible(where + "." + name, "new property", null));
    required(where, changed.getRequired(), removed, response);
    changed.getChangedProperties().forEach((name, child) -> schema(where + "." + name, child));
    if (changed.getItems() != null) {
      schema(where + "[]", changed.getItems());
    }
    if (changed.getAddProp() != null) {
      verdict(where, "additionalProperties", changed.getAddProp());
    }
    if (changed.isChangeDefault()) {
      compatible(where, "default changed", null);
    }
    if (changed.isChangeDeprecated()) {
      compatible(where, "deprecated", null);
    }
    if (changed.isDiscriminatorPropertyChanged()) {
      breaking(where, "discriminator changed", null);
    }
    verdict(where, "oneOf", changed.getOneOfSchema());
    verdict(where, "readOnly", changed.getReadOnly());
    verdict(where, "writeOnly", changed.getWriteOnly());
    verdict(where, "maxLength", changed.getMaxLength());
    verdict(where, "minLength", changed.getMinLength());
    verdict(where, "pattern", changed.getPattern());
    verdict(where, "minimum or maximum", changed.getNumericRange());
    verdict(where, "multipleOf", changed.getMultipleOf());
    verdict(where, "maxItems", changed.getMaxItems());
    verdict(where, "minItems", changed.getMinItems());
    verdict(where, "uniqueItems", changed.getUniqueItems());
    verdict(where, "maxProperties", changed.getMaxProperties());
    verdict(where, "minProperties", changed.getMinProperties());
  }

  /** A component schema is named by its name, so every path to it reports it once. */
  private String nameOf(ChangedSchema changed, String path) {
    String name = changed.getNewSchema() == null ? null : schemaNames.get(changed.getNewSchema());
    if (name == null && changed.getOldSchema() != null) {
      name = schemaNames.get(changed.getOldSchema());
    }
    return name != null ? name : path;
  }

  private static String typeOf(@Nullable Schema<?> schema) {
    if (schema == null) {
      return "nothing";
    }
    String type = schema.getType();
    return schema.getFormat() == null ? type : type + "/" + schema.getFormat();
  }

  private void nullable(String where, @Nullable ChangedNullable nullable, boolean response) {
    if (nullable == null || !nullable.isDifferent()) {
      return;
    }
    boolean nowNullable = Boolean.TRUE.equals(nullable.getRight());
    // A client must now handle null in a response; a server must now accept it in a request.
    boolean breaks = response == nowNullable;
    note(breaks, where, nowNullable ? "may now be null" : "may no longer be null", null);
  }

  private void enumeration(String where, Schema<?> before, Schema<?> after, boolean response) {
    Set<String> oldValues = enumValues(before);
    Set<String> newValues = enumValues(after);
    for (String value : oldValues) {
      if (!newValues.contains(value)) {
        breaking(where, "enum value removed", value);
      }
    }
    boolean extensible =
        after.getExtensions() != null && after.getExtensions().containsKey(EXTENSIBLE_ENUM);
    for (String value : newValues) {
      if (!oldValues.contains(value)) {
        if (response && !extensible) {
          breaking(where, "new value in a response enumeration that is not extensible", value);
        } else {
          compatible(where, "new enum value", value);
        }
      }
    }
  }

  /** The values of {@code enum} and of an {@code x-extensible-enum} list, together. */
  static Set<String> enumValues(Schema<?> schema) {
    Set<String> values = new LinkedHashSet<>();
    if (schema.getEnum() != null) {
      schema.getEnum().stream().filter(Objects::nonNull).map(String::valueOf).forEach(values::add);
    }
    Map<String, Object> extensions = schema.getExtensions();
    Object listed = extensions == null ? null : extensions.get(EXTENSIBLE_ENUM);
    if (listed instanceof List<?> list) {
      list.stream().filter(Objects::nonNull).map(String::valueOf).forEach(values::add);
    }
    return values;
  }

  private void required(
      String where, @Nullable ChangedRequired required, Set<String> removed, boolean response) {
    if (required == null) {
      return;
    }
    for (String name : required.getIncreased()) {
      if (response) {
        compatible(where + "." + name, "now always sent (required)", null);
      } else {
        breaking(where + "." + name, "now required of the client", null);
      }
    }
    for (String name : required.getMissing()) {
      if (removed.contains(name)) {
        continue;
      }
      if (response) {
        breaking(where + "." + name, "no longer always sent (not required any more)", null);
      } else {
        compatible(where + "." + name, "no longer required of the client", null);
      }
    }
  }

  /** openapi-diff's own verdict, for what this class has no rule of its own. */
  private void verdict(String where, String what, @Nullable Changed changed) {
    if (changed != null) {
      verdictOf(where, what, changed.isChanged());
    }
  }

  private void verdictOf(String where, String what, DiffResult result) {
    if (result.isIncompatible()) {
      breaking(where, what + " changed (openapi-diff: " + result.getValue() + ")", null);
    } else if (result == DiffResult.COMPATIBLE) {
      compatible(where, what + " changed", null);
    }
  }

  private void breaking(String subject, String what, @Nullable String value) {
    note(true, subject, what, value);
  }

  private void compatible(String subject, String what, @Nullable String value) {
    note(false, subject, what, value);
  }

  private void note(boolean breaking, String subject, String what, @Nullable String value) {
    changes.add(new DocumentChange(breaking, subject, what, value));
  }
}
