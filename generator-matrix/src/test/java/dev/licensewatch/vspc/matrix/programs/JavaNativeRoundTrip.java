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
    Cases.requests(
        out,
        FilterExpression.class.getPackageName(),
        mapper::writeValueAsString,
        (limit, offset, filter, sort, select) ->
            api.getBackupServersLicenses(limit, offset, filter, sort, select, null, null)
                .getData()
                .size());
  }
}
