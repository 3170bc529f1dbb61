package dev.licensewatch.vspc.verifier;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI document the build ships ({@value #RESOURCE}, from the api-spec artifact): the
 * operation's path, its paging limits, and a response validator. Enum membership, undeclared
 * properties and date-times are left to {@link SchemaWalk}, which tells additions from breaks.
 */
final class Document {
  static final String RESOURCE = "openapi/vspc-licensing-v3.yaml";
  static final String OPERATION_ID = "GetBackupServersLicenses";

  private static final String BODY = "validation.response.body";
  private static final ValidationReport.Level IGNORE = ValidationReport.Level.IGNORE;

  final String text;
  final OpenAPI api;
  final String path;
  final Operation operation;
  private final OpenApiInteractionValidator validator;

  private Document(String text) {
    this.text = text;
    this.api = parse(text, RESOURCE);
    Map.Entry<String, Operation> found = find(api, OPERATION_ID);
    if (found == null) {
      throw new IllegalStateException(RESOURCE + " has no operation " + OPERATION_ID);
    }
    this.path = found.getKey();
    this.operation = found.getValue();
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(text)
            .withLevelResolver(
                LevelResolver.create()
                    // New enum values and properties are additions, and date-times are checked to
                    // the
                    // document's stricter rule (an offset, at most 7 digits): SchemaWalk does all
                    // three.
                    .withLevel(BODY + ".schema.enum", IGNORE)
                    .withLevel(BODY + ".schema.additionalProperties", IGNORE)
                    .withLevel(BODY + ".schema.format.date-time", IGNORE)
                    .build())
            .build();
  }

  private static final class Holder {
    static final Document INSTANCE = new Document(readResource(RESOURCE));
  }

  /** The shipped document, parsed once. */
  static Document shipped() {
    return Holder.INSTANCE;
  }

  static String readResource(String resource) {
    try (InputStream in = Document.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a document (YAML or JSON, OpenAPI 3 or Swagger 2) with every reference inlined. */
  static OpenAPI parse(String text, String source) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result =
        new io.swagger.parser.OpenAPIParser().readContents(text, null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalArgumentException(
          source
              + " is not an OpenAPI document"
              + (result.getMessages() == null || result.getMessages().isEmpty()
                  ? ""
                  : ": " + String.join("; ", result.getMessages())));
    }
    return result.getOpenAPI();
  }

  /** The GET operation with this operationId, or null; keyed by its path. */
  static Map.@Nullable Entry<String, Operation> find(OpenAPI api, String operationId) {
    if (api.getPaths() == null) {
      return null;
    }
    for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
      Operation get = entry.getValue().getGet();
      if (get != null && operationId.equals(get.getOperationId())) {
        return Map.entry(entry.getKey(), get);
      }
    }
    return null;
  }

  String version() {
    return api.getInfo() == null || api.getInfo().getVersion() == null
        ? "3"
        : api.getInfo().getVersion();
  }

  /** The largest {@code limit} the document allows. */
  int maxLimit() {
    Number max = limitSchema().getMaximum();
    return max == null ? 500 : max.intValue();
  }

  /** The {@code limit} a server applies when none is given. */
  int defaultLimit() {
    Object value = limitSchema().getDefault();
    return value instanceof Number n ? n.intValue() : 100;
  }

  private Schema<?> limitSchema() {
    for (Parameter p :
        Objects.requireNonNullElse(operation.getParameters(), java.util.List.<Parameter>of())) {
      if ("limit".equals(p.getName()) && "query".equals(p.getIn()) && p.getSchema() != null) {
        return p.getSchema();
      }
    }
    throw new IllegalStateException(RESOURCE + " declares no limit parameter");
  }

  /** The JSON schema of a response with this status (or the default response), or null. */
  @Nullable Schema<?> responseSchema(int status) {
    if (operation.getResponses() == null) {
      return null;
    }
    ApiResponse response = operation.getResponses().get(Integer.toString(status));
    if (response == null) {
      response = operation.getResponses().get("default");
    }
    if (response == null || response.getContent() == null) {
      return null;
    }
    MediaType json = response.getContent().get("application/json");
    return json == null ? null : json.getSchema();
  }

  /** The validator's report on a response, with the checks SchemaWalk makes left out. */
  ValidationReport validate(Exchange exchange) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    exchange
        .headers()
        .names()
        .forEach(name -> response.withHeader(name, exchange.headers().values(name)));
    if (exchange.body().length > 0) {
      response.withBody(exchange.text());
    }
    return validator.validateResponse(path, Request.Method.GET, response.build());
  }
}
