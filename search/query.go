package search

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
)

// Request is one search.
type Request struct {
	Q               string // free text, "phrases", -excluded, field:value
	DocType         string
	Issuer          string
	Year            string
	Urgency         string
	Confidentiality string
	From, To        string // issued date range, YYYY-MM-DD, inclusive
	Sort            string // relevance (default), issued_date, -issued_date
	Page            int    // from 1
	Size            int
	// FacetSize is how many values of each facet to list (0: 50); a
	// shard asked by a coordinator lists them all (ShardRequest).
	FacetSize int
	// Shard: a shard asked by a coordinator answers with every hit of
	// pages 1 to Page, for the coordinator to merge (ShardRequest).
	Shard bool
	// Sight, if not nil, limits the search to the documents a user may
	// see, inside the query: totals, facets and snippets count nothing
	// else. Nil searches everything (the command line on the machine).
	Sight *access.Sight
}

// MaxSize bounds Request.Size; MaxFacetSize, Request.FacetSize;
// MaxWindow how deep pages go: page × size. Ranking ever deeper pages
// costs ever more (at a million documents, page 1,000 of 100 took 9 s
// and page 5,000 44 s and 10 GB), and no one reads that far: past the
// window, a search is narrowed by its filters and dates.
const (
	MaxSize      = 100
	MaxFacetSize = 100000
	MaxWindow    = 10000
)

// ParseRequest reads a Request from URL query values, checking every value.
// Errors are Invalid and say what is wrong.
func ParseRequest(v url.Values) (Request, error) {
	r := Request{
		Q: v.Get("q"), DocType: v.Get("doc_type"), Issuer: v.Get("issuer"), Year: v.Get("year"),
		Urgency: v.Get("urgency"), Confidentiality: v.Get("confidentiality"),
		From: v.Get("from"), To: v.Get("to"), Sort: v.Get("sort"), Page: 1, Size: 10,
	}
	var err error
	if s := v.Get("page"); s != "" {
		if r.Page, err = strconv.Atoi(s); err != nil || r.Page < 1 || r.Page > MaxWindow {
			return r, vanthu.Errorf("search", vanthu.Invalid, "page must be a whole number from 1 to %d, not %q", MaxWindow, s)
		}
	}
	if s := v.Get("facet_size"); s != "" {
		if r.FacetSize, err = strconv.Atoi(s); err != nil || r.FacetSize < 1 || r.FacetSize > MaxFacetSize {
			return r, vanthu.Errorf("search", vanthu.Invalid, "facet_size must be a whole number from 1 to %d, not %q", MaxFacetSize, s)
		}
	}
	if s := v.Get("shard"); s != "" {
		if r.Shard, err = strconv.ParseBool(s); err != nil {
			return r, vanthu.Errorf("search", vanthu.Invalid, "shard must be true or false, not %q", s)
		}
	}
	if s := v.Get("size"); s != "" {
		if r.Size, err = strconv.Atoi(s); err != nil || r.Size < 1 || r.Size > MaxSize {
			return r, vanthu.Errorf("search", vanthu.Invalid, "size must be a whole number from 1 to %d, not %q", MaxSize, s)
		}
	}
	return r, r.Check()
}

// Check validates a Request.
func (r *Request) Check() error {
	for _, d := range []struct{ name, v string }{{"from", r.From}, {"to", r.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return vanthu.Errorf("search", vanthu.Invalid, "%s must be a date YYYY-MM-DD, not %q", d.name, d.v)
		}
	}
	if r.From != "" && r.To != "" && r.From > r.To {
		return vanthu.Errorf("search", vanthu.Invalid, "from (%s) is after to (%s)", r.From, r.To)
	}
	if r.Year != "" {
		if y, err := strconv.Atoi(r.Year); err != nil || y < 1900 || y > 2200 {
			return vanthu.Errorf("search", vanthu.Invalid, "year must be a year such as 2024, not %q", r.Year)
		}
	}
	switch r.Sort {
	case "", "relevance", "issued_date", "-issued_date":
	default:
		return vanthu.Errorf("search", vanthu.Invalid, "sort must be relevance, issued_date or -issued_date, not %q", r.Sort)
	}
	if r.Page < 1 || r.Size < 1 || r.Size > MaxSize {
		return vanthu.Errorf("search", vanthu.Invalid, "page must be ≥ 1 and size from 1 to %d", MaxSize)
	}
	if r.Page > MaxWindow/r.Size {
		return vanthu.Errorf("search", vanthu.Invalid, "only the first %d results are paged through (page × size at most %d): narrow the search with filters or dates", MaxWindow, MaxWindow)
	}
	if r.FacetSize < 0 || r.FacetSize > MaxFacetSize {
		return vanthu.Errorf("search", vanthu.Invalid, "facet_size must be from 1 to %d", MaxFacetSize)
	}
	if _, err := parseQuery(r.Q); err != nil {
		return err
	}
	return nil
}

// Fields that may be named in field:value.
var queryFields = map[string]bool{
	"number": true, "doc_type": true, "issuer": true, "subject": true, "signer": true,
	"place": true, "year": true, "urgency": true, "confidentiality": true, "text": true,
	"cites": true,
}

// parsed is a query string taken apart.
type parsed struct {
	terms    []string    // free words
	phrases  []string    // "quoted phrases"
	excluded []string    // -word or -"phrase"
	fields   [][2]string // field:value
}

// parseQuery splits q into terms, "phrases", -exclusions and field:value.
func parseQuery(q string) (parsed, error) {
	var p parsed
	rs := []rune(q)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		neg := false
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			neg = true
			i++
		}
		if rs[i] == '"' {
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if j == len(rs) {
				return p, vanthu.Errorf("search", vanthu.Invalid, "a quotation mark is not closed in %q", q)
			}
			ph := strings.TrimSpace(string(rs[i+1 : j]))
			i = j + 1
			if ph == "" {
				continue
			}
			if neg {
				p.excluded = append(p.excluded, ph)
			} else {
				p.phrases = append(p.phrases, ph)
			}
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) {
			j++
		}
		word := string(rs[i:j])
		i = j
		if k := strings.IndexByte(word, ':'); k > 0 && queryFields[word[:k]] && !neg {
			val := word[k+1:]
			if strings.HasPrefix(val, `"`) {
				// field:"several words"
				rest := string(rs[i:])
				end := strings.IndexByte(rest, '"')
				if !strings.HasSuffix(val, `"`) || len(val) == 1 {
					if end < 0 {
						return p, vanthu.Errorf("search", vanthu.Invalid, "a quotation mark is not closed in %q", q)
					}
					val += rest[:end+1]
					i += len([]rune(rest[:end+1]))
				}
				val = strings.Trim(val, `"`)
			}
			if strings.TrimSpace(val) == "" {
				return p, vanthu.Errorf("search", vanthu.Invalid, "%s: needs a value", word[:k])
			}
			if _, number := asNumber(val); word[:k] == "cites" && !number {
				return p, vanthu.Errorf("search", vanthu.Invalid, "cites: needs a document's number (cites:45/QĐ-UBND), not %q", val)
			}
			p.fields = append(p.fields, [2]string{word[:k], val})
			continue
		}
		if neg {
			p.excluded = append(p.excluded, word)
		} else {
			p.terms = append(p.terms, word)
		}
	}
	return p, nil
}

// numberLike matches a query that is a document number: digits (with a
// letter after them, 15a), then letters, joined by / - or spaces
// (45/QĐ-UBND, 45 QD UBND, 28/2018/QĐ-TTg, the Party's 125-QĐ/TU), or
// within a code by & or a stop, as offices print them (45/BC-SNN&PTNT,
// 12/QĐ.UBND).
var numberLike = regexp.MustCompile(`^\s*\d{1,6}[a-zA-Z]?(\s*[/ ]\s*\d{4})?\s*[/ -]\s*[\pL][\pL\d]*([\s/&.-]+[\pL][\pL\d]*)*\s*$`)

func (p parsed) String() string {
	return fmt.Sprintf("terms=%q phrases=%q excluded=%q fields=%q", p.terms, p.phrases, p.excluded, p.fields)
}
