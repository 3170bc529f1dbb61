"""Round trip with OpenAPI Generator's stock python client (pydantic 2).

The generated from_json of each model (pydantic validation) and its to_json. Same contract as
the JVM programs (see Cases.java): one line per corpus body in the cases file,
"schema TAB input TAB output"; a failure goes to output + ".error".
"""
import sys
import traceback
from pathlib import Path

from vspc_licensing.models.backup_server_license_collection import BackupServerLicenseCollection
from vspc_licensing.models.error_response import ErrorResponse

MODELS = {
    "BackupServerLicenseCollection": BackupServerLicenseCollection,
    "ErrorResponse": ErrorResponse,
}

for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    schema, source, target = line.split("\t")
    try:
        model = MODELS[schema].from_json(Path(source).read_text(encoding="utf-8"))
        Path(target).write_text(model.to_json(), encoding="utf-8")
    except Exception:
        Path(target + ".error").write_text(traceback.format_exc(), encoding="utf-8")
