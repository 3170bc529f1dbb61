package dev.licensewatch.vspc.matrix.programs;

import com.example.vspc.okhttpgson.ApiClient;
import com.example.vspc.okhttpgson.JSON;
import com.example.vspc.okhttpgson.api.LicensingApi;
import com.example.vspc.okhttpgson.model.AsyncActionResponse;
import com.example.vspc.okhttpgson.model.BackupServerLicenseCollection;
import com.example.vspc.okhttpgson.model.ErrorResponse;
import com.example.vspc.okhttpgson.model.FilterExpression;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Round trip and requests with OpenAPI Generator's stock java/okhttp-gson client: the generated
 * {@code fromJson} (which validates the body against the model), the generated Gson and API. Gson
 * leaves nulls out when writing unless asked: the recipe says so, and the round trip asks.
 */
public final class JavaOkhttpGsonRoundTrip {
  private JavaOkhttpGsonRoundTrip() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("request")) {
      requests(args[1], Path.of(args[2]));
      return;
    }
    JSON.setGson(JSON.getGson().newBuilder().serializeNulls().create());
    Cases.run(
        Path.of(args[0]),
        (schema, json) ->
            switch (schema) {
              case "BackupServerLicenseCollection" ->
                  BackupServerLicenseCollection.fromJson(json).toJson();
              case "ErrorResponse" -> ErrorResponse.fromJson(json).toJson();
              case "AsyncActionResponse" -> AsyncActionResponse.fromJson(json).toJson();
              default -> throw Cases.unknownSchema(schema);
            });
  }

  private static void requests(String baseUrl, Path out) throws Exception {
    LicensingApi api = new LicensingApi(new ApiClient().setBasePath(baseUrl));
    Cases.Query query = Cases.query(FilterExpression.class.getPackageName());
    List<Object> filter = query.filter();
    List<Object> sort = query.sort();
    List<Object> select = query.select();
    Map<String, Callable<Integer>> calls = new LinkedHashMap<>();
    calls.put(
        "filtered",
        () ->
            api.getBackupServersLicenses(
                    2,
                    0,
                    JSON.serialize(filter),
                    JSON.serialize(sort),
                    JSON.serialize(select),
                    null,
                    null)
                .getData()
                .size());
    calls.put(
        "selectedWithoutRequired",
        () ->
            api.getBackupServersLicenses(
                    null, null, null, null, JSON.serialize(select.subList(0, 2)), null, null)
                .getData()
                .size());
    Cases.requests(out, calls);
  }
}
