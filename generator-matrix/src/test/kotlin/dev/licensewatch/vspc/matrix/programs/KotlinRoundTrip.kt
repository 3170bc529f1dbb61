package dev.licensewatch.vspc.matrix.programs

import com.example.vspc.kotlin.infrastructure.Serializer
import com.example.vspc.kotlin.models.BackupServerLicenseCollection
import com.example.vspc.kotlin.models.ErrorResponse
import java.nio.file.Path

/**
 * Round trip with OpenAPI Generator's stock kotlin (jvm-okhttp4, Moshi) client: the generated
 * Serializer's Moshi. Moshi leaves nulls out when writing unless asked: the recipe says so, and
 * we ask (serializeNulls).
 */
object KotlinRoundTrip {
    @JvmStatic
    fun main(args: Array<String>) {
        val collection = Serializer.moshi.adapter(BackupServerLicenseCollection::class.java).serializeNulls()
        val errors = Serializer.moshi.adapter(ErrorResponse::class.java).serializeNulls()
        Cases.run(Path.of(args[0])) { schema, json ->
            when (schema) {
                "BackupServerLicenseCollection" -> collection.toJson(collection.fromJson(json))
                "ErrorResponse" -> errors.toJson(errors.fromJson(json))
                else -> throw Cases.unknownSchema(schema)
            }
        }
    }
}
