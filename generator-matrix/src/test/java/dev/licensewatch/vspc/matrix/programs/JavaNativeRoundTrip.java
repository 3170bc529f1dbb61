package dev.licensewatch.vspc.matrix.programs;

import com.example.vspc.nativeclient.JSON;
import com.example.vspc.nativeclient.model.BackupServerLicenseCollection;
import com.example.vspc.nativeclient.model.ErrorResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/** Round trip with OpenAPI Generator's stock java/native client: its Jackson ObjectMapper. */
public final class JavaNativeRoundTrip {
  private JavaNativeRoundTrip() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = JSON.getDefault().getMapper();
    Cases.run(Path.of(args[0]), (schema, json) -> switch (schema) {
      case "BackupServerLicenseCollection" ->
          mapper.writeValueAsString(mapper.readValue(json, BackupServerLicenseCollection.class));
      case "ErrorResponse" -> mapper.writeValueAsString(mapper.readValue(json, ErrorResponse.class));
      default -> throw Cases.unknownSchema(schema);
    });
  }
}
