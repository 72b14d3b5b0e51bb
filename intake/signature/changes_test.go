package signature

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
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

// pageOne returns the number of page 1's object in the PDF at path, and
// its dictionary.
func pageOne(t *testing.T, path string) (int, string) {
	t.Helper()
	pages, err := exec.Command("qpdf", "--show-pages", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := pageRef.FindStringSubmatch(string(pages))
	if m == nil {
		t.Fatalf("no page 1 in %s", path)
	}
	n, _ := strconv.Atoi(m[1])
	return n, showObject(t, path, n)
}

// withKey returns dict with key (and its value) added before its closing >>.
func withKey(dict, key string) string {
	i := strings.LastIndex(dict, ">>")
	return dict[:i] + key + " " + dict[i:]
}

// comment returns the objects of a revision of the PDF at path that lays
// a comment on page 1: the comment, and page 1's /Annots list, held apart
// or in the page, with it added.
func comment(t *testing.T, path string) map[int]string {
	t.Helper()
	size := trailerInt(showObject(t, path, -1), "/Size")
	page, pageDict := pageOne(t, path)
	note := fmt.Sprintf("%d 0 R", size)
	objs := map[int]string{size: "<< /Type /Annot /Subtype /Text /Rect [50 50 70 70] /Contents (Da xem) >>"}
	if m := regexp.MustCompile(`/Annots (\d+) 0 R`).FindStringSubmatch(pageDict); m != nil {
		n, _ := strconv.Atoi(m[1])
		list := showObject(t, path, n)
		objs[n] = strings.TrimSuffix(list, "]") + " " + note + " ]"
	} else if m := regexp.MustCompile(`/Annots \[([^\]]*)\]`).FindStringSubmatchIndex(pageDict); m != nil {
		objs[page] = pageDict[:m[3]] + " " + note + pageDict[m[3]:]
	} else {
		objs[page] = withKey(pageDict, "/Annots ["+note+"]")
	}
	return objs
}

// signAgain signs the PDF at path with the signer of the NSS database in
// dir/db (signed's) and returns the file signed.
func signAgain(t *testing.T, dir, path string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "signed-again.pdf")
	cmd := exec.Command("pdfsig", "-nssdir", "sql:db", "-add-signature", "-nick", "signer", path, out)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdfsig -add-signature: %v\n%s", err, b)
	}
	return out
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
	page, pageDict := pageOne(t, pdf)
	content, _ := strconv.Atoi(regexp.MustCompile(`/Contents (\d+) 0 R`).FindStringSubmatch(pageDict)[1])
	der, err := exec.Command("openssl", "x509", "-in", filepath.Join(dir, "ca.pem"), "-outform", "DER").Output()
	if err != nil {
		t.Fatal(err)
	}

	resized := revise(t, pdf, map[int]string{
		page: regexp.MustCompile(`/MediaBox \[[^\]]*\]`).ReplaceAllString(pageDict, "/MediaBox [ 0 0 300 300 ]"),
	}, "")

	for _, c := range []struct {
		name    string
		file    string
		first   []string // AddedAfter of the first signature
		warning string   // in the warnings; "" for none
	}{
		{"signed again", signAgain(t, dir, pdf), []string{vanthu.AddedSignature}, ""},
		{"validation data added (PAdES LTV)", revise(t, pdf, map[int]string{
			size:     fmt.Sprintf("<< /Certs [%d 0 R] >>", size+1),
			size + 1: fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(der), der),
			root:     withKey(catalog, fmt.Sprintf("/DSS %d 0 R", size)),
		}, ""), []string{vanthu.AddedValidation}, ""},
		{"a comment laid on the page", revise(t, pdf, comment(t, pdf), ""), []string{vanthu.AddedAnnotations}, "chú thích trên trang"},
		{"the page's size changed", resized, []string{vanthu.AddedContent}, "nội dung văn bản"},
		// The second signer signed a page the first did not: the file is
		// as the last signature left it, the first signature's page is not.
		{"the page's size changed, then signed again", signAgain(t, dir, resized),
			[]string{vanthu.AddedSignature, vanthu.AddedContent}, "thay đổi sau chữ ký của Ủy ban nhân dân tỉnh Thử"},
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
// first, and reads what its signatures certify: no input panics, and
// every kind told is one of five.
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
		describe(cur, int64(len(after)), []vanthu.Signature{{}, {UnsignedBytes: 1}})
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

// A real file certified to allow filling in its form and signing (as the
// province's gazette certifies what it publishes): signing it again is
// allowed; a comment laid on it is not, and the clerk is told so even when
// a later signature covers the comment.
func TestCertification(t *testing.T) {
	var certified string
	for _, f := range realDocuments(t) {
		if _, p := certifier(t, f); p == vanthu.CertifyForms {
			certified = f
			break
		}
	}
	if certified == "" {
		t.Skip("no real document certified to allow filling in forms and signing")
	}
	pdf, _ := signed(t)
	dir := filepath.Dir(pdf)
	commented := revise(t, certified, comment(t, certified), "")
	for _, c := range []struct {
		name    string
		file    string
		first   []string // AddedAfter of the certifying signature
		warning string   // in the warnings; "" for none
	}{
		{"as issued", certified, nil, ""},
		{"signed again", signAgain(t, dir, certified), []string{vanthu.AddedSignature}, ""},
		{"a comment laid on it", commented, []string{vanthu.AddedAnnotations}, "Chữ ký chứng thực"},
		{"a comment laid on it, then signed again", signAgain(t, dir, commented),
			[]string{vanthu.AddedSignature, vanthu.AddedAnnotations}, "chỉ cho phép điền biểu mẫu và ký thêm, nhưng sau khi ký tệp có thay đổi về chú thích trên trang"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var v Verifier
			sigs, err := v.Verify(context.Background(), c.file)
			if err != nil || len(sigs) == 0 {
				t.Fatalf("%v, %+v", err, sigs)
			}
			first := sigs[0]
			if !first.Intact || first.Certification != vanthu.CertifyForms {
				t.Errorf("intact %v, certification %d: want true, %d", first.Intact, first.Certification, vanthu.CertifyForms)
			}
			for _, s := range sigs[1:] {
				if s.Certification != 0 {
					t.Errorf("a later signature certifies: %d", s.Certification)
				}
			}
			if !slices.Equal(first.AddedAfter, c.first) {
				t.Errorf("added after the certifying signature %q, want %q", first.AddedAfter, c.first)
			}
			w := strings.Join(Warnings(sigs), "\n")
			if c.warning == "" && w != "" || !strings.Contains(w, c.warning) {
				t.Errorf("warnings %q, want %q", w, c.warning)
			}
		})
	}
}

// What each certification allows after it: validation data and the file's
// description always; signatures from form filling up; comments only
// where it allows them; content never.
func TestForbidden(t *testing.T) {
	all := []string{vanthu.AddedSignature, vanthu.AddedValidation, vanthu.AddedAnnotations, vanthu.AddedInfo, vanthu.AddedContent}
	for _, c := range []struct {
		certification int
		want          []string
	}{
		{0, nil},
		{vanthu.CertifyNoChanges, []string{vanthu.AddedSignature, vanthu.AddedAnnotations, vanthu.AddedContent}},
		{vanthu.CertifyForms, []string{vanthu.AddedAnnotations, vanthu.AddedContent}},
		{vanthu.CertifyAnnotations, []string{vanthu.AddedContent}},
	} {
		if got := Forbidden(vanthu.Signature{Certification: c.certification, AddedAfter: all}); !slices.Equal(got, c.want) {
			t.Errorf("certification %d forbids %q, want %q", c.certification, got, c.want)
		}
	}
}

// A document time stamp (PAdES's archive time stamp) added after a
// signature is validation data, as a DSS is, not a signature: no one
// signs it, and a certification that allows no changes allows it.
func TestTimeStampIsValidation(t *testing.T) {
	old, err := parseRevision([]byte(`{"qpdf":[{},{
		"obj:1 0 R":{"value":{"/Type":"/Catalog","/Pages":"2 0 R","/AcroForm":{"/Fields":["4 0 R"]}}},
		"obj:2 0 R":{"value":{"/Type":"/Pages","/Kids":["3 0 R"]}},
		"obj:3 0 R":{"value":{"/Type":"/Page","/Parent":"2 0 R","/Annots":["4 0 R"]}},
		"obj:4 0 R":{"value":{"/FT":"/Sig","/Subtype":"/Widget","/V":"5 0 R","/P":"3 0 R"}},
		"obj:5 0 R":{"value":{"/Type":"/Sig","/ByteRange":[0,10,20,30],"/Reference":[{"/TransformMethod":"/DocMDP","/TransformParams":{"/P":1}}]}},
		"trailer":{"value":{"/Root":"1 0 R"}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	cur, err := parseRevision([]byte(`{"qpdf":[{},{
		"obj:1 0 R":{"value":{"/Type":"/Catalog","/Pages":"2 0 R","/AcroForm":{"/Fields":["4 0 R","6 0 R"]}}},
		"obj:2 0 R":{"value":{"/Type":"/Pages","/Kids":["3 0 R"]}},
		"obj:3 0 R":{"value":{"/Type":"/Page","/Parent":"2 0 R","/Annots":["4 0 R","6 0 R"]}},
		"obj:4 0 R":{"value":{"/FT":"/Sig","/Subtype":"/Widget","/V":"5 0 R","/P":"3 0 R"}},
		"obj:5 0 R":{"value":{"/Type":"/Sig","/ByteRange":[0,10,20,30],"/Reference":[{"/TransformMethod":"/DocMDP","/TransformParams":{"/P":1}}]}},
		"obj:6 0 R":{"value":{"/FT":"/Sig","/Subtype":"/Widget","/V":"7 0 R","/P":"3 0 R","/AP":{"/N":"8 0 R"}}},
		"obj:7 0 R":{"value":{"/Type":"/DocTimeStamp","/SubFilter":"/ETSI.RFC3161","/ByteRange":[0,60,80,40]}},
		"obj:8 0 R":{"stream":{"dict":{"/Subtype":"/Form"}}},
		"trailer":{"value":{"/Root":"1 0 R"}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	sigs := []vanthu.Signature{{UnsignedBytes: 70}, {}}
	describe(cur, 120, sigs)
	if sigs[0].Certification != vanthu.CertifyNoChanges || sigs[1].Certification != 0 {
		t.Errorf("certifications %d, %d: want %d, 0", sigs[0].Certification, sigs[1].Certification, vanthu.CertifyNoChanges)
	}
	c := newClassifier(context.Background(), old, partsOf(cur))
	for _, n := range []int{1, 3, 6, 7, 8} {
		c.object(n)
	}
	if want := map[string]bool{vanthu.AddedValidation: true}; !reflect.DeepEqual(c.kinds, want) {
		t.Errorf("a document time stamp added: %v, want %v", c.kinds, want)
	}
}
