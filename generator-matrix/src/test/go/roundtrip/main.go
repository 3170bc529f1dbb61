// Round trip and requests with OpenAPI Generator's stock go client. Same contract as the JVM
// programs (see Cases.java). Round trip: one line per corpus body in the cases file,
// "schema TAB input TAB output", decoded with encoding/json and the generated models'
// UnmarshalJSON, written back with their MarshalJSON; a failure goes to output + ".error".
// Requests ("request BASE_URL OUT"): the filter, sort and select built from the generated models,
// serialized with encoding/json and sent with the generated API; one line per call in OUT.
// Copied into the generated module as cmd/roundtrip and built there.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	vspc "github.com/example/vspc-go"
)

func roundTrip(schema string, data []byte) ([]byte, error) {
	switch schema {
	case "BackupServerLicenseCollection":
		var page vspc.BackupServerLicenseCollection
		if err := json.Unmarshal(data, &page); err != nil {
			return nil, err
		}
		return json.Marshal(page)
	case "ErrorResponse":
		var errors vspc.ErrorResponse
		if err := json.Unmarshal(data, &errors); err != nil {
			return nil, err
		}
		return json.Marshal(errors)
	case "AsyncActionResponse":
		var action vspc.AsyncActionResponse
		if err := json.Unmarshal(data, &action); err != nil {
			return nil, err
		}
		return json.Marshal(action)
	}
	return nil, fmt.Errorf("no round trip for schema %s", schema)
}

func roundTrips(casesFile string) {
	cases, err := os.ReadFile(casesFile)
	if err != nil {
		panic(err)
	}
	for _, line := range strings.Split(string(cases), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		data, err := os.ReadFile(fields[1])
		var out []byte
		if err == nil {
			out, err = roundTrip(fields[0], data)
		}
		if err != nil {
			if werr := os.WriteFile(fields[2]+".error", []byte(err.Error()), 0o644); werr != nil {
				panic(werr)
			}
			continue
		}
		if err := os.WriteFile(fields[2], out, 0o644); err != nil {
			panic(err)
		}
	}
}

const company = "B\u00e4ckerei & S\u00f6hne+Co #1"

func asJSON(v interface{}) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}

func requests(baseURL string, out string) {
	cfg := vspc.NewConfiguration()
	cfg.Servers = vspc.ServerConfigurations{{URL: baseURL}}
	api := vspc.NewAPIClient(cfg).LicensingAPI
	filter := []vspc.FilterExpression{
		{Property: vspc.PtrString("status"), Operation: vspc.EQUALS, Collation: vspc.PtrString("ignorecase"), Value: "Expired"},
		{Operation: vspc.OR, Items: []vspc.FilterExpression{
			{Property: vspc.PtrString("expirationDate"), Operation: vspc.LESS_THAN, Value: "2027-01-01T00:00:00.0000000+00:00"},
			{Property: vspc.PtrString("company"), Operation: vspc.CONTAINS, Collation: vspc.PtrString("ignorecase"), Value: company},
			{Property: vspc.PtrString("packages"), Operation: vspc.IN, Value: []string{"Backup", "ONE"}},
		}},
	}
	sort := []vspc.SortExpression{
		{Property: "expirationDate", Direction: vspc.DESCENDING},
		{Property: "company", Direction: vspc.ASCENDING, Collation: vspc.PtrString("ignorecase")},
	}
	selected := []vspc.SelectExpression{{PropertyPath: "company"}, {PropertyPath: "expirationDate"}, {PropertyPath: "autoUpdateEnabled"}}
	type call struct {
		name string
		run  func() (*vspc.BackupServerLicenseCollection, error)
	}
	calls := []call{
		{"filtered", func() (*vspc.BackupServerLicenseCollection, error) {
			page, _, err := api.GetBackupServersLicenses(context.Background()).Limit(2).Offset(0).
				Filter(asJSON(filter)).Sort(asJSON(sort)).Select_(asJSON(selected)).Execute()
			return page, err
		}},
		{"selectedWithoutRequired", func() (*vspc.BackupServerLicenseCollection, error) {
			page, _, err := api.GetBackupServersLicenses(context.Background()).Select_(asJSON(selected[:2])).Execute()
			return page, err
		}},
	}
	var lines strings.Builder
	for _, c := range calls {
		page, err := c.run()
		if err != nil {
			lines.WriteString(fmt.Sprintf("%s\terror\t%s\n", c.name, strings.SplitN(err.Error(), "\n", 2)[0]))
		} else {
			lines.WriteString(fmt.Sprintf("%s\tok\t%d\n", c.name, len(page.Data)))
		}
	}
	if err := os.WriteFile(out, []byte(lines.String()), 0o644); err != nil {
		panic(err)
	}
}

func main() {
	if os.Args[1] == "request" {
		requests(os.Args[2], os.Args[3])
		return
	}
	roundTrips(os.Args[1])
}
