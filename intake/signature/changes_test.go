package signature

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
)

// showObject returns object n of the PDF at path in PDF syntax (a
// stream's dictionary only), or the trailer for n < 0.
func showObject(t *testing.T, path string, n int) string {
	t.Helper()
	which := strconv.Itoa(n)
	if n < 0 {
		which = "trailer"
	}
	out, err := exec.Command("qpdf", "--show-object="+which, path).Output()
	if err != nil {
		t.Fatalf("qpdf --show-object=%s: %v", which, err)
	}
	return strings.TrimSpace(string(out))
}

var (
	startXref = regexp.MustCompile(`startxref\s+(\d+)`)
	pageRef   = regexp.MustCompile(`page 1: (\d+) \d+ R`)
)

// trailerInt returns the number after key (/Root, /Size) in a trailer, 0
// where it has none.
func trailerInt(trailer, key string) int {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + ` (\d+)`).FindStringSubmatch(trailer)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// revise appends to the PDF at path a revision, as signing software and
// editors do: the objects objs (number → body in PDF syntax; an empty body
// frees the object), a cross-reference table for them, and a trailer
// whose /Prev is the last one's, with extra added to it. It returns the
// new file's path.
func revise(t *testing.T, path string, objs map[int]string, extra string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	all := startXref.FindAllSubmatch(b, -1)
	trailer := showObject(t, path, -1)
	root, size := trailerInt(trailer, "/Root"), trailerInt(trailer, "/Size")
	if len(all) == 0 || root == 0 || size == 0 {
		t.Fatalf("no startxref, /Root or /Size in %s: %s", path, trailer)
	}
	var nums []int
	for n := range objs {
		nums = append(nums, n)
		size = max(size, n+1)
	}
	slices.Sort(nums)
	out := bytes.NewBuffer(append(b, '\n'))
	offsets := map[int]int{}
	for _, n := range nums {
		if objs[n] != "" {
			offsets[n] = out.Len()
			fmt.Fprintf(out, "%d 0 obj\n%s\nendobj\n", n, objs[n])
		}
	}
	xref := out.Len()
	out.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for _, n := range nums {
		if objs[n] == "" {
			fmt.Fprintf(out, "%d 1\n0000000000 00001 f \n", n)
		} else {
			fmt.Fprintf(out, "%d 1\n%010d 00000 n \n", n, offsets[n])
		}
	}
	fmt.Fprintf(out, "trailer\n<< /Size %d /Root %d 0 R /Prev %s %s >>\nstartxref\n%d\n%%%%EOF\n", size, root, all[len(all)-1][1], extra, xref)
	revised := filepath.Join(t.TempDir(), "revised.pdf")
	if err := os.WriteFile(revised, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return revised
}

// What a revision after signing changes is told, and the clerk is warned
// of what changes the document, not of the data kept to validate its
// signatures.
func TestChangesAfterSigning(t *testing.T) {
	pdf, _ := signed(t)
	dir := filepath.Dir(pdf)
	trailer := showObject(t, pdf, -1)
	root, size := trailerInt(trailer, "/Root"), trailerInt(trailer, "/Size")
	catalog := showObject(t, pdf, root)
	pages, err := exec.Command("qpdf", "--show-pages", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	page, _ := strconv.Atoi(pageRef.FindStringSubmatch(string(pages))[1])
	pageDict := showObject(t, pdf, page)
	content, _ := strconv.Atoi(regexp.MustCompile(`/Contents (\d+) 0 R`).FindStringSubmatch(pageDict)[1])
	withKey := func(dict, key string) string { // dict with key added before its closing >>
		i := strings.LastIndex(dict, ">>")
		return dict[:i] + key + " " + dict[i:]
	}
	der, err := exec.Command("openssl", "x509", "-in", filepath.Join(dir, "ca.pem"), "-outform", "DER").Output()
	if err != nil {
		t.Fatal(err)
	}

	// A comment laid on page 1: its /Annots list, held apart or in the
	// page, gains it.
	note := fmt.Sprintf("%d 0 R", size)
	commented := map[int]string{size: "<< /Type /Annot /Subtype /Text /Rect [50 50 70 70] /Contents (Da xem) >>"}
	if m := regexp.MustCompile(`/Annots (\d+) 0 R`).FindStringSubmatch(pageDict); m != nil {
		n, _ := strconv.Atoi(m[1])
		list := showObject(t, pdf, n)
		commented[n] = strings.TrimSuffix(list, "]") + " " + note + " ]"
	} else {
		commented[page] = withKey(pageDict, "/Annots ["+note+"]")
	}

	twice := filepath.Join(dir, "twice.pdf")
	cmd := exec.Command("pdfsig", "-nssdir", "sql:db", "-add-signature", "-nick", "signer", pdf, twice)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdfsig -add-signature: %v\n%s", err, out)
	}

	for _, c := range []struct {
		name    string
		file    string
		first   []string // AddedAfter of the first signature
		warning string   // in the warnings; "" for none
	}{
		{"signed again", twice, []string{vanthu.AddedSignature}, ""},
		{"validation data added (PAdES LTV)", revise(t, pdf, map[int]string{
			size:     fmt.Sprintf("<< /Certs [%d 0 R] >>", size+1),
			size + 1: fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(der), der),
			root:     withKey(catalog, fmt.Sprintf("/DSS %d 0 R", size)),
		}, ""), []string{vanthu.AddedValidation}, ""},
		{"a comment laid on the page", revise(t, pdf, commented, ""), []string{vanthu.AddedAnnotations}, "chú thích trên trang"},
		{"the page's size changed", revise(t, pdf, map[int]string{
			page: regexp.MustCompile(`/MediaBox \[[^\]]*\]`).ReplaceAllString(pageDict, "/MediaBox [ 0 0 300 300 ]"),
		}, ""), []string{vanthu.AddedContent}, "nội dung văn bản"},
		{"the description changed", revise(t, pdf, map[int]string{
			size: "<< /Title (Quyet dinh khac) >>",
		}, fmt.Sprintf("/Info %d 0 R", size)), []string{vanthu.AddedInfo}, "thông tin mô tả tệp"},
		{"an object written again as it was", revise(t, pdf, map[int]string{root: catalog}, ""), nil, "sửa đổi sau khi ký"},
		{"the page's content freed, validation data added", revise(t, pdf, map[int]string{
			content:  "",
			size:     fmt.Sprintf("<< /Certs [%d 0 R] >>", size+1),
			size + 1: fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(der), der),
			root:     withKey(catalog, fmt.Sprintf("/DSS %d 0 R", size)),
		}, ""), []string{vanthu.AddedValidation, vanthu.AddedContent}, "nội dung văn bản"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var v Verifier
			sigs, err := v.Verify(context.Background(), c.file)
			if err != nil || len(sigs) == 0 {
				t.Fatalf("%v, %+v", err, sigs)
			}
			if !sigs[0].Intact || sigs[0].CoversWholeFile {
				t.Errorf("intact %v, covers the file %v: want true, false", sigs[0].Intact, sigs[0].CoversWholeFile)
			}
			if !slices.Equal(sigs[0].AddedAfter, c.first) {
				t.Errorf("added after the first signature %q, want %q", sigs[0].AddedAfter, c.first)
			}
			w := strings.Join(Warnings(sigs), "\n")
			if c.warning == "" && w != "" || !strings.Contains(w, c.warning) {
				t.Errorf("warnings %q, want %q", w, c.warning)
			}
		})
	}
}

// FuzzClassify reads what qpdf could print of two revisions of a hostile
// file, and classifies every object of the second as written after the
// first: no input panics, and every kind told is one of five.
func FuzzClassify(f *testing.F) {
	f.Add([]byte("1/0: uncompressed; offset = 9\n2/0: compressed; stream = 1, index = 0\n"),
		[]byte(`{"qpdf":[{},{"obj:1 0 R":{"value":{"/Type":"/Catalog","/Pages":"2 0 R","/AcroForm":{"/Fields":["3 0 R"]}}},"trailer":{"value":{"/Root":"1 0 R"}}}]}`),
		[]byte(`{"qpdf":[{},{"obj:1 0 R":{"value":{"/Type":"/Catalog","/Pages":"2 0 R","/DSS":"4 0 R","/AcroForm":{"/Fields":["3 0 R","5 0 R"]}}},"obj:4 0 R":{"value":{"/Certs":["6 0 R"]}},"obj:5 0 R":{"value":{"/FT":"/Sig","/V":"7 0 R","/P":"2 0 R"}},"obj:2 0 R":{"value":{"/Type":"/Page","/Annots":["5 0 R"],"/Parent":"2 0 R"}},"obj:6 0 R":{"stream":{"dict":{}}},"trailer":{"value":{"/Root":"1 0 R","/Info":"8 0 R"}}}]}`))
	known := []string{vanthu.AddedSignature, vanthu.AddedValidation, vanthu.AddedAnnotations, vanthu.AddedInfo, vanthu.AddedContent}
	f.Fuzz(func(t *testing.T, xref, before, after []byte) {
		parseXref(xref)
		old, err1 := parseRevision(before)
		cur, err2 := parseRevision(after)
		if err1 != nil || err2 != nil {
			return
		}
		c := newClassifier(context.Background(), old, partsOf(cur))
		for n := range cur.objs {
			if !cur.streams[n] { // a stream's bytes are compared through qpdf
				c.object(n)
			}
		}
		for k := range c.kinds {
			if !slices.Contains(known, k) {
				t.Fatalf("kind %q", k)
			}
		}
	})
}
