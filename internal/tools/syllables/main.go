// Command syllables writes dict/syllables.txt, the syllables of
// Vietnamese in use, from the word list of the Hunspell dictionary for
// Vietnamese (Hồ Ngọc Đức's list, as hunspell-vi 2.2.0 of Ivan Garcia and
// Nguyễn Xuân Minh gives it, GPLv3; https://github.com/1ec5/hunspell-vi)
// as the dictionary-vi package exports it:
//
//	npm pack dictionary-vi@3.0.0 && tar xzf dictionary-vi-3.0.0.tgz
//	go run ./internal/tools/syllables -dic package/index.dic > dict/syllables.txt
//
// A syllable is written once, in small letters, in NFC with its tone
// where dict.Canon places it; the list's abbreviations and names
// (HĐND, Nguyễn) and anything that is not one Vietnamese syllable are
// left out.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/vanthu/vanthu/dict"
)

func main() {
	dic := flag.String("dic", "package/index.dic", "the dictionary-vi package's index.dic")
	flag.Parse()
	f, err := os.Open(*dic)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Scan() // the count of entries
	for sc.Scan() {
		w, _, _ := strings.Cut(strings.TrimSpace(sc.Text()), "/")
		w = dict.NFC(w)
		if w == "" || w != strings.ToLower(w) || !dict.IsSyllable(w) {
			continue
		}
		seen[dict.Canon(w)] = true
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "# The syllables of Vietnamese in use, from Hồ Ngọc Đức's word list as the")
	fmt.Fprintln(out, "# Hunspell dictionary for Vietnamese gives it (hunspell-vi 2.2.0, GPLv3;")
	fmt.Fprintln(out, "# dictionary-vi 3.0.0). Written by go run ./internal/tools/syllables; do not edit.")
	for _, s := range slices.Sorted(maps.Keys(seen)) {
		fmt.Fprintln(out, s)
	}
	if err := out.Flush(); err != nil {
		log.Fatal(err)
	}
}
