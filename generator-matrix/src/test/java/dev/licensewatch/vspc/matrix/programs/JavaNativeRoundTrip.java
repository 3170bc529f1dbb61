package dev.licensewatch.vspc.matrix.programs;

import com.example.vspc.nativeclient.ApiClient;
import com.example.vspc.nativeclient.JSON;
import com.example.vspc.nativeclient.api.LicensingApi;
import com.example.vspc.nativeclient.model.AsyncActionResponse;
import com.example.vspc.nativeclient.model.BackupServerLicenseCollection;
import com.example.vspc.nativeclient.model.ErrorResponse;
import com.example.vspc.nativeclient.model.FilterExpression;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Round trip and requests with OpenAPI Generator's stock java/native client: its Jackson
 * ObjectMapper and API.
 */
public final class JavaNativeRoundTrip {
  private JavaNativeRoundTrip() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = JSON.getDefault().getMapper();
    if (args[0].equals("request")) {
      requests(mapper, args[1], Path.of(args[2]));
      return;
    }
    Cases.run(
        Path.of(args[0]),
        (schema, json) ->
            switch (schema) {
              case "BackupServerLicenseCollection" ->
                  mapper.writeValueAsString(
                      mapper.readValue(json, BackupServerLicenseCollection.class));
              case "ErrorResponse" ->
                  mapper.writeValueAsString(mapper.readValue(json, ErrorResponse.class));
              case "AsyncActionResponse" ->
                  mapper.writeValueAsString(mapper.readValue(json, AsyncActionResponse.class));
              default -> throw Cases.unknownSchema(schema);
            });
  }

  private static void requests(ObjectMapper mapper, String baseUrl, Path out) throws Exception {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUrl);
    LicensingApi api = new LicensingApi(client);
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
                    mapper.writeValueAsString(filter),
                    mapper.writeValueAsString(sort),
                    mapper.writeValueAsString(select),
                    null,
                    null)
                .getData()
                .size());
    calls.put(
        "selectedWithoutRequired",
        () ->
            api.getBackupServersLicenses(
                    null,
                    null,
                    null,
                    null,
                    mapper.writeValueAsString(select.subList(0, 2)),
                    null,
                    null)
                .getData()
                .size());
    Cases.requests(out, calls);
  }
}
