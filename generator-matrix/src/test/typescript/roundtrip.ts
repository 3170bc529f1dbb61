// Round trip with OpenAPI Generator's stock typescript-fetch client: the generated FromJSON and
// ToJSON functions of each model. Same contract as the JVM programs (see Cases.java): one line
// per corpus body in the cases file, "schema TAB input TAB output"; a failure goes to
// output + ".error". Node's own modules are declared here, so no @types package is needed.
import {
  BackupServerLicenseCollectionFromJSON,
  BackupServerLicenseCollectionToJSON,
  ErrorResponseFromJSON,
  ErrorResponseToJSON,
} from './generated/models/index';

declare function require(module: 'fs'): {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string, encoding: 'utf8'): void;
};
declare const process: { argv: string[] };

const fs = require('fs');

const roundTrips: Record<string, (json: unknown) => unknown> = {
  BackupServerLicenseCollection: (json) =>
    BackupServerLicenseCollectionToJSON(BackupServerLicenseCollectionFromJSON(json)),
  ErrorResponse: (json) => ErrorResponseToJSON(ErrorResponseFromJSON(json)),
};

for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (line.trim() === '') {
    continue;
  }
  const [schema, input, output] = line.split('\t');
  try {
    const roundTrip = roundTrips[schema];
    if (roundTrip === undefined) {
      throw new Error(`no round trip for schema ${schema}`);
    }
    fs.writeFileSync(output, JSON.stringify(roundTrip(JSON.parse(fs.readFileSync(input, 'utf8')))), 'utf8');
  } catch (e) {
    fs.writeFileSync(output + '.error', String(e instanceof Error ? e.stack : e), 'utf8');
  }
}
