package dev.licensewatch.vspc.matrix.programs;

import com.example.vspc.okhttpgson.ApiClient;
import com.example.vspc.okhttpgson.JSON;
import com.example.vspc.okhttpgson.api.LicensingApi;
import com.example.vspc.okhttpgson.model.AsyncActionResponse;
import com.example.vspc.okhttpgson.model.BackupServerLicenseCollection;
import com.example.vspc.okhttpgson.model.ErrorResponse;
import com.example.vspc.okhttpgson.model.FilterExpression;
import java.nio.file.Path;

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
    Cases.requests(
        out,
        FilterExpression.class.getPackageName(),
        JSON::serialize,
        (limit, offset, filter, sort, select) ->
            api.getBackupServersLicenses(limit, offset, filter, sort, select, null, null)
                .getData()
                .size());
  }
}
