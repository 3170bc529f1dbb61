"""Round trip and requests with OpenAPI Generator's stock python client (pydantic 2).

Same contract as the JVM programs (see Cases.java). Round trip: one line per corpus body in the
cases file, "schema TAB input TAB output", decoded with the generated from_json of each model
(pydantic validation) and written back with its to_json; a failure goes to output + ".error".
Requests ("request BASE_URL OUT"): the filter, sort and select built from the generated models,
serialized with json.dumps of their to_dict(), sent with the generated API; one line per call.
"""
import json
import sys
import traceback
from pathlib import Path

from vspc_licensing.api.licensing_api import LicensingApi
from vspc_licensing.api_client import ApiClient
from vspc_licensing.configuration import Configuration
from vspc_licensing.models.async_action_response import AsyncActionResponse
from vspc_licensing.models.backup_server_license_collection import BackupServerLicenseCollection
from vspc_licensing.models.error_response import ErrorResponse
from vspc_licensing.models.filter_expression import FilterExpression
from vspc_licensing.models.filter_operation import FilterOperation
from vspc_licensing.models.select_expression import SelectExpression
from vspc_licensing.models.sort_direction import SortDirection
from vspc_licensing.models.sort_expression import SortExpression

MODELS = {
    "BackupServerLicenseCollection": BackupServerLicenseCollection,
    "ErrorResponse": ErrorResponse,
    "AsyncActionResponse": AsyncActionResponse,
}

COMPANY = "B\u00e4ckerei & S\u00f6hne+Co #1"


def round_trip(cases):
    for line in Path(cases).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        schema, source, target = line.split("\t")
        try:
            model = MODELS[schema].from_json(Path(source).read_text(encoding="utf-8"))
            Path(target).write_text(model.to_json(), encoding="utf-8")
        except Exception:
            Path(target + ".error").write_text(traceback.format_exc(), encoding="utf-8")


def as_json(models):
    return json.dumps([m.to_dict() for m in models])


def requests(base_url, out):
    api = LicensingApi(ApiClient(Configuration(host=base_url)))
    filter_ = [
        FilterExpression(var_property="status", operation=FilterOperation.EQUALS,
                         collation="ignorecase", value="Expired"),
        FilterExpression(operation=FilterOperation.OR, items=[
            FilterExpression(var_property="expirationDate", operation=FilterOperation.LESSTHAN,
                             value="2027-01-01T00:00:00.0000000+00:00"),
            FilterExpression(var_property="company", operation=FilterOperation.CONTAINS,
                             collation="ignorecase", value=COMPANY),
            FilterExpression(var_property="packages", operation=FilterOperation.IN,
                             value=["Backup", "ONE"]),
        ]),
    ]
    sort = [
        SortExpression(var_property="expirationDate", direction=SortDirection.DESCENDING),
        SortExpression(var_property="company", direction=SortDirection.ASCENDING,
                       collation="ignorecase"),
    ]
    select = [SelectExpression(property_path="company"), SelectExpression(property_path="expirationDate"),
              SelectExpression(property_path="autoUpdateEnabled")]
    calls = [
        ("filtered", lambda: len(api.get_backup_servers_licenses(
            limit=2, offset=0, filter=as_json(filter_), sort=as_json(sort), select=as_json(select)).data)),
        ("selectedWithoutRequired", lambda: len(api.get_backup_servers_licenses(select=as_json(select[:2])).data)),
    ]
    lines = []
    for name, call in calls:
        try:
            lines.append(f"{name}\tok\t{call()}")
        except Exception as e:  # noqa: BLE001 - every failure is a result here
            message = str(e).splitlines()[0] if str(e) else ""
            lines.append(f"{name}\terror\t{type(e).__name__}: {message}")
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")


if sys.argv[1] == "request":
    requests(sys.argv[2], sys.argv[3])
else:
    round_trip(sys.argv[1])
