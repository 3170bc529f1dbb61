package dev.licensewatch.vspc.matrix.programs;

import com.example.vspc.okhttpgson.JSON;
import com.example.vspc.okhttpgson.model.BackupServerLicenseCollection;
import com.example.vspc.okhttpgson.model.ErrorResponse;
import java.nio.file.Path;

/**
 * Round trip with OpenAPI Generator's stock java/okhttp-gson client: the generated
 * {@code fromJson} (which validates the body against the model) and the generated Gson.
 * Gson leaves nulls out when writing unless asked: the recipe says so, and we ask.
 */
public final class JavaOkhttpGsonRoundTrip {
  private JavaOkhttpGsonRoundTrip() {}

  public static void main(String[] args) throws Exception {
    JSON.setGson(JSON.getGson().newBuilder().serializeNulls().create());
    Cases.run(Path.of(args[0]), (schema, json) -> switch (schema) {
      case "BackupServerLicenseCollection" -> BackupServerLicenseCollection.fromJson(json).toJson();
      case "ErrorResponse" -> ErrorResponse.fromJson(json).toJson();
      default -> throw Cases.unknownSchema(schema);
    });
  }
}
