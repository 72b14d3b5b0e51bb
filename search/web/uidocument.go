package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/search"
)

// The document page: the record, the page images with the query's hits,
// the header crop, and the clerk's corrections.

type box struct{ L, T, W, H string }

type pageView struct {
	N        int
	Image    string
	Hits     []box
	HitCount int
	Text     template.HTML
	Source   string
	Conf     float64
}

type fieldView struct {
	Name, Label, Value string
	Review, Multiline  bool
	Conf               float64
	Suggest            []string // values to offer as the clerk types (the issuer's known signers, their roles)
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	q := r.URL.Query().Get("q")
	return s.renderDocument(w, r, http.StatusOK, d, q, r.URL.Query().Get("saved") == "1", "")
}

func (s *Server) renderDocument(w http.ResponseWriter, r *http.Request, status int, d vanthu.Document, q string, saved bool, formErr string) error {
	terms := queryTerms(q)
	var views []pageView
	for _, p := range d.Pages {
		pv := pageView{N: p.Number, Source: p.TextSource, Conf: p.Confidence}
		if p.Image != "" {
			pv.Image = fmt.Sprintf("/api/v1/documents/%s/pages/%d/image", d.ID, p.Number)
		}
		if len(terms) > 0 && p.Width > 0 && p.Height > 0 {
			for _, wd := range p.Words {
				if terms[foldWord(wd.Text)] {
					pv.Hits = append(pv.Hits, box{
						L: pctOf(wd.X0, p.Width), T: pctOf(wd.Y0, p.Height),
						W: pctOf(wd.X1-wd.X0, p.Width), H: pctOf(wd.Y1-wd.Y0, p.Height),
					})
				}
			}
		}
		var n int
		pv.Text, n = markText(p.Text, terms)
		pv.HitCount = max(n, len(pv.Hits))
		views = append(views, pv)
	}
	suggest, err := s.knownSigners(r, d)
	if err != nil {
		return err
	}
	var fields, review []fieldView
	for _, fl := range fieldLabels {
		fv := fieldView{Name: fl[0], Label: fl[1], Value: fieldValue(d.Metadata, fl[0]), Review: slices.Contains(d.Review, fl[0]),
			Multiline: fl[0] == "recipients" || fl[0] == "subject", Conf: d.FieldConfidence[fl[0]], Suggest: suggest[fl[0]]}
		fields = append(fields, fv)
		if fv.Review {
			review = append(review, fv)
		}
	}
	var dups []vanthu.Document
	for _, id := range d.DuplicateOf { // those the user may see (record)
		if o, err := s.Registry.Get(id); err == nil {
			dups = append(dups, o)
		}
	}
	accesses, history := s.documentHistory(string(d.ID), 20)
	var crop map[string]any
	if img, aspect := headerCrop(d); img != "" {
		crop = map[string]any{"Image": img, "Style": template.CSS("aspect-ratio: " + aspect)}
	}
	title := d.Metadata.Number
	if title == "" {
		title = d.FileName
	}
	filed, files, err := s.filesFor(r, d.ID)
	if err != nil {
		return err
	}
	var related *search.Related
	if s.Searcher != nil {
		// The page is the record's: without its related documents (an
		// index that fails a moment) it is still shown.
		if rel, err := s.relatedAs(r, d); err == nil {
			related = &rel
		} else {
			s.log().Warn("related documents", "id", d.ID, "err", err)
		}
	}
	return s.render(w, r, status, "document.html", map[string]any{
		"Title": title + " — Văn bản", "Nav": "search", "D": d, "Q": q, "Pages": views, "Fields": fields, "Review": review,
		"Saved": saved, "FormError": formErr, "Dups": dups, "Crop": crop, "Back": withParams(url.Values{"q": {q}}),
		"Accesses": accesses, "AccessLog": history, "HasArchive": d.HasArchiveCopy(), "GetsOriginal": s.getsOriginal(r, d),
		"Filed": filed, "Files": files, "Related": related, "MaxCitedBy": search.MaxCitedBy,
	})
}

// knownSigners are, for a user who may correct d, the names and roles
// of the signers the register knows for d's issuer, to offer in the
// signer and signer_title fields.
func (s *Server) knownSigners(r *http.Request, d vanthu.Document) (map[string][]string, error) {
	if may(r, access.Correct) != nil || d.Metadata.Issuer == "" {
		return nil, nil
	}
	known, err := s.Registry.Signers(d.Metadata.Issuer)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, k := range known {
		out["signer"] = append(out["signer"], k.Name)
		if k.Title != "" && !slices.Contains(out["signer_title"], k.Title) {
			out["signer_title"] = append(out["signer_title"], k.Title)
		}
	}
	return out, nil
}

// headerCrop returns, when d's number or date must be typed by the clerk,
// the address of the image of the page its header was read from (for a
// record extracted before that was kept, its first page not blank) and
// the aspect ratio ("W / H") of its header, where the number and the day
// are written by hand: shown cropped, the clerk reads them there. Both
// are empty otherwise.
func headerCrop(d vanthu.Document) (img, aspect string) {
	if !slices.Contains(d.Review, "number") && !slices.Contains(d.Review, "issued_date") || len(d.Pages) == 0 {
		return "", ""
	}
	p := d.Pages[vanthu.FirstWritten(d.Pages)]
	if i := slices.IndexFunc(d.Pages, func(p vanthu.Page) bool { return p.Number == d.HeaderPage }); i >= 0 {
		p = d.Pages[i]
	}
	if p.Image == "" || p.Width <= 0 || p.Height <= 0 {
		return "", ""
	}
	return fmt.Sprintf("/api/v1/documents/%s/pages/%d/image", d.ID, p.Number), fmt.Sprintf("%d / %d", p.Width, p.Height*headerShare/100)
}

// headerShare is the part of a first page, in per cent from the top, that
// holds the NĐ 30 header (agency, number, place and date).
const headerShare = 30

func pctOf(v, total int) string {
	return strconv.FormatFloat(float64(v)*100/float64(total), 'f', 3, 64) + "%"
}

func fieldValue(md vanthu.Metadata, f string) string {
	switch f {
	case "number":
		return md.Number
	case "doc_type":
		return md.DocType
	case "issuer":
		return md.Issuer
	case "parent_body":
		return md.ParentBody
	case "place":
		return md.Place
	case "issued_date":
		return md.IssuedDate
	case "subject":
		return md.Subject
	case "signer":
		return md.Signer
	case "signer_title":
		return md.SignerTitle
	case "recipients":
		return strings.Join(md.Recipients, "\n")
	case "urgency":
		return md.Urgency
	case "confidentiality":
		return md.Confidentiality
	}
	return ""
}

// queryTerms are the free-text words of a search, folded, for marking
// them on the page: without field:value parts or excluded words.
func queryTerms(q string) map[string]bool {
	terms := map[string]bool{}
	for _, w := range strings.Fields(strings.ReplaceAll(q, `"`, " ")) {
		if strings.HasPrefix(w, "-") || strings.Contains(w, ":") {
			continue
		}
		if f := foldWord(w); f != "" {
			terms[f] = true
		}
	}
	return terms
}

// foldWord is a word without marks, case or surrounding punctuation, as
// search compares words typed without diacritics.
func foldWord(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.ToLower(dict.Fold(dict.Canon(w)))
}

// markText escapes text and puts the words matching terms in <mark>.
func markText(text string, terms map[string]bool) (template.HTML, int) {
	var b strings.Builder
	n := 0
	for len(text) > 0 {
		i := strings.IndexFunc(text, unicode.IsSpace)
		if i < 0 {
			i = len(text)
		}
		word := text[:i]
		if i > 0 && len(terms) > 0 && terms[foldWord(word)] {
			b.WriteString("<mark>" + template.HTMLEscapeString(word) + "</mark>")
			n++
		} else {
			b.WriteString(template.HTMLEscapeString(word))
		}
		text = text[i:]
		j := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) })
		if j < 0 {
			j = len(text)
		}
		b.WriteString(text[:j])
		text = text[j:]
	}
	return template.HTML(b.String()), n
}

// readForm reads a posted form of at most max bytes.
func readForm(w http.ResponseWriter, r *http.Request, max int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, max)
	if err := r.ParseForm(); err != nil {
		return &apiError{http.StatusBadRequest, "bad_form", "the form could not be read", "Không đọc được biểu mẫu, xin gửi lại"}
	}
	return nil
}

// correctPage takes the correction form: the fields whose value changed.
func (s *Server) correctPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	if err := readForm(w, r, 1<<20); err != nil {
		return err
	}
	fields := map[string]json.RawMessage{}
	for _, fl := range fieldLabels {
		name := fl[0]
		if _, sent := r.PostForm[name]; !sent {
			continue
		}
		v := strings.TrimSpace(strings.ReplaceAll(r.PostForm.Get(name), "\r\n", "\n"))
		if v == fieldValue(d.Metadata, name) {
			continue
		}
		var raw []byte
		if name == "recipients" {
			var lines []string
			for _, l := range strings.Split(v, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					lines = append(lines, l)
				}
			}
			raw, _ = json.Marshal(lines)
		} else {
			raw, _ = json.Marshal(v)
		}
		fields[name] = raw
	}
	q := r.PostForm.Get("q")
	if len(fields) == 0 {
		return s.renderDocument(w, r, http.StatusOK, d, q, false, "Không có trường nào thay đổi.")
	}
	me, _ := userFrom(r.Context())
	if _, err := s.correct(r.Context(), d.ID, me.Name, fields); err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			return s.renderDocument(w, r, http.StatusUnprocessableEntity, d, q, false, ae.MessageVI+" ("+ae.Message+")")
		}
		return err
	}
	http.Redirect(w, r, "/documents/"+string(d.ID)+"?"+url.Values{"q": {q}, "saved": {"1"}}.Encode()+"#thong-tin", http.StatusSeeOther)
	return nil
}
