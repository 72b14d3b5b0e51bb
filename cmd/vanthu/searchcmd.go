package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/search"
)

// searchCmd searches the local index, or a running server with --server.
func searchCmd(ctx context.Context, args []string) error {
	fs := newFlagSet("search", "QUERY")
	data := fs.String("data", "./var", "data folder")
	server := fs.String("server", "", "search a running vanthu server at this URL instead")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	size := fs.Int("size", 10, "hits to show")
	docType := fs.String("doc_type", "", "filter: loại văn bản")
	year := fs.String("year", "", "filter: year issued")
	if err := fs.Parse(args); err != nil {
		return err
	}
	v := url.Values{"q": {strings.Join(fs.Args(), " ")}, "size": {fmt.Sprint(*size)}}
	if *docType != "" {
		v.Set("doc_type", *docType)
	}
	if *year != "" {
		v.Set("year", *year)
	}
	var res search.Result
	if *server != "" {
		resp, err := http.Get(strings.TrimRight(*server, "/") + "/api/v1/search?" + v.Encode())
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("server: %s", body)
		}
		if err := json.Unmarshal(body, &res); err != nil {
			return err
		}
	} else {
		req, err := search.ParseRequest(v)
		if err != nil {
			return err
		}
		ix, err := index.Open(filepath.Join(*data, "index"))
		if err != nil {
			if errors.Is(err, index.ErrInUse) {
				return fmt.Errorf("%w: search through it with --server", index.ErrInUse)
			}
			return err
		}
		defer ix.Close()
		if res, err = (&search.Searcher{Index: ix}).Search(ctx, req); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	fmt.Printf("%d văn bản (%.1f ms)\n", res.Total, res.TookMS)
	for i, h := range res.Hits {
		md := h.Metadata
		fmt.Printf("\n%d. %s %s — %s, %s\n   %s\n   %s\n", i+1, md.DocType, md.Number, md.Issuer, md.IssuedDate, md.Subject, h.ID)
		for _, s := range h.Snippets {
			fmt.Printf("   tr. %d: %s\n", s.Page, terminalMarks(s.Text))
		}
	}
	return nil
}

var markRe = regexp.MustCompile(`</?mark>`)

// terminalMarks shows <mark> as bold on a terminal.
func terminalMarks(s string) string {
	s = markRe.ReplaceAllStringFunc(s, func(m string) string {
		if m == "<mark>" {
			return "\x1b[1m"
		}
		return "\x1b[0m"
	})
	return html.UnescapeString(s)
}
