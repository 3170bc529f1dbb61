package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedNullable;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Compares the server's own definition of {@code GetBackupServersLicenses} with ours. The
 * differences come from OpenAPITools openapi-diff, run on both documents cut down to this one
 * operation and the schemas it reaches (a VSPC definition has hundreds of operations); this class
 * only sorts them into what breaks the client and what is compatible.
 *
 * <p>Breaks: the operation or its 200 JSON response gone; a response property removed, retyped
 * (type or format), made nullable, or no longer required where ours requires it; known enum values
 * removed; a query parameter the client sends removed; a new required parameter; a parameter range
 * narrowed below what the client sends. Compatible (reported, not failing): new properties and enum
 * values (additions), properties the server requires that ours leaves optional (the client gets
 * them always), other constraints and documentation.
 */
final class DefinitionDiff {
  static final String GROUP = "definition";
  static final String ID = "definition.operation";
  private static final int MAX_DEPTH = 32;

  private final Findings findings = new Findings();

  private DefinitionDiff() {}

  static Check compare(Document ours, String theirs, String source) {
    long start = System.nanoTime();
    String title =
        "The server's definition of "
            + Document.OPERATION_ID
            + " ("
            + source
            + ") has nothing that breaks the client";
    DefinitionDiff diff = new DefinitionDiff();
    String detail;
    try {
      OpenAPI server = Document.parse(withKnownValuesAsEnum(theirs), source);
      Map.Entry<String, Operation> found = find(server);
      if (found == null) {
        diff.findings.add(
            Finding.of(
                Finding.Severity.BREAK,
                "the server's definition has no"
                    + " GET operation "
                    + Document.OPERATION_ID
                    + " (nor a GET of a path ending in"
                    + " licensing/backupServers)"));
        detail = source;
      } else {
        OpenAPI oursClosed = Document.parse(withKnownValuesAsEnum(ours.text), Document.RESOURCE);
        Map.Entry<String, Operation> oursFound = Document.find(oursClosed, Document.OPERATION_ID);
        if (oursFound == null) {
          throw new IllegalStateException("our document has no " + Document.OPERATION_ID);
        }
        ChangedOpenApi changes =
            OpenApiCompare.fromSpecifications(
                only(oursClosed, ours.path, oursFound.getValue()),
                only(server, ours.path, found.getValue()));
        diff.operation(changes);
        detail = source + ": " + found.getKey() + " compared with our " + ours.path;
      }
    } catch (RuntimeException e) {
      diff.findings.add(
          Finding.of(
              Finding.Severity.ERROR,
              "cannot compare: " + Text.shorten(String.valueOf(e.getMessage()))));
      detail = source;
    }
    return diff.findings.check(
        ID, GROUP, title, detail, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * The document with every {@code x-extensible-enum} list also declared as {@code enum}:
   * openapi-diff compares only {@code enum}, and a VSPC serves closed enums where ours lists the
   * known values as an extension, so both sides must say it the same way to be compared.
   */
  static String withKnownValuesAsEnum(String text) {
    try {
      YAMLMapper yaml = new YAMLMapper();
      JsonNode tree = yaml.readTree(text);
      if (tree == null || !tree.isObject()) {
        return text;
      }
      close(tree);
      return Exchange.JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      return text; // the parser says what is wrong with it
    }
  }

  private static void close(JsonNode node) {
    if (node instanceof ObjectNode object && !object.has("enum")) {
      JsonNode known = object.get(SchemaWalk.EXTENSIBLE_ENUM);
      if (known != null && known.isArray()) {
        object.set("enum", known.deepCopy());
      }
    }
    node.elements().forEachRemaining(DefinitionDiff::close);
  }

  /** The operation by its operationId, else the GET of a path ending in licensing/backupServers. */
  private static Map.@Nullable Entry<String, Operation> find(OpenAPI api) {
    Map.Entry<String, Operation> byId = Document.find(api, Document.OPERATION_ID);
    if (byId != null || api.getPaths() == null) {
      return byId;
    }
    for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
      String path = entry.getKey().toLowerCase(Locale.ROOT);
      if (path.endsWith("/licensing/backupservers") && entry.getValue().getGet() != null) {
        return Map.entry(entry.getKey(), entry.getValue().getGet());
      }
    }
    return null;
  }

  /** A document with only this operation, under our path so that the two are paired. */
  private static OpenAPI only(OpenAPI api, String path, Operation operation) {
    Components components = new Components();
    if (api.getComponents() != null) {
      components.setSecuritySchemes(api.getComponents().getSecuritySchemes());
    }
    return new OpenAPI()
        .openapi(api.getOpenapi())
        .info(api.getInfo())
        .paths(new Paths().addPathItem(path, new PathItem().get(operation)))
        .components(components);
  }

  private void operation(ChangedOpenApi changes) {
    if (!changes.getMissingEndpoints().isEmpty()) {
      findings.add(Finding.of(Finding.Severity.BREAK, "the operation is missing"));
    }
    for (ChangedOperation op : changes.getChangedOperations()) {
      if (op.getParameters() != null) {
        parameters(op.getParameters());
      }
      if (op.getApiResponses() != null) {
        responses(op.getApiResponses());
      }
    }
  }

  private void parameters(ChangedParameters parameters) {
    for (Parameter p : parameters.getIncreased()) {
      boolean required = Boolean.TRUE.equals(p.getRequired());
      findings.add(
          breakOrNote(
                  required,
                  "a new required parameter: the client does not send it",
                  "a new optional parameter")
              .in(where(p)));
    }
    for (Parameter p : parameters.getMissing()) {
      boolean query = "query".equals(p.getIn());
      findings.add(
          breakOrNote(
                  query,
                  "the client sends this parameter; the server's definition no longer has it",
                  "not in the server's definition (the server may ignore it)")
              .in(where(p)));
    }
    for (ChangedParameter p : parameters.getChanged()) {
      Parameter old = p.getOldParameter();
      Parameter now = p.getNewParameter();
      if (p.isChangeRequired() && Boolean.TRUE.equals(now.getRequired())) {
        findings.add(
            Finding.of(Finding.Severity.BREAK, "now required; the client leaves it out at times")
                .in(where(now)));
      }
      if (p.getSchema() != null) {
        ChangedSchema schema = p.getSchema();
        if (schema.isChangedType() || schema.isChangeFormat()) {
          findings.add(
              Finding.of(Finding.Severity.BREAK, "its type changed")
                  .in(where(now))
                  .actual(types(schema)));
        }
        narrowed(old.getSchema(), now.getSchema(), where(now));
      }
    }
  }

  /** A range the server narrowed below what the client sends is a break; widened, a note. */
  private void narrowed(@Nullable Schema<?> old, @Nullable Schema<?> now, String where) {
    if (old == null || now == null) {
      return;
    }
    BigDecimal oldMax = old.getMaximum();
    BigDecimal newMax = now.getMaximum();
    BigDecimal oldMin = old.getMinimum();
    BigDecimal newMin = now.getMinimum();
    boolean narrower =
        newMax != null && (oldMax == null || newMax.compareTo(oldMax) < 0)
            || newMin != null && (oldMin == null || newMin.compareTo(oldMin) > 0);
    if (narrower) {
      findings.add(
          Finding.of(
                  Finding.Severity.BREAK,
                  "the server allows a narrower range than the client sends")
              .in(where)
              .actual(range(now) + ", ours " + range(old)));
    } else if (!Objects.equals(oldMax, newMax) || !Objects.equals(oldMin, newMin)) {
      findings.add(
          Finding.of(Finding.Severity.NOTE, "the server allows a wider range")
              .in(where)
              .actual(range(now) + ", ours " + range(old)));
    }
  }

  private void responses(ChangedApiResponse responses) {
    responses
        .getMissing()
        .keySet()
        .forEach(
            status ->
                findings.add(
                    breakOrNote(
                            "200".equals(status),
                            "the server's definition has no 200 response",
                            "not a response in the server's definition")
                        .in("response " + status)));
    responses
        .getIncreased()
        .keySet()
        .forEach(
            status ->
                findings.add(
                    Finding.of(Finding.Severity.NOTE, "a response our document does not list")
                        .in("response " + status)));
    for (Map.Entry<String, ChangedResponse> entry : responses.getChanged().entrySet()) {
      String where = "response " + entry.getKey();
      ChangedResponse response = entry.getValue();
      if (response.getContent() == null) {
        continue;
      }
      for (String type : response.getContent().getMissing().keySet()) {
        findings.add(
            Finding.of(
                    type.startsWith("application/json") && "200".equals(entry.getKey())
                        ? Finding.Severity.BREAK
                        : Finding.Severity.NOTE,
                    "the server's definition no longer has " + type)
                .in(where));
      }
      for (Map.Entry<String, ChangedMediaType> media :
          response.getContent().getChanged().entrySet()) {
        if (media.getValue().getSchema() != null) {
          schema(media.getValue().getSchema(), "$", where, 0);
        }
      }
    }
  }

  private void schema(ChangedSchema c, String path, String where, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    Schema<?> old = c.getOldSchema();
    Schema<?> now = c.getNewSchema();
    if (c.isChangedType() || c.isChangeFormat()) {
      findings.add(
          Finding.of(Finding.Severity.BREAK, "retyped").at(path, null).in(where).actual(types(c)));
    }
    ChangedNullable nullable = c.getNullable();
    if (nullable != null && !Objects.equals(nullable.getLeft(), nullable.getRight())) {
      boolean nowNullable = Boolean.TRUE.equals(nullable.getRight());
      findings.add(
          breakOrNote(
                  nowNullable,
                  "may be null in the server's definition; ours says it never is",
                  "never null in the server's definition (ours allows null)")
              .at(path, null)
              .in(where));
    }
    ChangedRequired required = c.getRequired();
    if (required != null) {
      for (String name : required.getMissing()) {
        findings.add(
            Finding.of(
                    Finding.Severity.BREAK,
                    "required by our document, optional in"
                        + " the server's: the server may leave it out")
                .at(JsonPaths.property(path, name), null)
                .in(where));
      }
      for (String name : required.getIncreased()) {
        findings.add(
            Finding.of(
                    Finding.Severity.NOTE,
                    "required by the server's definition"
                        + " (ours: optional): compatible, the client gets it always")
                .at(JsonPaths.property(path, name), null)
                .in(where));
      }
    }
    enumValues(old, now, path, where);
    c.getMissingProperties()
        .keySet()
        .forEach(
            name ->
                findings.add(
                    Finding.of(Finding.Severity.BREAK, "removed from the server's definition")
                        .at(JsonPaths.property(path, name), null)
                        .in(where)));
    c.getIncreasedProperties()
        .keySet()
        .forEach(
            name ->
                findings.add(
                    Finding.of(
                            Finding.Severity.ADDITION, "a property our document does not declare")
                        .at(JsonPaths.property(path, name), null)
                        .in(where)));
    List<String> constraints = new ArrayList<>();
    if (c.getMaxLength() != null && c.getMaxLength().isChanged().isDifferent()) {
      constraints.add("maxLength");
    }
    if (c.getNumericRange() != null && c.getNumericRange().isChanged().isDifferent()) {
      constraints.add("minimum/maximum");
    }
    if (c.getMaxItems() != null && c.getMaxItems().isChanged().isDifferent()) {
      constraints.add("maxItems");
    }
    if (c.getPattern() != null && c.getPattern().isChanged().isDifferent()) {
      constraints.add("pattern");
    }
    if (!constraints.isEmpty()) {
      findings.add(
          Finding.of(
                  Finding.Severity.NOTE,
                  "other constraints differ: " + String.join(", ", constraints))
              .at(path, null)
              .in(where));
    }
    c.getChangedProperties()
        .forEach(
            (name, property) -> schema(property, JsonPaths.property(path, name), where, depth + 1));
    if (c.getItems() != null) {
      schema(c.getItems(), path + "[*]", where, depth + 1);
    }
  }

  /** Known values compared, whether each side lists them in enum or x-extensible-enum. */
  private void enumValues(
      @Nullable Schema<?> old, @Nullable Schema<?> now, String path, String where) {
    List<String> ours = SchemaWalk.knownValues(old);
    List<String> theirs = SchemaWalk.knownValues(now);
    if (ours.isEmpty() && theirs.isEmpty()) {
      return;
    }
    List<String> removed = ours.stream().filter(v -> !containsIgnoringCase(theirs, v)).toList();
    List<String> added = theirs.stream().filter(v -> !containsIgnoringCase(ours, v)).toList();
    if (!removed.isEmpty() && !theirs.isEmpty()) {
      findings.add(
          Finding.of(
                  Finding.Severity.BREAK,
                  "values our document lists are gone from the server's definition")
              .at(path, null)
              .in(where)
              .actual(String.join(", ", removed)));
    }
    if (!added.isEmpty()) {
      findings.add(
          Finding.of(Finding.Severity.ADDITION, "values our document does not list")
              .at(path, null)
              .in(where)
              .actual(String.join(", ", added)));
    }
  }

  private static boolean containsIgnoringCase(List<String> values, String value) {
    return values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
  }

  private static String types(ChangedSchema c) {
    return "ours "
        + SchemaWalk.describeType(c.getOldSchema())
        + ", the server's "
        + SchemaWalk.describeType(c.getNewSchema());
  }

  private static String range(Schema<?> s) {
    return (s.getMinimum() == null ? "" : s.getMinimum().toPlainString())
        + ".."
        + (s.getMaximum() == null ? "" : s.getMaximum().toPlainString());
  }

  /** A break when {@code breaks}, else a note, each with its own message. */
  private static Finding breakOrNote(boolean breaks, String ifBreak, String ifNote) {
    return Finding.of(
        breaks ? Finding.Severity.BREAK : Finding.Severity.NOTE, breaks ? ifBreak : ifNote);
  }

  private static String where(Parameter p) {
    return "parameter " + p.getName() + " (in " + p.getIn() + ")";
  }
}
