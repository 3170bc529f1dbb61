// Round trip and requests with OpenAPI Generator's stock typescript-fetch client. Same contract
// as the JVM programs (see Cases.java). Round trip: one line per corpus body in the cases file,
// "schema TAB input TAB output", decoded with the generated FromJSON and written back with
// ToJSON; a failure goes to output + ".error". Requests ("request BASE_URL OUT"): the filter,
// sort and select built from the generated models, serialized with their ToJSON functions and
// sent with the generated API (which answers null for a 202, whose body is empty); one line
// per call in OUT. Node's own modules are declared here, so no @types package is needed; fetch
// is Node's own (Node 18+).
import {
  AsyncActionResponseFromJSON,
  AsyncActionResponseToJSON,
  BackupServerLicenseCollectionFromJSON,
  BackupServerLicenseCollectionToJSON,
  ErrorResponseFromJSON,
  ErrorResponseToJSON,
  FilterExpression,
  FilterExpressionToJSON,
  FilterOperation,
  SelectExpression,
  SelectExpressionToJSON,
  SortDirection,
  SortExpression,
  SortExpressionToJSON,
} from './generated/models/index';
import { LicensingApi } from './generated/apis/index';
import { Configuration } from './generated/runtime';

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
  AsyncActionResponse: (json) => AsyncActionResponseToJSON(AsyncActionResponseFromJSON(json)),
};

function roundTrip(casesFile: string): void {
  for (const line of fs.readFileSync(casesFile, 'utf8').split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    const [schema, input, output] = line.split('\t');
    try {
      const convert = roundTrips[schema];
      if (convert === undefined) {
        throw new Error(`no round trip for schema ${schema}`);
      }
      fs.writeFileSync(output, JSON.stringify(convert(JSON.parse(fs.readFileSync(input, 'utf8')))), 'utf8');
    } catch (e) {
      fs.writeFileSync(output + '.error', String(e instanceof Error ? e.stack : e), 'utf8');
    }
  }
}

const COMPANY = 'B\u00e4ckerei & S\u00f6hne+Co #1';

async function requests(baseUrl: string, out: string): Promise<void> {
  const api = new LicensingApi(new Configuration({ basePath: baseUrl }));
  const filter: FilterExpression[] = [
    { property: 'status', operation: FilterOperation.Equals, collation: 'ignorecase', value: 'Expired' },
    {
      operation: FilterOperation.Or,
      items: [
        { property: 'expirationDate', operation: FilterOperation.LessThan, value: '2027-01-01T00:00:00.0000000+00:00' },
        { property: 'company', operation: FilterOperation.Contains, collation: 'ignorecase', value: COMPANY },
        { property: 'packages', operation: FilterOperation.In, value: ['Backup', 'ONE'] },
      ],
    },
  ];
  const sort: SortExpression[] = [
    { property: 'expirationDate', direction: SortDirection.Descending },
    { property: 'company', direction: SortDirection.Ascending, collation: 'ignorecase' },
  ];
  const select: SelectExpression[] = [
    { propertyPath: 'company' }, { propertyPath: 'expirationDate' }, { propertyPath: 'autoUpdateEnabled' },
  ];
  const calls: Array<[string, () => Promise<number>]> = [
    ['filtered', async () => (await api.getBackupServersLicenses({
      limit: 2,
      offset: 0,
      filter: JSON.stringify(filter.map(FilterExpressionToJSON)),
      sort: JSON.stringify(sort.map(SortExpressionToJSON)),
      select: JSON.stringify(select.map(SelectExpressionToJSON)),
    }))?.data.length ?? -1],
    ['selectedWithoutRequired', async () => (await api.getBackupServersLicenses({
      select: JSON.stringify(select.slice(0, 2).map(SelectExpressionToJSON)),
    }))?.data.length ?? -1],
  ];
  let lines = '';
  for (const [name, call] of calls) {
    try {
      lines += `${name}\tok\t${await call()}\n`;
    } catch (e) {
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      lines += `${name}\terror\t${message.split('\n')[0]}\n`;
    }
  }
  fs.writeFileSync(out, lines, 'utf8');
}

if (process.argv[2] === 'request') {
  requests(process.argv[3], process.argv[4]).catch((e) => {
    fs.writeFileSync(process.argv[4], `program\terror\t${String(e)}\n`, 'utf8');
  });
} else {
  roundTrip(process.argv[2]);
}
