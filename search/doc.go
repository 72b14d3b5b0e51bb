// Package search answers queries over the Vanthu index: free text typed with
// or without diacritics, quoted phrases, excluded terms, field:value
// lookups, document numbers, and filters, with facet counts over the whole
// result set and highlighted snippets that name their page.
//
// Scoring: every free-text term must match in folded form (so "cai cach"
// finds "cải cách"); a query written with diacritics adds a boost for the
// exact form (so "bán" ranks a page saying "bán" above one saying only
// "bạn"); the whole query as a phrase adds a boost for adjacent syllables;
// a query that reads as a document number adds a strong boost for that
// number.
//
// Counting: the first pass evaluates the query as sets (candidates.go,
// sets.go); the total and the facets come from them, and Bleve ranks or
// sorts only the candidates those sets pick.
package search
