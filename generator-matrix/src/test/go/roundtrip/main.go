// Round trip with OpenAPI Generator's stock go client: encoding/json with the generated models'
// UnmarshalJSON and MarshalJSON. Same contract as the JVM programs (see Cases.java): one line
// per corpus body in the cases file, "schema TAB input TAB output"; a failure goes to
// output + ".error". Copied into the generated module as cmd/roundtrip and built there.
package main

import (
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
	}
	return nil, fmt.Errorf("no round trip for schema %s", schema)
}

func main() {
	cases, err := os.ReadFile(os.Args[1])
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
