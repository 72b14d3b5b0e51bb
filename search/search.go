package search

import (
	"context"
	"encoding/json"
	"html"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/index"
)

// Result is the answer to a Request.
type Result struct {
	Total  uint64                  `json:"total"`
	TookMS float64                 `json:"took_ms"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"`
}

// Hit is one matching document.
type Hit struct {
	ID         vanthu.Ref      `json:"id"`
	Score      float64         `json:"score"`
	FileName   string          `json:"file_name"`
	ReceivedAt time.Time       `json:"received_at"`
	PageCount  int             `json:"page_count"`
	Metadata   vanthu.Metadata `json:"metadata"`
	Snippets   []Snippet       `json:"snippets"`
	// NumberApprox: the query was a document number no document has, and
	// this one's number differs from it by one edit in the issuing code
	// (an OCR slip, VTLTNN read VTLUTNN): "số ký hiệu gần đúng".
	NumberApprox bool `json:"number_approx,omitempty"`
}

// Snippet is a passage of one page, HTML-escaped, with the matched terms in
// <mark>…</mark>.
type Snippet struct {
	Page int    `json:"page"`
	Text string `json:"text"`
}

// FacetCount is how many matching documents have one value of a facet.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets lists the facet fields, in the order the UI shows them.
var Facets = []string{index.FieldDocType, index.FieldIssuer, index.FieldYear, index.FieldUrgency, index.FieldSecrecy}

// Searcher searches one index.
type Searcher struct {
	Index *index.Index
}

// Search runs r.
func (s *Searcher) Search(ctx context.Context, r Request) (Result, error) {
	if err := r.Check(); err != nil {
		return Result{}, err
	}
	p, _ := parseQuery(r.Q)
	near, err := s.nearNumbers(p)
	if err != nil {
		return Result{}, err
	}
	q := buildQuery(p, r, near)
	req := bleve.NewSearchRequestOptions(q, r.Size, (r.Page-1)*r.Size, false)
	req.Fields = []string{index.FieldRecord, index.FieldText}
	req.IncludeLocations = true
	for _, f := range Facets {
		req.AddFacet(f, bleve.NewFacetRequest(f, 50))
	}
	// Ties break the same way every time: the newer document first.
	switch {
	case r.Sort == "issued_date":
		req.SortBy([]string{index.FieldIssuedDate, "-_score", "_id"})
	case r.Sort == "-issued_date", r.Sort == "" && p.empty():
		req.SortBy([]string{"-" + index.FieldIssuedDate, "-" + index.FieldReceivedAt, "_id"})
	default:
		req.SortBy([]string{"-_score", "-" + index.FieldIssuedDate, "_id"})
	}
	start := time.Now()
	res, err := s.Index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return Result{}, vanthu.E("search", vanthu.Transient, err)
	}
	out := Result{Total: res.Total, Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	for _, dm := range res.Hits {
		h := makeHit(dm)
		h.NumberApprox = near[dict.NumberKey(h.Metadata.Number)]
		out.Hits = append(out.Hits, h)
	}
	for _, f := range Facets {
		counts := []FacetCount{}
		if fr := res.Facets[f]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
			}
		}
		out.Facets[f] = counts
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

func (p parsed) empty() bool {
	return len(p.terms) == 0 && len(p.phrases) == 0 && len(p.fields) == 0
}

// numberPrefix is how people write before a number: "số", "so", "Số:",
// "số hiệu", "SH".
var numberPrefix = regexp.MustCompile(`(?i)^\s*(số\s*hiệu|so\s*hieu|số|so|sh)\s*[:.]?\s*`)

// asNumber returns the query's free text as a document number, without a
// leading "số", if it is one.
func asNumber(free string) (string, bool) {
	if numberLike.MatchString(free) {
		return free, true
	}
	if rest := numberPrefix.ReplaceAllString(norm.NFC.String(free), ""); rest != free && numberLike.MatchString(rest) {
		return rest, true
	}
	return "", false
}

// nearNumbers returns, for a query that is a document number no document
// has, the numbers in the index that have its numeral and type code and
// an issuing code one edit from its own: OCR's slips in a code it cannot
// check against a vocabulary.
func (s *Searcher) nearNumbers(p parsed) (map[string]bool, error) {
	number, ok := asNumber(strings.Join(p.terms, " "))
	if !ok {
		return nil, nil
	}
	key := dict.NumberKey(number)
	parts := strings.Fields(key)
	fixed := 0 // the numeral, a year, and the type code
	for fixed < len(parts) && strings.Trim(parts[fixed], "0123456789") == "" {
		fixed++
	}
	fixed++
	if fixed >= len(parts) {
		return nil, nil
	}
	prefix := strings.Join(parts[:fixed], " ") + " "
	code := strings.Join(parts[fixed:], " ")
	fd, err := s.Index.Bleve().FieldDictPrefix(index.FieldNumber, []byte(prefix))
	if err != nil {
		return nil, vanthu.E("search: numbers", vanthu.Transient, err)
	}
	defer fd.Close()
	near := map[string]bool{}
	for {
		e, err := fd.Next()
		if err != nil {
			return nil, vanthu.E("search: numbers", vanthu.Transient, err)
		}
		if e == nil {
			break
		}
		if e.Term == key {
			return nil, nil // the exact number is there
		}
		if editDistance(strings.TrimPrefix(e.Term, prefix), code) == 1 {
			near[e.Term] = true
		}
	}
	return near, nil
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// buildQuery turns a parsed query and filters into one Bleve query; near
// are numbers one edit from a number query that no document has.
func buildQuery(p parsed, r Request, near map[string]bool) query.Query {
	var must, mustNot, filters []query.Query

	if free := strings.Join(p.terms, " "); free != "" {
		if number, ok := asNumber(free); ok {
			// A document number: its own field first; else its parts side
			// by side in the text, compared by the number's search key (no
			// marks, no leading zeros), as when extraction missed it; then
			// the numbers one slip away.
			key := dict.NumberKey(number)
			num := bleve.NewTermQuery(key)
			num.SetField(index.FieldNumber)
			num.SetBoost(20)
			either := []query.Query{num, textQuery(key, index.FieldText, index.FieldTextFolded, true)}
			for _, t := range slices.Sorted(maps.Keys(near)) {
				q := bleve.NewTermQuery(t)
				q.SetField(index.FieldNumber)
				q.SetBoost(5)
				either = append(either, q)
			}
			must = append(must, bleve.NewDisjunctionQuery(either...))
		} else {
			must = append(must, freeText(free))
		}
	}
	for _, ph := range p.phrases {
		must = append(must, phraseQuery(ph, index.FieldText, index.FieldTextFolded))
	}
	for _, fv := range p.fields {
		must = append(must, fieldQuery(fv[0], fv[1]))
	}
	for _, ex := range p.excluded {
		mustNot = append(mustNot, phrase(ex, index.FieldTextFolded, 1))
	}
	facetFilters := []struct{ field, value string }{
		{index.FieldDocType, r.DocType}, {index.FieldIssuer, r.Issuer}, {index.FieldYear, r.Year},
		{index.FieldUrgency, r.Urgency}, {index.FieldSecrecy, r.Confidentiality},
	}
	for _, f := range facetFilters {
		if f.value == "" {
			continue
		}
		t := bleve.NewTermQuery(index.FacetKey(f.value))
		t.SetField(f.field)
		filters = append(filters, t)
	}
	if r.From != "" || r.To != "" {
		var from, to time.Time
		if r.From != "" {
			from, _ = time.Parse("2006-01-02", r.From)
		}
		if r.To != "" {
			to, _ = time.Parse("2006-01-02", r.To)
		}
		incl := true
		dr := bleve.NewDateRangeInclusiveQuery(from, to, &incl, &incl)
		dr.SetField(index.FieldIssuedDate)
		filters = append(filters, dr)
	}
	if r.Sight != nil && !(r.Sight.All && r.Sight.Secret) {
		filters = append(filters, sightQuery(*r.Sight))
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	// Filters select without changing scores.
	b := query.NewBooleanQuery(must, nil, mustNot)
	if len(filters) > 0 {
		b.AddFilter(query.NewConjunctionQuery(filters))
	}
	return b
}

// sightQuery matches the documents s sees (access.Sight.Sees, as a
// query): the agency's scope, or assigned to one of its units or users. A
// document indexed without its access fields matches none of these, so
// an index from before them shows nothing to a restricted viewer until it
// is rebuilt (vanthu reindex).
func sightQuery(s access.Sight) query.Query {
	term := func(field, v string) query.Query {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		return t
	}
	// What the viewer sees of the documents that are not secret.
	var open query.Query
	switch {
	case s.All:
		open = bleve.NewMatchAllQuery()
	default:
		var any []query.Query
		if s.Agency {
			any = append(any, term(index.FieldAccessScope, vanthu.ScopeAgency))
		}
		for _, u := range s.Units {
			any = append(any, term(index.FieldAccessUnits, u))
		}
		for _, u := range s.Users {
			any = append(any, term(index.FieldAccessUsers, u))
		}
		if len(any) == 0 {
			return bleve.NewMatchNoneQuery()
		}
		open = bleve.NewDisjunctionQuery(any...)
	}
	if s.Secret {
		return open
	}
	// Secret documents only where the viewer is named.
	notSecret := query.NewBooleanQuery([]query.Query{open}, nil, []query.Query{term(index.FieldAccessSecret, "secret")})
	var named []query.Query
	for _, u := range s.Users {
		named = append(named, term(index.FieldAccessUsers, u))
	}
	if len(named) == 0 {
		return notSecret
	}
	return bleve.NewDisjunctionQuery(notSecret, bleve.NewDisjunctionQuery(named...))
}

// freeText matches s in the page text, or in a metadata field a clerk may
// have corrected (subject, issuer, signer, place): the recognised text can
// hold an OCR error that the record no longer does.
func freeText(s string) query.Query {
	return bleve.NewDisjunctionQuery(
		textQuery(s, index.FieldText, index.FieldTextFolded, true),
		textQuery(s, index.FieldSubject, index.FieldSubjectF, true),
		textQuery(s, index.FieldIssuerText, index.FieldIssuerF, false),
		textQuery(s, index.FieldSigner, index.FieldSignerF, false),
		textQuery(s, index.FieldPlace, index.FieldPlaceF, false),
	)
}

// textQuery matches every syllable of s in folded form; if s has
// diacritics, the exact form scores higher; several syllables side by side
// score higher than scattered.
func textQuery(s, exact, folded string, proximity bool) query.Query {
	all := match(s, folded, 1)
	all.SetOperator(query.MatchQueryOperatorAnd)
	var should []query.Query
	if dict.HasMarks(s) {
		should = append(should, match(s, exact, 1.5))
	}
	if proximity && len(strings.Fields(s)) > 1 {
		should = append(should, phrase(s, folded, 2))
	}
	if len(should) == 0 {
		return all
	}
	return query.NewBooleanQuery([]query.Query{all}, should, nil)
}

// phraseQuery matches s as a phrase in folded form, with a boost for the
// exact form when s has diacritics.
func phraseQuery(s, exact, folded string) query.Query {
	f := phrase(s, folded, 1)
	if !dict.HasMarks(s) {
		return f
	}
	return query.NewBooleanQuery([]query.Query{f}, []query.Query{phrase(s, exact, 1.5)}, nil)
}

// match is a match query on field with the field's own analyzer.
func match(s, field string, boost float64) *query.MatchQuery {
	m := bleve.NewMatchQuery(s)
	m.SetField(field)
	m.Analyzer = index.Analyzers[field]
	m.SetBoost(boost)
	return m
}

// phrase is a phrase query on field with the field's own analyzer.
func phrase(s, field string, boost float64) *query.MatchPhraseQuery {
	m := bleve.NewMatchPhraseQuery(s)
	m.SetField(field)
	m.Analyzer = index.Analyzers[field]
	m.SetBoost(boost)
	return m
}

// fieldQuery handles field:value.
func fieldQuery(field, value string) query.Query {
	term := func(f, v string) query.Query {
		t := bleve.NewTermQuery(v)
		t.SetField(f)
		return t
	}
	switch field {
	case "number":
		return term(index.FieldNumber, dict.NumberKey(value))
	case "doc_type":
		if t, ok := dict.DocTypeByName(value); ok {
			value = t.Name
		} else if t, ok := dict.DocTypeByAbbrev(value); ok {
			value = t.Name
		}
		return term(index.FieldDocType, index.FacetKey(value))
	case "year":
		return term(index.FieldYear, value)
	case "urgency":
		if u := extract.ParseUrgency(strings.ToUpper(value)); u != "" {
			value = u
		}
		return term(index.FieldUrgency, index.FacetKey(value))
	case "confidentiality":
		if c := extract.ParseConfidentiality(strings.ToUpper(value)); c != "" {
			value = c
		}
		return term(index.FieldSecrecy, index.FacetKey(value))
	case "issuer":
		return textQuery(value, index.FieldIssuerText, index.FieldIssuerF, false)
	case "subject":
		return textQuery(value, index.FieldSubject, index.FieldSubjectF, false)
	case "signer":
		return textQuery(value, index.FieldSigner, index.FieldSignerF, false)
	case "place":
		return textQuery(value, index.FieldPlace, index.FieldPlaceF, false)
	}
	return textQuery(value, index.FieldText, index.FieldTextFolded, true)
}

func makeHit(dm *bsearch.DocumentMatch) Hit {
	h := Hit{ID: vanthu.Ref(dm.ID), Score: dm.Score, Snippets: []Snippet{}}
	if s, ok := dm.Fields[index.FieldRecord].(string); ok {
		var rec index.Record
		if json.Unmarshal([]byte(s), &rec) == nil {
			h.FileName, h.ReceivedAt, h.PageCount, h.Metadata = rec.FileName, rec.ReceivedAt, rec.PageCount, rec.Metadata
		}
	}
	if h.Metadata.Recipients == nil {
		h.Metadata.Recipients = []string{}
	}
	var pages []string
	switch v := dm.Fields[index.FieldText].(type) {
	case string:
		pages = []string{v}
	case []interface{}:
		for _, x := range v {
			s, _ := x.(string)
			pages = append(pages, s)
		}
	}
	h.Snippets = snippets(pages, dm.Locations)
	return h
}

type span struct{ start, end int }

// maxSnippets is how many pages a hit shows a passage of.
const maxSnippets = 3

// snippets cuts a passage from each page with matches (the pages with most
// matches first, then in page order), marking the matched terms.
func snippets(pages []string, locs bsearch.FieldTermLocationMap) []Snippet {
	byPage := map[int][]span{}
	for _, field := range []string{index.FieldText, index.FieldTextFolded} {
		for _, ls := range locs[field] {
			for _, l := range ls {
				pg := 0
				if len(l.ArrayPositions) > 0 {
					pg = int(l.ArrayPositions[0])
				}
				if pg < len(pages) && int(l.End) <= len(pages[pg]) && l.Start < l.End {
					byPage[pg] = append(byPage[pg], span{int(l.Start), int(l.End)})
				}
			}
		}
	}
	order := make([]int, 0, len(byPage))
	for pg := range byPage {
		order = append(order, pg)
	}
	sort.Slice(order, func(i, j int) bool {
		if a, b := len(byPage[order[i]]), len(byPage[order[j]]); a != b {
			return a > b
		}
		return order[i] < order[j]
	})
	out := []Snippet{}
	for _, pg := range order[:min(len(order), maxSnippets)] {
		out = append(out, Snippet{Page: pg + 1, Text: passage(pages[pg], merge(byPage[pg]))})
	}
	return out
}

func merge(ss []span) []span {
	slices.SortFunc(ss, func(a, b span) int { return a.start - b.start })
	var out []span
	for _, s := range ss {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// passage returns about 240 bytes of text around the densest run of spans,
// HTML-escaped, spans in <mark>.
func passage(text string, spans []span) string {
	const width = 240
	// Pick the window start that covers the most spans.
	best, bestN := 0, 0
	for i := range spans {
		n := 0
		for j := i; j < len(spans) && spans[j].end-spans[i].start <= width; j++ {
			n++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	from := max(0, spans[best].start-60)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	if i := strings.IndexAny(text[from:spans[best].start], " \n"); from > 0 && i >= 0 {
		from += i + 1
	}
	to := min(len(text), from+width)
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	at := from
	for _, s := range spans {
		if s.start < from || s.end > to {
			continue
		}
		b.WriteString(html.EscapeString(text[at:s.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.start:s.end]))
		b.WriteString("</mark>")
		at = s.end
	}
	b.WriteString(html.EscapeString(text[at:to]))
	if to < len(text) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
