package search

import (
	"github.com/blevesearch/bleve/v2/search/query"
)

// termsOf adds to out the terms q reads, by field: those of its matches,
// phrases and terms, analysed as q analyses them.
func termsOf(q query.Query, out map[string][]string) {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []query.Query{q.Must, q.Should} {
			if sub != nil {
				termsOf(sub, out)
			}
		}
	case *query.ConjunctionQuery:
		for _, sub := range q.Conjuncts {
			termsOf(sub, out)
		}
	case *query.DisjunctionQuery:
		for _, sub := range q.Disjuncts {
			termsOf(sub, out)
		}
	case unscored:
		termsOf(q.q, out)
	case wordsOf:
		termsOf(q.p, out)
	case *query.MatchQuery:
		out[q.FieldVal] = append(out[q.FieldVal], analyze(q.Analyzer, q.Match)...)
	case *query.MatchPhraseQuery:
		out[q.FieldVal] = append(out[q.FieldVal], analyze(q.Analyzer, q.MatchPhrase)...)
	case *query.TermQuery:
		out[q.FieldVal] = append(out[q.FieldVal], q.Term)
	}
}
