package signature

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
)

// runIn runs the command name with args in dir, and fails the test if it
// fails.
func runIn(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// signed makes a root CA and a signer certificate with openssl, signs
// ../../testdata/scans/congvan-2p.pdf with pdfsig, and returns the signed
// file and a folder holding the root's PEM.
func signed(t *testing.T) (pdf, roots string) {
	t.Helper()
	dir := t.TempDir()
	run := func(name string, args ...string) { t.Helper(); runIn(t, dir, name, args...) }
	run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30",
		"-subj", "/CN=Vanthu Test Root/O=Vanthu", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
	// An intermediate CA under the root signs the signer's certificate, as
	// the government's root does through its CA for state bodies.
	run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "int.key", "-out", "int.csr", "-subj", "/CN=Vanthu Test CA/O=Vanthu")
	os.WriteFile(filepath.Join(dir, "intext"), []byte("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"), 0o644)
	run("openssl", "x509", "-req", "-in", "int.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "int.pem", "-days", "30", "-extfile", "intext")
	run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-utf8",
		"-subj", "/CN=Ủy ban nhân dân tỉnh Thử/O=Tỉnh Thử/C=VN")
	os.WriteFile(filepath.Join(dir, "ext"), []byte("keyUsage=critical,digitalSignature,nonRepudiation\n"), 0o644)
	run("openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "int.pem", "-CAkey", "int.key", "-CAcreateserial", "-out", "leaf.pem", "-days", "30", "-extfile", "ext")
	chain, _ := os.ReadFile(filepath.Join(dir, "int.pem"))
	root, _ := os.ReadFile(filepath.Join(dir, "ca.pem"))
	os.WriteFile(filepath.Join(dir, "chain.pem"), append(chain, root...), 0o644)
	run("openssl", "pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.pem", "-certfile", "chain.pem", "-name", "signer", "-out", "leaf.p12", "-passout", "pass:")
	os.Mkdir(filepath.Join(dir, "db"), 0o700)
	run("certutil", "-N", "-d", "sql:db", "--empty-password")
	run("pk12util", "-i", "leaf.p12", "-d", "sql:db", "-W", "")
	src, _ := filepath.Abs("../../testdata/scans/congvan-2p.pdf")
	run("pdfsig", "-nssdir", "sql:db", "-add-signature", "-nick", "signer", src, "signed.pdf")
	roots = filepath.Join(dir, "roots")
	os.Mkdir(roots, 0o755)
	ca, _ := os.ReadFile(filepath.Join(dir, "ca.pem"))
	os.WriteFile(filepath.Join(roots, "ca.pem"), ca, 0o644)
	return filepath.Join(dir, "signed.pdf"), roots
}

func TestVerifySigned(t *testing.T) {
	pdf, _ := signed(t)
	var v Verifier
	sigs, err := v.Verify(context.Background(), pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(sigs) != 1 {
		t.Fatalf("%d signatures, want 1: %+v", len(sigs), sigs)
	}
	s := sigs[0]
	if s.Signer != "Ủy ban nhân dân tỉnh Thử" || s.Organization != "Tỉnh Thử" {
		t.Errorf("signer %q, organisation %q", s.Signer, s.Organization)
	}
	if !s.Intact || !s.CoversWholeFile || s.UnsignedBytes != 0 {
		t.Errorf("a fresh signature: intact %v, covers %v, unsigned %d", s.Intact, s.CoversWholeFile, s.UnsignedBytes)
	}
	if s.Trusted != nil {
		t.Errorf("no trust roots configured, but trusted = %v: must be null (not checked)", *s.Trusted)
	}
	at, err := time.Parse(time.RFC3339, s.SignedAt)
	if err != nil || time.Since(at) > time.Hour || time.Since(at) < -time.Minute {
		t.Errorf("signed_at %q: want the time of signing, RFC 3339 (%v)", s.SignedAt, err)
	}
	if w := Warnings(sigs); len(w) != 0 {
		t.Errorf("warnings for an intact file: %q", w)
	}
	// The register's note: who, for whom, when, and the verdict.
	if n := Note(sigs); !strings.HasPrefix(n, "Ký số: Ủy ban nhân dân tỉnh Thử (Tỉnh Thử) lúc "+at.In(vanthu.VietnamTime).Format("15:04 02/01/2006")) ||
		!strings.HasSuffix(n, ": nguyên vẹn, chưa kiểm tra chứng thư số") {
		t.Errorf("register note %q", n)
	}
}

func TestVerifyModified(t *testing.T) {
	pdf, _ := signed(t)
	b, _ := os.ReadFile(pdf)

	// Bytes appended after signing: the signature still verifies, but no
	// longer covers the file, and the clerk is told.
	appended := filepath.Join(t.TempDir(), "appended.pdf")
	os.WriteFile(appended, append(append([]byte{}, b...), []byte("\n% added after signing\n")...), 0o644)
	var v Verifier
	sigs, err := v.Verify(context.Background(), appended)
	if err != nil || len(sigs) != 1 {
		t.Fatalf("%v, %+v", err, sigs)
	}
	if sigs[0].CoversWholeFile || sigs[0].UnsignedBytes != 23 {
		t.Errorf("covers %v, unsigned %d; want false, 23", sigs[0].CoversWholeFile, sigs[0].UnsignedBytes)
	}
	if w := strings.Join(Warnings(sigs), "\n"); !strings.Contains(w, "sửa đổi sau khi ký") {
		t.Errorf("warnings %q: want modified after signing", w)
	}

	// A byte of the signed content changed: the digest no longer matches.
	i := bytes.Index(b, []byte("/MediaBox"))
	if i < 0 {
		t.Fatal("no /MediaBox to change")
	}
	changed := append([]byte{}, b...)
	changed[i+1] = 'm'
	tampered := filepath.Join(t.TempDir(), "tampered.pdf")
	os.WriteFile(tampered, changed, 0o644)
	sigs, err = v.Verify(context.Background(), tampered)
	if err != nil || len(sigs) != 1 {
		t.Fatalf("%v, %+v", err, sigs)
	}
	if sigs[0].Intact {
		t.Error("a changed byte inside the signed range: intact is true")
	}
	if w := strings.Join(Warnings(sigs), "\n"); !strings.Contains(w, "không hợp lệ") {
		t.Errorf("warnings %q: want the signature invalid", w)
	}
}

func TestVerifyTrustRoots(t *testing.T) {
	pdf, roots := signed(t)
	// The signer's own root in the store, or only the CA under it that
	// issued the signer's certificate: the chain reaches it, through the
	// certificates the signature carries, and the verdict is true.
	intermediate := t.TempDir()
	ca, _ := os.ReadFile(filepath.Join(filepath.Dir(pdf), "int.pem"))
	os.WriteFile(filepath.Join(intermediate, "ca.pem"), ca, 0o644)
	for _, dir := range []string{roots, intermediate} {
		sigs, err := New(Config{TrustRoots: dir}).Verify(context.Background(), pdf)
		if err != nil || len(sigs) != 1 {
			t.Fatalf("%v, %+v", err, sigs)
		}
		if s := sigs[0]; s.Trusted == nil || !*s.Trusted || s.Error != "" {
			t.Errorf("trusting %s: trusted %v, error %q; want true", filepath.Base(dir), s.Trusted, s.Error)
		}
		if w := Warnings(sigs); len(w) != 0 {
			t.Errorf("warnings for a trusted chain: %q", w)
		}
		if n := Note(sigs); !strings.HasSuffix(n, ": nguyên vẹn, chứng thư số tin cậy") {
			t.Errorf("register note %q, want the chain trusted", n)
		}
	}
	// A store of another root: the chain does not reach it.
	other := t.TempDir()
	_, otherRoots := signed(t)
	ca, _ = os.ReadFile(filepath.Join(otherRoots, "ca.pem"))
	os.WriteFile(filepath.Join(other, "other.pem"), ca, 0o644)
	sigs, err := New(Config{TrustRoots: other}).Verify(context.Background(), pdf)
	if err != nil || len(sigs) != 1 || sigs[0].Trusted == nil {
		t.Fatalf("%v, %+v", err, sigs)
	}
	if *sigs[0].Trusted || !strings.Contains(sigs[0].Error, "unknown authority") {
		t.Errorf("signed under one root, a store holding only another: trusted %v, error %q", *sigs[0].Trusted, sigs[0].Error)
	}
	if len(Warnings(sigs)) == 0 {
		t.Error("an untrusted chain gives the clerk no warning")
	}
	if n := Note(sigs); !strings.HasSuffix(n, "có chứng thư số không tin cậy") {
		t.Errorf("register note %q, want the chain untrusted", n)
	}
	// A folder without certificates is a configuration error, said once.
	empty := New(Config{TrustRoots: t.TempDir()})
	if err := empty.Ready(); err == nil {
		t.Error("an empty trust-roots folder ready")
	}
	if _, err := empty.Verify(context.Background(), pdf); err == nil {
		t.Error("an empty trust-roots folder accepted")
	}
	if err := New(Config{}).Ready(); err != nil {
		t.Errorf("no trust roots: %v", err)
	}
}

func TestVerifyUnsigned(t *testing.T) {
	var v Verifier
	sigs, err := v.Verify(context.Background(), "../../testdata/scans/congvan-2p.pdf")
	if err != nil || len(sigs) != 0 {
		t.Errorf("unsigned file: %v, %+v", err, sigs)
	}
}

// realDocuments returns the real documents' files, or skips the test.
func realDocuments(t *testing.T) []string {
	t.Helper()
	dir := os.Getenv("VANTHU_SHARED")
	if dir == "" {
		dir = "../../../shared"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "real", "docs", "*.pdf"))
	if len(files) == 0 {
		t.Skipf("no real documents under %s/real/docs", dir)
	}
	return files
}

// certifier returns where the byte ranges of the signature that certifies
// the PDF at path end, and its DocMDP permissions, as the catalog's
// /Perms points to it; 0, 0 for a file no signature certifies.
func certifier(t *testing.T, path string) (end int64, p int) {
	t.Helper()
	catalog := showObject(t, path, trailerInt(showObject(t, path, -1), "/Root"))
	m := regexp.MustCompile(`/DocMDP (\d+) 0 R`).FindStringSubmatch(catalog)
	if m == nil {
		return 0, 0
	}
	n, _ := strconv.Atoi(m[1])
	sig := showObject(t, path, n)
	br := regexp.MustCompile(`/ByteRange \[ *\d+ \d+ (\d+) (\d+) *\]`).FindStringSubmatch(sig)
	pm := regexp.MustCompile(`/P (\d)`).FindStringSubmatch(sig)
	if br == nil || pm == nil {
		t.Fatalf("%s: the certifying signature %d: no /ByteRange or /P: %s", path, n, sig)
	}
	off, _ := strconv.ParseInt(br[1], 10, 64)
	size, _ := strconv.ParseInt(br[2], 10, 64)
	p, _ = strconv.Atoi(pm[1])
	return off + size, p
}

// The real documents: every signature pdfsig lists is there, with its
// signer, intact, and with the time pdfsig states (pdfsig drops the zone
// the signature gives; signed_at keeps it); the one the catalog names as
// certifying the file has its permissions.
func TestVerifyRealDocuments(t *testing.T) {
	files := realDocuments(t)
	var v Verifier
	name := regexp.MustCompile(`Signer Certificate Common Name: (.*)`)
	when := regexp.MustCompile(`Signing Time: (.*)`)
	for _, f := range files {
		out, _ := exec.Command("pdfsig", "-nocert", "-no-ocsp", f).Output()
		names, times := name.FindAllStringSubmatch(string(out), -1), when.FindAllStringSubmatch(string(out), -1)
		sigs, err := v.Verify(context.Background(), f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if len(sigs) != len(names) || len(sigs) == 0 {
			t.Errorf("%s: %d signatures, pdfsig lists %d", filepath.Base(f), len(sigs), len(names))
			continue
		}
		raw, _ := os.ReadFile(f)
		certEnd, certP := certifier(t, f)
		for i, s := range sigs {
			if end := int64(len(raw)) - s.UnsignedBytes; end == certEnd && s.Certification != certP || end != certEnd && s.Certification != 0 {
				t.Errorf("%s #%d: certification %d; the catalog's /Perms: %d ending at %d", filepath.Base(f), i+1, s.Certification, certP, certEnd)
			}
			at, err := time.Parse(time.RFC3339, s.SignedAt)
			// The same moment: on the signature's clock or in UTC, within
			// the second or two between its two records of the time.
			p, _ := time.Parse(pdfsigTime, times[i][1])
			clock, _ := time.Parse(pdfsigTime, at.Format(pdfsigTime))
			same := p.Sub(clock).Abs() <= 2*time.Second || p.Sub(at).Abs() <= 2*time.Second
			if err != nil || s.Signer != names[i][1] || !same {
				t.Errorf("%s #%d: %q at %q; pdfsig: %q at %q", filepath.Base(f), i+1, s.Signer, s.SignedAt, names[i][1], times[i][1])
			}
			if !s.Intact || s.Trusted != nil {
				t.Errorf("%s #%d: intact %v, trusted %v", filepath.Base(f), i+1, s.Intact, s.Trusted)
			}
			// What follows an earlier signature is the later one (and the
			// file's description its software updates), never content.
			if !s.CoversWholeFile && (!slices.Contains(s.AddedAfter, vanthu.AddedSignature) || slices.Contains(s.AddedAfter, vanthu.AddedContent)) {
				t.Errorf("%s #%d: added after it %q, want a signature and no content", filepath.Base(f), i+1, s.AddedAfter)
			}
		}
		if w := Warnings(sigs); len(w) != 0 {
			t.Errorf("%s: warnings for a file as the agency issued it: %q", filepath.Base(f), w)
		}
		// The register's note names every signer pdfsig lists.
		note := Note(sigs)
		for _, n := range names {
			if !strings.Contains(note, n[1]) {
				t.Errorf("%s: the register's note %q lacks %q", filepath.Base(f), note, n[1])
			}
		}
	}
}

// The register's note names signatures one after another by the same
// signer in the same minute once, with their count.
func TestNoteCountsRepeats(t *testing.T) {
	yes := true
	office := vanthu.Signature{Signer: "Ủy ban nhân dân tỉnh Thử", Organization: "Tỉnh Thử", SignedAt: "2025-01-24T16:47:10+07:00", Intact: true, Trusted: &yes}
	later := office
	later.SignedAt = "2025-01-24T16:47:40+07:00"
	person := vanthu.Signature{Signer: "Nguyễn Văn An", Organization: "Ủy ban nhân dân tỉnh Thử", SignedAt: "2025-01-24T08:47:00Z", Intact: true, Trusted: &yes}
	got := Note([]vanthu.Signature{person, office, later, office})
	want := "Ký số: Nguyễn Văn An (Ủy ban nhân dân tỉnh Thử) lúc 15:47 24/01/2025, Ủy ban nhân dân tỉnh Thử (Tỉnh Thử) lúc 16:47 24/01/2025 (3 chữ ký): nguyên vẹn, chứng thư số tin cậy"
	if got != want {
		t.Errorf("note\n%q, want\n%q", got, want)
	}
}

// The chains of the real documents' signatures, against a store that
// holds another root: each signature's own certificate (its signer's) is
// read from its CMS, PKCS#7 or CAdES, and found not to reach the store.
func TestTrustRealDocuments(t *testing.T) {
	files := realDocuments(t)
	_, roots := signed(t)
	v := New(Config{TrustRoots: roots})
	n := 0
	for _, f := range files {
		sigs, err := v.Verify(context.Background(), f)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		for i, s := range sigs {
			n++
			if s.Trusted == nil || *s.Trusted || !s.Intact || !strings.Contains(s.Error, "unknown authority") {
				t.Errorf("%s #%d (%s): intact %v, trusted %v, error %q; want intact, untrusted: unknown authority", filepath.Base(f), i+1, s.Signer, s.Intact, s.Trusted, s.Error)
			}
		}
	}
	t.Logf("%d signatures in %d files", n, len(files))
}

func TestDNValue(t *testing.T) {
	dn := `E=ttcbth@quangngai.gov.vn,UID=MST:4300476238,CN=TRUNG TÂM CÔNG BÁO VÀ TIN HỌC,OU=VĂN PHÒNG,O=ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI,L=Quảng Ngãi,C=VN`
	if got := DNValue(dn, "O"); got != "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" {
		t.Errorf("O = %q", got)
	}
	if got := DNValue(`CN=Sở A\, B,O="Công ty X, Y"`, "O"); got != "Công ty X, Y" {
		t.Errorf("quoted O = %q", got)
	}
	if got := DNValue(`CN=Sở A\, B,O=Z`, "CN"); got != "Sở A, B" {
		t.Errorf("escaped CN = %q", got)
	}
}

func FuzzParseReport(f *testing.F) {
	f.Add([]byte("Signature #1:\n  - Signed Ranges: [0 - 10], [20 - 30]\n  - Signing Time: Jan 07 2025 03:09:57\n"), []byte("0123456789/M(D:20250107100957+07'00')xxxxxxxxxxxxxxxxxxxx"))
	f.Fuzz(func(t *testing.T, report, raw []byte) {
		sigs, _ := parseReport(report, raw)
		for _, s := range sigs {
			if s.UnsignedBytes < 0 {
				t.Fatal("negative unsigned bytes")
			}
		}
		DNValue(string(report), "O")
	})
}

// A signature whose CMS carries no certificate that can be read is not
// trusted, and says why.
func TestChainUnreadable(t *testing.T) {
	_, roots := signed(t)
	pool, err := New(Config{TrustRoots: roots}).roots()
	if err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(t.TempDir(), "f.pdf.sig0")
	os.WriteFile(garbage, []byte("0\x82\x01\x00not a CMS"), 0o644)
	s := vanthu.Signature{Signer: "Ủy ban nhân dân tỉnh Thử"}
	if err := checkChain(context.Background(), garbage, &s, pool, nil); err == nil || !strings.Contains(err.Error(), "certificate unreadable") {
		t.Errorf("a CMS of garbage: %v, want certificate unreadable", err)
	}
	// A certificate whose DER is cut short, among the PEM a CMS gives.
	ca, _ := os.ReadFile(filepath.Join(roots, "ca.pem"))
	blk, _ := pem.Decode(ca)
	cut := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: blk.Bytes[:len(blk.Bytes)/2]})
	if certs, bad := pemCerts(append(cut, ca...)); len(certs) != 1 || bad == nil {
		t.Errorf("a cut certificate beside a whole one: %d read, error %v; want 1 and an error", len(certs), bad)
	}
}

// A signature that carries its signer's certificate only, as the real
// documents' do, reaches the root through the CA certificate a file keeps
// in its DSS (PAdES's long-term validation data), as Adobe Reader's "LTV
// enabled" files keep it; without it, the chain stops at the signer.
func TestChainThroughDSS(t *testing.T) {
	pdf, roots := signed(t)
	dir := filepath.Dir(pdf)
	run := func(name string, args ...string) { t.Helper(); runIn(t, dir, name, args...) }
	// The same signer, from a database that holds no CA: pdfsig puts the
	// signer's certificate alone in the signature.
	run("openssl", "pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.pem", "-name", "signer", "-out", "alone.p12", "-passout", "pass:")
	os.Mkdir(filepath.Join(dir, "alone"), 0o700)
	run("certutil", "-N", "-d", "sql:alone", "--empty-password")
	run("pk12util", "-i", "alone.p12", "-d", "sql:alone", "-W", "")
	src, _ := filepath.Abs("../../testdata/scans/congvan-2p.pdf")
	run("pdfsig", "-nssdir", "sql:alone", "-add-signature", "-nick", "signer", src, "alone.pdf")
	alone := filepath.Join(dir, "alone.pdf")

	trailer := showObject(t, alone, -1)
	root, size := trailerInt(trailer, "/Root"), trailerInt(trailer, "/Size")
	blk, _ := pem.Decode(must(os.ReadFile(filepath.Join(dir, "int.pem"))))
	ltv := revise(t, alone, map[int]string{
		size:     fmt.Sprintf("<< /Certs [%d 0 R] >>", size+1),
		size + 1: fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(blk.Bytes), blk.Bytes),
		root:     withKey(showObject(t, alone, root), fmt.Sprintf("/DSS %d 0 R", size)),
	}, "")

	v := New(Config{TrustRoots: roots})
	for _, c := range []struct {
		file    string
		trusted bool
	}{{alone, false}, {ltv, true}} {
		sigs, err := v.Verify(context.Background(), c.file)
		if err != nil || len(sigs) == 0 || sigs[0].Trusted == nil {
			t.Fatalf("%s: %v, %+v", filepath.Base(c.file), err, sigs)
		}
		if s := sigs[0]; *s.Trusted != c.trusted {
			t.Errorf("%s: trusted %v (%s), want %v", filepath.Base(c.file), *s.Trusted, s.Error, c.trusted)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// A signature made when its certificate had expired is not trusted, and
// says so.
func TestChainExpiredWhenSigned(t *testing.T) {
	pdf, roots := signed(t)
	dir := filepath.Dir(pdf)
	blk, _ := pem.Decode(must(os.ReadFile(filepath.Join(dir, "int.pem"))))
	issuer := must(x509.ParseCertificate(blk.Bytes))
	blk, _ = pem.Decode(must(os.ReadFile(filepath.Join(dir, "int.key"))))
	issuerKey := must(x509.ParsePKCS8PrivateKey(blk.Bytes))
	// RSA: pdfsig reserves room for a signature of one length, and an
	// ECDSA signature's length varies.
	key := must(rsa.GenerateKey(rand.Reader, 2048))
	der := must(x509.CreateCertificate(rand.Reader, &x509.Certificate{
		SerialNumber: big.NewInt(2020),
		Subject:      pkix.Name{CommonName: "Người ký năm 2020"},
		NotBefore:    time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}, issuer, &key.PublicKey, issuerKey))
	keyDER := must(x509.MarshalPKCS8PrivateKey(key))
	os.WriteFile(filepath.Join(dir, "old.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(filepath.Join(dir, "old.key"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600)
	runIn(t, dir, "openssl", "pkcs12", "-export", "-inkey", "old.key", "-in", "old.pem", "-certfile", "chain.pem", "-name", "old", "-out", "old.p12", "-passout", "pass:")
	runIn(t, dir, "pk12util", "-i", "old.p12", "-d", "sql:db", "-W", "")
	src, _ := filepath.Abs("../../testdata/scans/congvan-2p.pdf")
	runIn(t, dir, "pdfsig", "-nssdir", "sql:db", "-add-signature", "-nick", "old", src, "old.pdf")

	sigs, err := New(Config{TrustRoots: roots}).Verify(context.Background(), filepath.Join(dir, "old.pdf"))
	if err != nil || len(sigs) != 1 || sigs[0].Trusted == nil {
		t.Fatalf("%v, %+v", err, sigs)
	}
	if s := sigs[0]; !s.Intact || *s.Trusted || !strings.Contains(s.Error, "expired") {
		t.Errorf("signed in %s with a certificate that expired in 2020: intact %v, trusted %v, error %q; want intact, untrusted, expired", s.SignedAt[:4], s.Intact, *s.Trusted, s.Error)
	}
}
