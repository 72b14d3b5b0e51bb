package search

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/index"
)

// features are what the index has that a query may use.
type features struct {
	accessIndexed bool // every document has its access fields
	pairs         bool // index.FieldTextPairs
}

// buildQuery turns a parsed query and filters into one Bleve query; near
// are numbers one edit from a number query that no document has.
func buildQuery(p parsed, r Request, near map[string]bool, has features) query.Query {
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
			either := []query.Query{num, phraseQuery(key, has.pairs)}
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
		must = append(must, phraseQuery(ph, has.pairs))
	}
	for _, fv := range p.fields {
		must = append(must, fieldQuery(fv[0], fv[1], has))
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
		filters = append(filters, term(f.field, index.FacetKey(f.value)))
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
	if filter, hidden := sightClauses(r.Sight, has); filter != nil {
		filters = append(filters, filter)
	} else if hidden != nil {
		mustNot = append(mustNot, hidden)
	}
	// Filters narrow the search, unscored: the conjunction leaps from one
	// filter's match to the next text match (Bleve's own filter clause
	// would score every text match first, then test it).
	for _, f := range filters {
		must = append(must, unscored{f})
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	if len(mustNot) == 0 && len(must) == 1 {
		return must[0]
	}
	return query.NewBooleanQuery(must, nil, mustNot)
}

// sightClauses returns what keeps a query to what sight sees: a filter
// to require, or the documents to exclude (cheaper for a sight that sees
// nearly everything); neither for a nil sight, or one that sees all.
func sightClauses(sight *access.Sight, has features) (filter, hidden query.Query) {
	if sight == nil || sight.All && sight.Secret {
		return nil, nil
	}
	if hidden := hiddenQuery(*sight); hidden != nil && has.accessIndexed {
		return nil, hidden
	}
	return sightQuery(*sight), nil
}

// term is a term query on field.
func term(field, v string) query.Query {
	t := bleve.NewTermQuery(v)
	t.SetField(field)
	return t
}

// unscored matches what q matches and adds nothing to the score.
type unscored struct{ q query.Query }

func (u unscored) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, _ bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := u.q.Searcher(ctx, i, m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	return weightless{s}, nil
}

// weightless is a searcher that takes no part in the query's norm.
type weightless struct{ bsearch.Searcher }

func (weightless) Weight() float64      { return 0 }
func (weightless) SetQueryNorm(float64) {}

// hiddenQuery matches the documents that s does not see, for a sight
// that sees the agency's documents or all of them (nearly everything):
// excluding the few hidden ones is cheaper than requiring the many seen.
// Nil for a sight that sees only what is assigned to it.
func hiddenQuery(s access.Sight) query.Query {
	var named, units []query.Query
	for _, u := range s.Users {
		named = append(named, term(index.FieldAccessUsers, u))
	}
	for _, u := range s.Units {
		units = append(units, term(index.FieldAccessUnits, u))
	}
	// Secret documents where the viewer is not named.
	var hidden []query.Query
	if !s.Secret {
		hidden = append(hidden, query.NewBooleanQuery([]query.Query{term(index.FieldAccessSecret, "secret")}, nil, named))
	}
	switch {
	case s.All:
	case s.Agency:
		// Restricted documents assigned to none of the viewer's units
		// and users (secret ones are seen whole by a sight of secrets).
		seen := slices.Concat(named, units)
		if s.Secret {
			seen = append(seen, term(index.FieldAccessSecret, "secret"))
		}
		hidden = append(hidden, query.NewBooleanQuery([]query.Query{term(index.FieldAccessScope, vanthu.ScopeRestricted)}, nil, seen))
	default:
		return nil
	}
	if len(hidden) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewDisjunctionQuery(hidden...)
}

// sightQuery matches the documents s sees (access.Sight.Sees, as a
// query): the agency's scope, or assigned to one of its units or users. A
// document indexed without its access fields matches none of these, so
// an index from before them shows nothing to a restricted viewer until it
// is rebuilt (vanthu reindex).
func sightQuery(s access.Sight) query.Query {
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
		textQuery(s, "", index.FieldTextFolded),
		textQuery(s, index.FieldSubject, index.FieldSubjectF),
		textQuery(s, index.FieldIssuerText, index.FieldIssuerF),
		textQuery(s, index.FieldSigner, index.FieldSignerF),
		textQuery(s, index.FieldPlace, index.FieldPlaceF),
	)
}

// textQuery matches every syllable of s in folded form; if s has
// diacritics and the field has an exact twin, the exact form scores
// higher there. (The page text has none: Search ranks the best matches
// again by the syllables printed as typed, spellingsOf, and by those
// side by side, proximity.)
func textQuery(s, exact, folded string) query.Query {
	all := match(s, folded, 1)
	all.SetOperator(query.MatchQueryOperatorAnd)
	if exact == "" || !dict.HasMarks(s) {
		return all
	}
	return query.NewBooleanQuery([]query.Query{all}, []query.Query{match(s, exact, 1.5)}, nil)
}

// phraseQuery matches s as a phrase in the folded page text. With pairs,
// the phrase is one of the pairs of its syllables (index.FieldTextPairs):
// their positions are read only where the rarest pairs meet, not
// wherever its commonest syllables do. Its syllables printed as typed
// rank a page higher when Search ranks the best matches again
// (spellingsOf).
func phraseQuery(s string, pairs bool) query.Query {
	if pairs && len(analyze(index.Analyzers[index.FieldTextPairs], s)) > 0 {
		return phrase(s, index.FieldTextPairs, 1)
	}
	return phrase(s, index.FieldTextFolded, 1)
}

// analyzers builds each analyzer once (the cache is safe for concurrent
// use).
var analyzers = registry.NewCache()

// analyze returns the terms the analyzer named makes of s.
func analyze(analyzer, s string) []string {
	terms, _ := analyzeAt(analyzer, s)
	return terms
}

// analyzeAt returns the terms the analyzer named makes of s, and the
// position of each.
func analyzeAt(analyzer, s string) (terms []string, at []int) {
	a, err := analyzers.AnalyzerNamed(analyzer)
	if err != nil {
		return nil, nil
	}
	for _, t := range a.Analyze([]byte(s)) {
		terms, at = append(terms, string(t.Term)), append(at, t.Position)
	}
	return terms, at
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
func fieldQuery(field, value string, has features) query.Query {
	switch field {
	case "number":
		return term(index.FieldNumber, dict.NumberKey(value))
	case "cites":
		// The number printed whole in the text of a document that does
		// not bear it (search.Related, without its check of the day).
		key := dict.NumberKey(value)
		return query.NewBooleanQuery([]query.Query{phraseQuery(key, has.pairs)}, nil, []query.Query{term(index.FieldNumber, key)})
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
		return textQuery(value, index.FieldIssuerText, index.FieldIssuerF)
	case "subject":
		return textQuery(value, index.FieldSubject, index.FieldSubjectF)
	case "signer":
		return textQuery(value, index.FieldSigner, index.FieldSignerF)
	case "place":
		return textQuery(value, index.FieldPlace, index.FieldPlaceF)
	}
	return textQuery(value, "", index.FieldTextFolded)
}

// withoutBoosts is q without its optional clauses (a boolean query's
// should: the exact form of a query with diacritics): what they add to
// the score, the second pass adds to the documents it ranks again, and
// the first pass need not read their posting lists for every candidate.
// The documents q matches are the same.
func withoutBoosts(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		if q.Must == nil {
			return q // should is what matches
		}
		out := *q
		out.Should = nil
		out.Must = withoutBoosts(q.Must)
		return &out
	case *query.ConjunctionQuery:
		out := *q
		out.Conjuncts = mapQueries(q.Conjuncts)
		return &out
	case *query.DisjunctionQuery:
		out := *q
		out.Disjuncts = mapQueries(q.Disjuncts)
		return &out
	}
	return q
}

func mapQueries(qs []query.Query) []query.Query {
	out := make([]query.Query, len(qs))
	for i, q := range qs {
		out[i] = withoutBoosts(q)
	}
	return out
}
