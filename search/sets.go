package search

import (
	"math"

	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanthu/vanthu/index"
)

// settable reports whether setOf can evaluate q: every part of it matches
// by terms alone, or is a phrase, whose set is then a superset (positions
// are not in sets) and so may not be under a must-not. A match query that
// analyses to nothing is Bleve's own corner (it matches none, and a
// boolean query then drops the clause), so it stays with Bleve.
func settable(q query.Query) bool { return settableAs(q, true) }

// settableAs: positive is false under a must-not.
func settableAs(q query.Query, positive bool) bool {
	switch q := q.(type) {
	case *query.TermQuery, *query.MatchAllQuery, *query.MatchNoneQuery:
		return true
	case *query.DateRangeQuery:
		return !q.Start.IsZero() || !q.End.IsZero()
	case *query.MatchQuery:
		return q.Fuzziness == 0 && q.Analyzer != "" && len(analyze(q.Analyzer, q.Match)) > 0
	case *query.MatchPhraseQuery:
		return positive && q.Fuzziness == 0 && q.Analyzer != "" && len(analyze(q.Analyzer, q.MatchPhrase)) > 0
	case *query.ConjunctionQuery:
		return len(q.Conjuncts) > 0 && allSettable(q.Conjuncts, positive)
	case *query.DisjunctionQuery:
		return len(q.Disjuncts) > 0 && q.Min <= 1 && allSettable(q.Disjuncts, positive)
	case *query.BooleanQuery:
		if q.Filter != nil || (q.Must == nil && q.Should == nil && q.MustNot == nil) {
			return false
		}
		if _, none := q.Must.(*query.MatchNoneQuery); none {
			return false
		}
		if d, ok := q.Should.(*query.DisjunctionQuery); q.Should != nil && (!ok || d.Min > 0) {
			return false
		}
		return (q.Must == nil || settableAs(q.Must, positive)) && (q.Should == nil || settableAs(q.Should, positive)) &&
			(q.MustNot == nil || settableAs(q.MustNot, !positive))
	case unscored:
		return settableAs(q.q, positive)
	}
	return false
}

func allSettable(qs []query.Query, positive bool) bool {
	for _, q := range qs {
		if !settableAs(q, positive) {
			return false
		}
	}
	return true
}

// setOf is the documents q matches, as Bleve would match them, for a q
// that is settable; exact is false when the set may hold more than
// Bleve would match (a phrase's documents that have its words apart).
func setOf(s *index.Sets, q query.Query) (_ index.Set, exact bool, _ error) {
	return phrasesIn{}.setOf(s, q)
}

// phrasesIn says where setOf matches a phrase by its positions: in the
// documents of within that have its words (index.Sets.Phrase, in parts
// at once); nil within leaves a phrase the documents with its words. A
// set so made is exact within within: it may lack what q matches
// outside.
type phrasesIn struct {
	within index.Set
	parts  int
}

func (in phrasesIn) setOf(s *index.Sets, q query.Query) (_ index.Set, exact bool, _ error) {
	setOf := in.setOf
	switch q := q.(type) {
	case *query.TermQuery:
		set, err := s.Term(q.FieldVal, q.Term)
		return set, true, err
	case *query.MatchAllQuery:
		return s.All(), true, nil
	case *query.MatchNoneQuery:
		return s.None(), true, nil
	case *query.DateRangeQuery:
		lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
		if !q.Start.IsZero() {
			lo = q.Start.UnixNano()
			if q.InclusiveStart != nil && !*q.InclusiveStart {
				lo++
			}
		}
		if !q.End.IsZero() {
			hi = q.End.UnixNano()
			if q.InclusiveEnd == nil || !*q.InclusiveEnd {
				hi--
			}
		}
		set, err := dateRange(s, q.FieldVal, lo, hi)
		return set, true, err
	case *query.MatchQuery:
		set, err := terms(s, q.FieldVal, analyze(q.Analyzer, q.Match), q.Operator == query.MatchQueryOperatorAnd)
		return set, true, err
	case *query.MatchPhraseQuery:
		// Every word of the phrase, anywhere: one word (one pair of
		// syllables) is the phrase itself.
		words, offs := analyzeAt(q.Analyzer, q.MatchPhrase)
		set, err := terms(s, q.FieldVal, words, true)
		if err != nil || len(words) == 1 || in.within == nil {
			return set, len(words) == 1, err
		}
		set, err = s.Phrase(q.FieldVal, words, offs, set.And(in.within), in.parts)
		return set, true, err
	case *query.ConjunctionQuery:
		return in.fold(s, q.Conjuncts, index.Set.And)
	case *query.DisjunctionQuery:
		return in.fold(s, q.Disjuncts, index.Set.Or)
	case *query.BooleanQuery:
		// Should only adds to the score beside a must; without one, it
		// is what matches.
		var out index.Set
		exact := true
		var err error
		switch {
		case q.Must != nil:
			out, exact, err = setOf(s, q.Must)
		case q.Should != nil:
			out, exact, err = setOf(s, q.Should)
		default:
			out = s.All()
		}
		if err != nil || q.MustNot == nil {
			return out, exact, err
		}
		not, _, err := setOf(s, q.MustNot) // exact: settable allows no phrase there
		if err != nil {
			return nil, false, err
		}
		return out.AndNot(not), exact, nil
	case unscored:
		return setOf(s, q.q)
	}
	panic("search: setOf of a query that is not settable")
}

// terms is the documents that have all (and) or any of words in field.
func terms(s *index.Sets, field string, words []string, and bool) (index.Set, error) {
	var out index.Set
	for i, w := range words {
		one, err := s.Term(field, w)
		switch {
		case err != nil:
			return nil, err
		case i == 0:
			out = one
		case and:
			out = out.And(one)
		default:
			out = out.Or(one)
		}
	}
	return out, nil
}

func (in phrasesIn) fold(s *index.Sets, qs []query.Query, op func(index.Set, index.Set) index.Set) (index.Set, bool, error) {
	var out index.Set
	exact := true
	for i, c := range qs {
		one, ex, err := in.setOf(s, c)
		if err != nil {
			return nil, false, err
		}
		exact = exact && ex
		if i == 0 {
			out = one
		} else {
			out = op(out, one)
		}
	}
	return out, exact, nil
}

// dateRange is the documents whose date in field is in [lo, hi], in Unix
// nanoseconds: Bleve indexes a date at full precision as a prefix-coded
// term of shift 0, and those terms sort as their values do.
func dateRange(s *index.Sets, field string, lo, hi int64) (index.Set, error) {
	if lo > hi {
		return s.None(), nil
	}
	from := []byte(numeric.MustNewPrefixCodedInt64(lo, 0))
	to := []byte{numeric.ShiftStartInt64 + 1} // past every term of shift 0
	if hi < math.MaxInt64 {
		to = []byte(numeric.MustNewPrefixCodedInt64(hi+1, 0))
	}
	return s.Range(field, from, to)
}
