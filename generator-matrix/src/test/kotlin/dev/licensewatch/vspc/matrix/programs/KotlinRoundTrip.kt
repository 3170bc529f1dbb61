package dev.licensewatch.vspc.matrix.programs

import com.example.vspc.kotlin.apis.LicensingApi
import com.example.vspc.kotlin.infrastructure.Serializer
import com.example.vspc.kotlin.models.AsyncActionResponse
import com.example.vspc.kotlin.models.BackupServerLicenseCollection
import com.example.vspc.kotlin.models.ErrorResponse
import com.example.vspc.kotlin.models.FilterExpression
import com.example.vspc.kotlin.models.FilterOperation
import com.example.vspc.kotlin.models.SelectExpression
import com.example.vspc.kotlin.models.SortDirection
import com.example.vspc.kotlin.models.SortExpression
import com.squareup.moshi.Types
import java.nio.file.Path
import java.util.concurrent.Callable

/**
 * Round trip and requests with OpenAPI Generator's stock kotlin (jvm-okhttp4, Moshi) client: the
 * generated Serializer's Moshi and API. Moshi leaves nulls out when writing unless asked: the
 * recipe says so, and the round trip asks (serializeNulls).
 */
object KotlinRoundTrip {
    @JvmStatic
    fun main(args: Array<String>) {
        if (args[0] == "request") {
            requests(args[1], Path.of(args[2]))
            return
        }
        val collection = Serializer.moshi.adapter(BackupServerLicenseCollection::class.java).serializeNulls()
        val errors = Serializer.moshi.adapter(ErrorResponse::class.java).serializeNulls()
        val action = Serializer.moshi.adapter(AsyncActionResponse::class.java).serializeNulls()
        Cases.run(Path.of(args[0])) { schema, json ->
            when (schema) {
                "BackupServerLicenseCollection" -> collection.toJson(collection.fromJson(json))
                "ErrorResponse" -> errors.toJson(errors.fromJson(json))
                "AsyncActionResponse" -> action.toJson(action.fromJson(json))
                else -> throw Cases.unknownSchema(schema)
            }
        }
    }

    private inline fun <reified T> json(list: List<T>): String =
        Serializer.moshi.adapter<List<T>>(Types.newParameterizedType(List::class.java, T::class.java)).toJson(list)

    private fun requests(baseUrl: String, out: Path) {
        val api = LicensingApi(basePath = baseUrl)
        val filter = listOf(
            FilterExpression(`property` = "status", operation = FilterOperation.equals,
                collation = "ignorecase", `value` = "Expired"),
            FilterExpression(operation = FilterOperation.or, items = listOf(
                FilterExpression(`property` = "expirationDate", operation = FilterOperation.lessThan,
                    `value` = "2027-01-01T00:00:00.0000000+00:00"),
                FilterExpression(`property` = "company", operation = FilterOperation.contains,
                    collation = "ignorecase", `value` = Cases.COMPANY),
                FilterExpression(`property` = "packages", operation = FilterOperation.`in`,
                    `value` = listOf("Backup", "ONE")))))
        val sort = listOf(
            SortExpression(`property` = "expirationDate", direction = SortDirection.descending),
            SortExpression(`property` = "company", direction = SortDirection.ascending, collation = "ignorecase"))
        val select = listOf(SelectExpression(propertyPath = "company"),
            SelectExpression(propertyPath = "expirationDate"), SelectExpression(propertyPath = "autoUpdateEnabled"))
        val calls = linkedMapOf<String, Callable<Int>>(
            "filtered" to Callable {
                api.getBackupServersLicenses(limit = 2, offset = 0, filter = json(filter), sort = json(sort),
                    select = json(select)).`data`.size
            },
            "selectedWithoutRequired" to Callable {
                api.getBackupServersLicenses(limit = null, offset = null, select = json(select.subList(0, 2))).`data`.size
            })
        Cases.requests(out, calls)
    }
}
