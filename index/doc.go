// Package index keeps the Bleve full-text index of Vanthu's documents.
//
// Each document is one Bleve document. Its page texts are an array field, so
// every term location carries its page (the array position) and search can
// show snippets with page numbers. The text is indexed twice: "text" with
// diacritics kept (analyzer vi) and "text_folded" without (vi_folded). The
// document number is a keyword under its search key (vi_docnumber); the
// facet fields are keywords; the metadata is stored whole for display.
//
// Sets reads one snapshot of the index as sets of documents, a bitmap per
// segment for each term, so that search can count and facet a query's
// matches without visiting them.
//
// Preload maps the segment files into memory ahead of the searches that
// would read them page by page.
package index
