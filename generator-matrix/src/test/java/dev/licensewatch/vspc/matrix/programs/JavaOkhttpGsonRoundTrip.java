package dev.licensewatch.vspc.matrix.programs;

import com.example.vspc.okhttpgson.ApiClient;
import com.example.vspc.okhttpgson.JSON;
import com.example.vspc.okhttpgson.api.LicensingApi;
import com.example.vspc.okhttpgson.model.AsyncActionResponse;
import com.example.vspc.okhttpgson.model.BackupServerLicenseCollection;
import com.example.vspc.okhttpgson.model.ErrorResponse;
import com.example.vspc.okhttpgson.model.FilterExpression;
import com.example.vspc.okhttpgson.model.FilterOperation;
import com.example.vspc.okhttpgson.model.SelectExpression;
import com.example.vspc.okhttpgson.model.SortDirection;
import com.example.vspc.okhttpgson.model.SortExpression;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Round trip and requests with OpenAPI Generator's stock java/okhttp-gson client: the generated
 * {@code fromJson} (which validates the body against the model), the generated Gson and API.
 * Gson leaves nulls out when writing unless asked: the recipe says so, and the round trip asks.
 */
public final class JavaOkhttpGsonRoundTrip {
  private JavaOkhttpGsonRoundTrip() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("request")) {
      requests(args[1], Path.of(args[2]));
      return;
    }
    JSON.setGson(JSON.getGson().newBuilder().serializeNulls().create());
    Cases.run(Path.of(args[0]), (schema, json) -> switch (schema) {
      case "BackupServerLicenseCollection" -> BackupServerLicenseCollection.fromJson(json).toJson();
      case "ErrorResponse" -> ErrorResponse.fromJson(json).toJson();
      case "AsyncActionResponse" -> AsyncActionResponse.fromJson(json).toJson();
      default -> throw Cases.unknownSchema(schema);
    });
  }

  private static void requests(String baseUrl, Path out) throws Exception {
    LicensingApi api = new LicensingApi(new ApiClient().setBasePath(baseUrl));
    List<FilterExpression> filter = List.of(
        new FilterExpression().property("status").operation(FilterOperation.EQUALS)
            .collation("ignorecase").value("Expired"),
        new FilterExpression().operation(FilterOperation.OR).items(List.of(
            new FilterExpression().property("expirationDate").operation(FilterOperation.LESS_THAN)
                .value("2027-01-01T00:00:00.0000000+00:00"),
            new FilterExpression().property("company").operation(FilterOperation.CONTAINS)
                .collation("ignorecase").value(Cases.COMPANY),
            new FilterExpression().property("packages").operation(FilterOperation.IN)
                .value(List.of("Backup", "ONE")))));
    List<SortExpression> sort = List.of(
        new SortExpression().property("expirationDate").direction(SortDirection.DESCENDING),
        new SortExpression().property("company").direction(SortDirection.ASCENDING)
            .collation("ignorecase"));
    List<SelectExpression> select = List.of(new SelectExpression().propertyPath("company"),
        new SelectExpression().propertyPath("expirationDate"),
        new SelectExpression().propertyPath("autoUpdateEnabled"));
    Map<String, Callable<Integer>> calls = new LinkedHashMap<>();
    calls.put("filtered", () -> api.getBackupServersLicenses(2, 0, JSON.serialize(filter),
        JSON.serialize(sort), JSON.serialize(select), null, null).getData().size());
    calls.put("selectedWithoutRequired", () -> api.getBackupServersLicenses(null, null, null, null,
        JSON.serialize(select.subList(0, 2)), null, null).getData().size());
    Cases.requests(out, calls);
  }
}
