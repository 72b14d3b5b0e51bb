package index

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	vi "github.com/vanthu/vanthu/index/analysis/vi"
	"github.com/vanthu/vanthu/internal/memo"
)

// Field names in the index.
const (
	FieldText       = "text"
	FieldTextFolded = "text_folded"
	FieldTextPairs  = "text_pairs" // each two syllables side by side, folded
	FieldNumber     = "number"
	FieldDocType    = "doc_type"
	FieldIssuer     = "issuer"
	FieldIssuerText = "issuer_text"
	FieldIssuerF    = "issuer_folded"
	FieldYear       = "year"
	FieldUrgency    = "urgency"
	FieldSecrecy    = "confidentiality"
	FieldIssuedDate = "issued_date"
	FieldReceivedAt = "received_at"
	FieldSubject    = "subject"
	FieldSubjectF   = "subject_folded"
	FieldSigner     = "signer"
	FieldSignerF    = "signer_folded"
	FieldPlace      = "place"
	FieldPlaceF     = "place_folded"
	FieldRecord     = "record" // stored JSON of the Hit fields
	// Who may see the document (vanthu.Access): the scope always, and
	// the units and users of a restricted one.
	FieldAccessScope  = "access_scope"
	FieldAccessUnits  = "access_units"
	FieldAccessUsers  = "access_users"
	FieldAccessSecret = "access_secret" // "secret" for a state-secret document
)

// FacetFields are the keyword fields a search counts its matches by, in
// the order the UI shows them.
var FacetFields = []string{FieldDocType, FieldIssuer, FieldYear, FieldUrgency, FieldSecrecy}

// entry is what is indexed for one document.
type entry struct {
	Text            []string  `json:"text"`
	Number          string    `json:"number"`
	DocType         string    `json:"doc_type"`
	Issuer          string    `json:"issuer"`
	Year            string    `json:"year"`
	Urgency         string    `json:"urgency"`
	Confidentiality string    `json:"confidentiality"`
	IssuedDate      time.Time `json:"issued_date,omitzero"`
	ReceivedAt      time.Time `json:"received_at"`
	Subject         string    `json:"subject"`
	Signer          string    `json:"signer"`
	Place           string    `json:"place"`
	Record          string    `json:"record"`
	AccessScope     string    `json:"access_scope"`
	AccessUnits     []string  `json:"access_units,omitempty"`
	AccessUsers     []string  `json:"access_users,omitempty"`
	AccessSecret    string    `json:"access_secret,omitempty"`
}

// positionsOnly are the fields whose term vectors keep positions and no
// byte offsets: phrases and proximity read the positions, and a snippet
// finds the bytes of a page's terms from their positions (vi.Offsets).
// Offsets were a quarter of the vectors' bytes.
var positionsOnly = map[string]bool{FieldTextFolded: true, FieldTextPairs: true}

// Record is what the index keeps of a document for showing a hit without
// reading the registry.
type Record struct {
	FileName   string          `json:"file_name"`
	ReceivedAt time.Time       `json:"received_at"`
	PageCount  int             `json:"page_count"`
	Metadata   vanthu.Metadata `json:"metadata"`
}

// Analyzers names the analyzer of each text field. Queries must name it
// themselves: Bleve does not find the analyzer of a field mapped under a
// second name of one property (text_folded under text).
var Analyzers = map[string]string{
	FieldText: vi.AnalyzerName, FieldTextFolded: vi.FoldedAnalyzerName,
	FieldSubject: vi.AnalyzerName, FieldSubjectF: vi.FoldedAnalyzerName,
	FieldSigner: vi.AnalyzerName, FieldSignerF: vi.FoldedAnalyzerName,
	FieldPlace: vi.AnalyzerName, FieldPlaceF: vi.FoldedAnalyzerName,
	FieldIssuerText: vi.AnalyzerName, FieldIssuerF: vi.FoldedAnalyzerName,
	FieldNumber: vi.NumberAnalyzerName, FieldTextPairs: vi.PairsAnalyzerName,
}

// Index is a Bleve index on disk.
type Index struct {
	b bleve.Index
	// accessIndexed: every document has its access fields (indexed by a
	// version that writes them), so that what a viewer may not see can be
	// excluded instead of what they may see required.
	accessIndexed bool
	pairs         bool // the index has FieldTextPairs
	wholeDV       bool // doc values are written whole per document (see document)
	terms         termCache
	dir           string
	preload       *preloader // nil until Preload
}

// Marks inside the index: every document has its access fields; the
// mapping has the pairs field; doc values are written whole per document
// (an index made before keeps its mapping and its doc values until
// vanthu reindex).
var (
	keyAccessIndexed = []byte("vanthu.access-indexed")
	keyPairs         = []byte("vanthu.pairs")
	keyWholeDV       = []byte("vanthu.dv-whole")
)

// ErrInUse is the error of Open when another process holds the index.
var ErrInUse = errors.New("the index is in use by another process (a running server?)")

// Open opens the index in dir, creating it if it does not exist. It waits
// a moment for another process that holds the index, then gives up with
// ErrInUse.
func Open(dir string) (*Index, error) { return openWith(dir, nil) }

// OpenForImport opens the index as Open does, for a bulk import with no
// searches meanwhile, to be compacted after (Compact). Bleve merges the
// new segments in tiers of importTier instead of ten, so that a document
// is merged fewer times before the compaction merges every segment once
// more; until then, a search reads more segments.
func OpenForImport(dir string) (*Index, error) {
	return openWith(dir, map[string]any{"scorchMergePlanOptions": map[string]any{
		"MaxSegmentsPerTier": importTier, "SegmentsPerMergeTask": importTier}})
}

// importTier is how many segments of a size Bleve keeps before merging
// them, during a bulk import.
const importTier = 30

// openWith is Open with more of Bleve's runtime configuration.
func openWith(dir string, config map[string]any) (*Index, error) {
	cfg := map[string]any{"bolt_timeout": "2s"}
	maps.Copy(cfg, config)
	b, err := bleve.OpenUsing(dir, cfg)
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, vanthu.E("index: open "+dir, vanthu.Transient, ErrInUse)
	}
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		if err := os.MkdirAll(filepath.Dir(dir), 0o750); err != nil {
			return nil, vanthu.E("index: create", vanthu.Transient, err)
		}
		if b, err = bleve.NewUsing(dir, Mapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, cfg); err == nil {
			err = errors.Join(b.SetInternal(keyAccessIndexed, []byte("1")), b.SetInternal(keyPairs, []byte("1")),
				b.SetInternal(keyWholeDV, []byte("1")))
		}
	}
	if err != nil {
		return nil, vanthu.E("index: open "+dir, vanthu.Transient, err)
	}
	pairs, err := b.GetInternal(keyPairs)
	if err != nil {
		b.Close()
		return nil, vanthu.E("index: open "+dir, vanthu.Transient, err)
	}
	whole, err := b.GetInternal(keyWholeDV)
	if err != nil {
		b.Close()
		return nil, vanthu.E("index: open "+dir, vanthu.Transient, err)
	}
	ix := &Index{b: b, pairs: len(pairs) > 0, wholeDV: len(whole) > 0, dir: dir}
	if err := ix.checkAccessIndexed(); err != nil {
		b.Close()
		return nil, err
	}
	return ix, nil
}

// checkAccessIndexed finds whether every document has its access fields:
// from the mark, or, in an index made before the mark, by counting the
// documents without them once.
func (ix *Index) checkAccessIndexed() error {
	v, err := ix.b.GetInternal(keyAccessIndexed)
	if err != nil {
		return vanthu.E("index: open", vanthu.Transient, err)
	}
	if len(v) > 0 {
		ix.accessIndexed = true
		return nil
	}
	var scopes []query.Query
	for _, s := range []string{vanthu.ScopeAgency, vanthu.ScopeRestricted} {
		t := bleve.NewTermQuery(s)
		t.SetField(FieldAccessScope)
		scopes = append(scopes, t)
	}
	without := query.NewBooleanQuery([]query.Query{bleve.NewMatchAllQuery()}, nil, scopes)
	res, err := ix.b.Search(bleve.NewSearchRequestOptions(without, 0, 0, false))
	if err != nil {
		return vanthu.E("index: open", vanthu.Transient, err)
	}
	if res.Total > 0 {
		return nil // vanthu reindex gives them their fields
	}
	ix.accessIndexed = true
	return vanthu.E("index: open", vanthu.Transient, ix.b.SetInternal(keyAccessIndexed, []byte("1")))
}

// Pairs reports whether the index has FieldTextPairs.
func (ix *Index) Pairs() bool { return ix.pairs }

// AccessIndexed reports whether every document in the index has its
// access fields.
func (ix *Index) AccessIndexed() bool { return ix.accessIndexed }

// Close closes the index.
func (ix *Index) Close() error {
	ix.stopPreload()
	return ix.b.Close()
}

// Bleve returns the underlying index, for search.
func (ix *Index) Bleve() bleve.Index { return ix.b }

// Put indexes d, replacing any earlier version. Indexing the same document
// twice gives the same index.
func (ix *Index) Put(d vanthu.Document) error {
	if err := ix.PutBatch([]vanthu.Document{d}); err != nil {
		return vanthu.E("index: put "+d.ID.Short(), vanthu.KindOf(err), err)
	}
	return nil
}

// PutBatch indexes many documents in one batch.
func (ix *Index) PutBatch(docs []vanthu.Document) error {
	b := ix.b.NewBatch()
	for _, d := range docs {
		doc, err := ix.document(d)
		if err != nil {
			return err
		}
		if err := b.IndexAdvanced(doc); err != nil {
			return vanthu.E("index: batch", vanthu.Invalid, err)
		}
	}
	if err := ix.b.Batch(b); err != nil {
		return vanthu.E("index: batch", vanthu.Transient, err)
	}
	return nil
}

// document is d as the mapping makes it a Bleve document. In an index
// made with the mark, each field that keeps doc values (the facets, the
// dates sorted by) keeps them whole per document, uncompressed, as Bleve
// does for geo fields. Bleve otherwise packs 1,024 documents' values into
// one compressed chunk, and reading the facets and the date of one hit
// decompresses its chunk of every such field: a query of a few hundred
// hits scattered over a million documents spent nine tenths of its time
// in that. An index made before keeps the chunks until vanthu reindex:
// Bleve's merge of a segment of whole values with a chunked one writes
// into the mapped file (zapx 17.2.3 reuses the whole segment's buffer to
// decompress the other's), so one index never holds both.
func (ix *Index) document(d vanthu.Document) (*document.Document, error) {
	e, err := toEntry(d)
	if err != nil {
		return nil, err
	}
	doc := document.NewDocument(string(d.ID))
	if err := ix.b.Mapping().MapDocument(doc, e); err != nil {
		return nil, vanthu.E("index: map "+d.ID.Short(), vanthu.Invalid, err)
	}
	// Bleve adds the composite field _all, of the fields included in it:
	// none of Vanthu's, and no search reads it. Its analysis would still
	// ask each text field for the map of its terms (TermLocations is
	// what a new segment reads instead).
	doc.CompositeFields = nil
	// Each text is tokenized once for its exact, folded and pairs fields
	// (a field with doc values stays Bleve's: its options change below).
	shared := vi.NewShared()
	for i, f := range doc.Fields {
		if f, ok := f.(*document.TextField); ok && !f.Options().IncludeDocValues() {
			if sf, ok := shared.Field(f.Name(), f.ArrayPositions(), f.Value(), f.Options(), Analyzers[f.Name()], !positionsOnly[f.Name()]); ok {
				doc.Fields[i] = sf
			}
		}
	}
	if !ix.wholeDV {
		return doc, nil
	}
	const whole = bindex.SkipDVChunking | bindex.SkipDVCompression
	for i, f := range doc.Fields {
		if !f.Options().IncludeDocValues() {
			continue
		}
		switch f := f.(type) {
		case *document.TextField:
			doc.Fields[i] = document.NewTextFieldCustom(f.Name(), f.ArrayPositions(), f.Value(), f.Options()|whole, f.Analyzer())
		case *document.DateTimeField:
			t, layout, err := f.DateTime()
			if err != nil {
				return nil, vanthu.E("index: map "+d.ID.Short(), vanthu.Invalid, err)
			}
			df, err := document.NewDateTimeFieldWithIndexingOptions(f.Name(), f.ArrayPositions(), t, layout, f.Options()|whole)
			if err != nil {
				return nil, vanthu.E("index: map "+d.ID.Short(), vanthu.Invalid, err)
			}
			doc.Fields[i] = df
		}
	}
	return doc, nil
}

func toEntry(d vanthu.Document) (entry, error) {
	md := d.Metadata
	e := entry{
		Number: md.Number, DocType: FacetKey(md.DocType), Issuer: FacetKey(md.Issuer),
		Urgency: FacetKey(md.Urgency), Confidentiality: FacetKey(md.Confidentiality),
		ReceivedAt: d.ReceivedAt, Subject: md.Subject, Signer: md.Signer, Place: md.Place,
		AccessScope: vanthu.ScopeAgency,
	}
	if d.Access.Restricted() || d.Access.Secret {
		e.AccessScope, e.AccessUnits, e.AccessUsers = vanthu.ScopeRestricted, d.Access.Units, d.Access.Users
	}
	if d.Access.Secret {
		e.AccessSecret = "secret"
	}
	for _, p := range d.Pages {
		e.Text = append(e.Text, p.Text)
	}
	if t, err := time.Parse("2006-01-02", md.IssuedDate); err == nil {
		e.IssuedDate = t
		e.Year = md.IssuedDate[:4]
	}
	rec, err := json.Marshal(Record{FileName: d.FileName, ReceivedAt: d.ReceivedAt, PageCount: d.PageCount, Metadata: md})
	if err != nil {
		return e, err
	}
	e.Record = string(rec)
	return e, nil
}

// Duplicates returns the indexed documents other than self with the same
// number, issuer and date as md: possibly the same document received again
// (a rescan has other bytes). Without all three, there is no telling.
func (ix *Index) Duplicates(md vanthu.Metadata, self vanthu.Ref) ([]vanthu.Ref, error) {
	day, err := time.Parse("2006-01-02", md.IssuedDate)
	if md.Number == "" || md.Issuer == "" || err != nil {
		return nil, nil
	}
	num := bleve.NewTermQuery(dict.NumberKey(md.Number))
	num.SetField(FieldNumber)
	iss := bleve.NewTermQuery(FacetKey(md.Issuer))
	iss.SetField(FieldIssuer)
	incl := true
	date := bleve.NewDateRangeInclusiveQuery(day, day, &incl, &incl)
	date.SetField(FieldIssuedDate)
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(num, iss, date), 20, 0, false)
	res, err := ix.b.Search(req)
	if err != nil {
		return nil, vanthu.E("index: duplicates", vanthu.Transient, err)
	}
	var out []vanthu.Ref
	for _, h := range res.Hits {
		if vanthu.Ref(h.ID) != self {
			out = append(out, vanthu.Ref(h.ID))
		}
	}
	return out, nil
}

// Delete removes a document from the index.
func (ix *Index) Delete(id vanthu.Ref) error {
	return vanthu.E("index: delete", vanthu.Transient, ix.b.Delete(string(id)))
}

// Count returns the number of indexed documents.
func (ix *Index) Count() (uint64, error) { return ix.b.DocCount() }

// Mapping is the index mapping.
func Mapping() mapping.IndexMapping {
	// Term vectors (positions and offsets) only where phrases, proximity
	// and snippets read them: the folded page text, its pairs and the
	// folded subject.
	// Doc values (each document's terms, for facets and sorting) only on
	// the keyword fields and the dates: no query sorts or counts by the
	// words of a text.
	text := func(name, analyzer string, store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name, f.Analyzer, f.Store = name, analyzer, store
		f.IncludeTermVectors = vectors
		f.IncludeInAll, f.DocValues = false, false
		return f
	}
	kw := func(name string) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Name, f.Store, f.IncludeInAll = name, false, false
		f.DocValues = true
		return f
	}
	date := func(name string) *mapping.FieldMapping {
		f := bleve.NewDateTimeFieldMapping()
		f.Name, f.IncludeInAll = name, false
		return f
	}
	num := text(FieldNumber, vi.NumberAnalyzerName, true, true)
	rec := bleve.NewTextFieldMapping()
	rec.Name, rec.Index, rec.Store, rec.IncludeInAll, rec.DocValues = FieldRecord, false, true, false, false

	// The page text as printed is stored, not indexed: it is matched in
	// folded form, and search reads from the text of the documents it
	// ranks again whether they print the query's syllables as typed. Its
	// index was a tenth of the whole (search's spellingsOf).
	pages := text(FieldText, vi.AnalyzerName, true, false)
	pages.Index = false

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("text", pages, text(FieldTextFolded, vi.FoldedAnalyzerName, false, true),
		text(FieldTextPairs, vi.PairsAnalyzerName, false, true))
	dm.AddFieldMappingsAt("subject", text(FieldSubject, vi.AnalyzerName, false, false), text(FieldSubjectF, vi.FoldedAnalyzerName, false, true))
	dm.AddFieldMappingsAt("signer", text(FieldSigner, vi.AnalyzerName, false, false), text(FieldSignerF, vi.FoldedAnalyzerName, false, false))
	dm.AddFieldMappingsAt("place", text(FieldPlace, vi.AnalyzerName, false, false), text(FieldPlaceF, vi.FoldedAnalyzerName, false, false))
	dm.AddFieldMappingsAt("number", num)
	dm.AddFieldMappingsAt("issuer", kw(FieldIssuer), text(FieldIssuerText, vi.AnalyzerName, false, false), text(FieldIssuerF, vi.FoldedAnalyzerName, false, false))
	for _, f := range []string{FieldDocType, FieldYear, FieldUrgency, FieldSecrecy, FieldAccessScope, FieldAccessUnits, FieldAccessUsers, FieldAccessSecret} {
		dm.AddFieldMappingsAt(f, kw(f))
	}
	dm.AddFieldMappingsAt("issued_date", date(FieldIssuedDate))
	dm.AddFieldMappingsAt("received_at", date(FieldReceivedAt))
	dm.AddFieldMappingsAt("record", rec)

	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = keyword.Name
	return im
}

// FacetKey is how a metadata value is stored in a keyword (facet) field: as
// printed, but in NFC with spacing folded and tone marks placed in one
// style, so that "UỶ BAN" and "ỦY BAN" count as one agency. A register
// has a few hundred agencies and types, and each document asks for four
// keys: they are remembered (placing tones took 24 µs a document, and 168
// allocations).
func FacetKey(s string) string {
	if len(s) > maxFacetMemo {
		return facetKey(s)
	}
	return facetKeys.GetString(s)
}

const maxFacetMemo = 256

var facetKeys = memo.New(1<<12, facetKey)

func facetKey(s string) string {
	return dict.PlaceTones(strings.Join(strings.Fields(dict.NFC(s)), " "))
}
