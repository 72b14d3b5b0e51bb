package signature

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
)

// timeStamped returns the PDF at path, made by signed in dir, with a
// document time stamp appended: a signature field whose value is an RFC
// 3161 token from a time-stamping authority under signed's CA, over the
// file's bytes but the token's place; with wrong, over other bytes.
func timeStamped(t *testing.T, path, dir string, wrong bool) string {
	t.Helper()
	run := func(args ...string) { t.Helper(); runIn(t, dir, "openssl", args...) }
	if _, err := os.Stat(filepath.Join(dir, "tsa.pem")); err != nil {
		run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=Vanthu Test TSA/O=Vanthu")
		os.WriteFile(filepath.Join(dir, "tsaext"), []byte("keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n"), 0o644)
		run("x509", "-req", "-in", "tsa.csr", "-CA", "int.pem", "-CAkey", "int.key", "-CAcreateserial", "-out", "tsa.pem", "-days", "30", "-extfile", "tsaext")
		os.WriteFile(filepath.Join(dir, "tsa.cnf"), []byte("[ tsa ]\ndefault_tsa = t\n[ t ]\nserial = ./tsaserial\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\ness_cert_id_alg = sha256\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "tsaserial"), []byte("01\n"), 0o644)
	}

	// The field and its value, in the form's /Fields, with room for the
	// token and the byte ranges written once the file is laid out.
	trailer := showObject(t, path, -1)
	root, size := trailerInt(trailer, "/Root"), trailerInt(trailer, "/Size")
	catalog := showObject(t, path, root)
	objs := map[int]string{
		size:     fmt.Sprintf("<< /FT /Sig /T (Dau thoi gian) /V %d 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 >>", size+1),
		size + 1: "<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 0000000000 0000000000 0000000000] /Contents <" + strings.Repeat("0", 16384) + "> >>",
	}
	field := fmt.Sprintf(" %d 0 R ]", size)
	fields := regexp.MustCompile(`/Fields \[[^\]]*\]`)
	if m := regexp.MustCompile(`/AcroForm (\d+) 0 R`).FindStringSubmatch(catalog); m != nil {
		n := 0
		fmt.Sscan(m[1], &n)
		objs[n] = fields.ReplaceAllStringFunc(showObject(t, path, n), func(f string) string { return strings.TrimSuffix(f, "]") + field })
	} else {
		objs[root] = fields.ReplaceAllStringFunc(catalog, func(f string) string { return strings.TrimSuffix(f, "]") + field })
	}
	revised := revise(t, path, objs, "")
	b, err := os.ReadFile(revised)
	if err != nil {
		t.Fatal(err)
	}
	placeholder := []byte("/ByteRange [0 0000000000 0000000000 0000000000]")
	at := bytes.Index(b, placeholder)
	c0 := bytes.Index(b[at:], []byte("/Contents <")) + at + len("/Contents ")
	c1 := bytes.IndexByte(b[c0:], '>') + c0 + 1
	copy(b[at:], fmt.Sprintf("/ByteRange [0 %010d %010d %010d]", c0, c1, len(b)-c1))

	covered := append(append([]byte{}, b[:c0]...), b[c1:]...)
	if wrong {
		covered = append(covered, "and more"...)
	}
	os.WriteFile(filepath.Join(dir, "covered"), covered, 0o644)
	run("ts", "-query", "-data", "covered", "-sha256", "-cert", "-out", "q.tsq")
	run("ts", "-reply", "-config", "tsa.cnf", "-queryfile", "q.tsq", "-signer", "tsa.pem", "-inkey", "tsa.key", "-chain", "int.pem", "-token_out", "-out", "token.der")
	token, err := os.ReadFile(filepath.Join(dir, "token.der"))
	if err != nil {
		t.Fatal(err)
	}
	copy(b[c0+1:], hex.EncodeToString(token))
	out := filepath.Join(t.TempDir(), "time-stamped.pdf")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// A document time stamp (PAdES's archive time stamp) added after a
// signature: listed with its authority and its time, verified though
// pdfsig does not, read as validation data, with no warning; one over
// other bytes is not intact and is warned of; its chain is checked like a
// signature's.
func TestDocumentTimeStamp(t *testing.T) {
	pdf, roots := signed(t)
	dir := filepath.Dir(pdf)
	stamped := timeStamped(t, pdf, dir, false)

	var v Verifier
	sigs, err := v.Verify(context.Background(), stamped)
	if err != nil || len(sigs) != 2 {
		t.Fatalf("%v, %+v", err, sigs)
	}
	first, ts := sigs[0], sigs[1]
	if first.TimeStamp || !slices.Equal(first.AddedAfter, []string{vanthu.AddedValidation}) {
		t.Errorf("the signature: time stamp %v, added after it %q; want false, [validation]", first.TimeStamp, first.AddedAfter)
	}
	at, err := time.Parse(time.RFC3339, ts.SignedAt)
	if !ts.TimeStamp || !ts.Intact || ts.Error != "" || ts.Signer != "Vanthu Test TSA" || err != nil || time.Since(at).Abs() > time.Hour {
		t.Errorf("the time stamp: %+v; want a time stamp of Vanthu Test TSA, intact, at the time it was made", ts)
	}
	if w := Warnings(sigs); len(w) != 0 {
		t.Errorf("warnings for a signature and a time stamp after it: %q", w)
	}
	if n := Note(sigs); !strings.Contains(n, ", dấu thời gian của Vanthu Test TSA (Vanthu) lúc ") || !strings.HasSuffix(n, ": nguyên vẹn, chưa kiểm tra chứng thư số") {
		t.Errorf("register note %q", n)
	}

	sigs, err = New(Config{TrustRoots: roots}).Verify(context.Background(), stamped)
	if err != nil || len(sigs) != 2 || sigs[1].Trusted == nil || !*sigs[1].Trusted {
		t.Errorf("the time stamp's chain to the root: %v, %+v", err, sigs)
	}

	sigs, err = v.Verify(context.Background(), timeStamped(t, pdf, dir, true))
	if err != nil || len(sigs) != 2 {
		t.Fatalf("%v, %+v", err, sigs)
	}
	if ts := sigs[1]; !ts.TimeStamp || ts.Intact || !strings.Contains(ts.Error, "does not verify") {
		t.Errorf("a time stamp over other bytes: %+v; want not intact", ts)
	}
	if w := strings.Join(Warnings(sigs), "\n"); !strings.Contains(w, "Dấu thời gian của Vanthu Test TSA không hợp lệ (time stamp does not verify") {
		t.Errorf("warnings %q: want the time stamp invalid", w)
	}
}
