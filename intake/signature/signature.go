// Package signature verifies the digital signatures of a received PDF, as
// NĐ 30/2020 asks of the văn thư before an electronic document is
// registered: who signed, when, whether the signed bytes are intact and
// cover the file, and whether the certificate chains to a root the agency
// trusts.
//
// The cryptography is poppler's pdfsig (CMS/PKCS#7, PAdES and CAdES
// digests), run as a child process with a deadline; this package reads its
// report and, for the time zone pdfsig drops, the signature dictionary's
// /M date next to the signed byte ranges. The chain is checked by
// crypto/x509 on the certificates each signature carries (chain.go).
package signature

import (
	"bufio"
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vanthu/vanthu"
)

// Config configures the check.
type Config struct {
	// TrustRoots is a folder of PEM root certificates the agency trusts
	// (such as the government CA). Empty: chains are not checked, and
	// Trusted stays null: "not checked", never "valid".
	TrustRoots string
	// Timeout bounds one file's check; 0 means a minute.
	Timeout time.Duration
}

// Flags registers the config's flags on fs.
func (c *Config) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.TrustRoots, "trust-roots", c.TrustRoots, "folder of PEM root certificates to check signatures' chains against (e.g. the government CA); empty: chains not checked")
}

// Verifier checks signatures with pdfsig. It is safe for concurrent use.
type Verifier struct {
	Config

	once     sync.Once
	pool     *x509.CertPool // TrustRoots, read once
	rootsErr error
}

// New returns a Verifier.
func New(c Config) *Verifier { return &Verifier{Config: c} }

// Ready reads the trust roots, where they are configured, and says what
// is wrong with them: a service refuses to start on roots it cannot use
// rather than leave every signature unchecked.
func (v *Verifier) Ready() error {
	if v.TrustRoots == "" {
		return nil
	}
	_, err := v.roots()
	return err
}

// Verify returns the signatures of the PDF at path, in the order pdfsig
// lists them; none for an unsigned file. An error means the check could not
// be made (pdfsig missing, the file unreadable), not that a signature is
// bad: that is the Signature's verdict.
func (v *Verifier) Verify(ctx context.Context, path string) ([]vanthu.Signature, error) {
	timeout := v.Timeout
	if timeout <= 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var roots *x509.CertPool
	if v.TrustRoots != "" {
		var err error
		if roots, err = v.roots(); err != nil {
			return nil, err
		}
	}
	cmd := exec.CommandContext(ctx, "pdfsig", "-nocert", "-no-ocsp", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	// pdfsig exits 2 for a file without signatures and for one it cannot
	// read; its report tells them apart.
	if err != nil && !strings.Contains(stderr.String(), "does not contain any signatures") && len(out) == 0 {
		return nil, fmt.Errorf("pdfsig: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sigs, ranges := parseReport(out, raw)
	// What a signature certifies, whether it is a document time stamp, and
	// what was changed after it, are told where qpdf can read them; where
	// it cannot (qpdf missing, the revisions unreadable), the bytes after
	// are still counted and warned of.
	cur, _ := revisions(ctx, path, raw, sigs)
	if len(sigs) == 0 || roots == nil && !slices.ContainsFunc(sigs, func(s vanthu.Signature) bool { return s.TimeStamp }) {
		return sigs, nil
	}
	dir, err := dump(ctx, path)
	if err != nil {
		if roots != nil {
			return nil, err
		}
		return sigs, nil // the time stamps stay as pdfsig left them
	}
	defer os.RemoveAll(dir)
	timeStamps(ctx, dir, raw, sigs, ranges)
	if roots != nil {
		checkChains(ctx, dir, sigs, roots, dssCerts(ctx, cur))
	}
	return sigs, nil
}

// Check verifies the PDF at path and returns its signatures with what a
// clerk must be told of them (Warnings). A check that could not be made is
// a warning too, and its error is returned for the log; the signatures are
// then none.
func (v *Verifier) Check(ctx context.Context, path string) ([]vanthu.Signature, []string, error) {
	sigs, err := v.Verify(ctx, path)
	if err != nil {
		return nil, []string{"Chưa kiểm tra được chữ ký số (signatures not checked): " + err.Error()}, err
	}
	return sigs, Warnings(sigs), nil
}

var rangeRe = regexp.MustCompile(`\[(\d+) - (\d+)\]`)

// parseReport reads pdfsig's report on the file raw: the signatures, and
// the byte ranges each signs. The chains are checked apart (checkChains).
func parseReport(report, raw []byte) ([]vanthu.Signature, [][][2]int64) {
	var out []vanthu.Signature
	var signed [][][2]int64
	var ranges [][2]int64 // of the signature being read
	var wall string       // pdfsig's signing time, without its zone
	finish := func() {
		if len(out) == 0 {
			return
		}
		signed = append(signed, ranges)
		s := &out[len(out)-1]
		var dict time.Time
		dictOK := false
		if len(ranges) > 0 {
			end := ranges[len(ranges)-1][1]
			s.UnsignedBytes = max(int64(len(raw))-end, 0)
			s.CoversWholeFile = s.UnsignedBytes == 0
			dict, dictOK = signingTime(raw, ranges)
		}
		s.SignedAt = signedAt(wall, dict, dictOK)
		ranges, wall = nil, ""
	}
	sc := bufio.NewScanner(bytes.NewReader(report))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "Signature #") {
			finish()
			out = append(out, vanthu.Signature{})
			continue
		}
		if len(out) == 0 {
			continue
		}
		s := &out[len(out)-1]
		key, val, ok := strings.Cut(strings.TrimPrefix(line, "- "), ": ")
		if !ok {
			continue
		}
		switch key {
		case "Signature Field Name":
			s.Field = val
		case "Signer Certificate Common Name":
			s.Signer = val
		case "Signer full Distinguished Name":
			s.Organization = DNValue(val, "O")
		case "Signing Time":
			wall = val
		case "Signed Ranges":
			for _, m := range rangeRe.FindAllStringSubmatch(val, -1) {
				a, _ := strconv.ParseInt(m[1], 10, 64)
				b, _ := strconv.ParseInt(m[2], 10, 64)
				ranges = append(ranges, [2]int64{a, b})
			}
		case "Signature Validation":
			s.Intact = val == "Signature is Valid."
			if !s.Intact {
				s.Error = strings.TrimSuffix(val, ".")
			}
		}
	}
	finish()
	return out, signed
}

// pdfsigTime is how pdfsig writes a signing time.
const pdfsigTime = "Jan 02 2006 15:04:05"

// signedAt chooses the signing time to report, RFC 3339. pdfsig writes a
// time without its zone: the signed attribute's (UTC, but some signing
// software writes the local clock there) or else the dictionary's /M with
// its offset dropped. The /M date keeps the zone; it is taken when it
// names the same moment as pdfsig's, on the clock or in UTC, give or take
// the seconds between the two records. Otherwise pdfsig's time is given as
// UTC.
func signedAt(wall string, dict time.Time, dictOK bool) string {
	p, err := time.Parse(pdfsigTime, wall)
	if err == nil && p.Unix() == 0 {
		err = errors.New("no time") // pdfsig's for a signature that states none
	}
	switch {
	case err != nil && dictOK:
		return dict.Format(time.RFC3339)
	case err != nil:
		return ""
	}
	near := func(a, b time.Time) bool { return a.Sub(b).Abs() <= 2*time.Minute }
	clock, _ := time.Parse(pdfsigTime, dict.Format(pdfsigTime))
	if dictOK && (near(clock, p) || near(dict, p)) {
		return dict.Format(time.RFC3339)
	}
	return p.Format(time.RFC3339)
}

// DNValue returns the value of attribute key (O, CN, …) in a distinguished
// name written as pdfsig writes it: "CN=…,O=…,L=…,C=VN", with a backslash
// before a comma that belongs to a value, or the value in quotes.
func DNValue(dn, key string) string {
	var parts []string
	var cur strings.Builder
	quoted := false
	for i := 0; i < len(dn); i++ {
		c := dn[i]
		switch {
		case c == '\\' && i+1 < len(dn):
			i++
			cur.WriteByte(dn[i])
		case c == '"':
			quoted = !quoted
		case (c == ',' || c == '+') && !quoted:
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	parts = append(parts, cur.String())
	for _, p := range parts {
		k, v, ok := strings.Cut(p, "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// dateRe is a PDF date, D:YYYYMMDDHHmmSSOHH'mm, as /M holds it.
var dateRe = regexp.MustCompile(`/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:([Z+-])(\d{2})?'?(\d{2})?'?)?\)`)

// signingTime finds the /M date of the signature whose signed ranges are
// ranges: in its dictionary, which surrounds the gap between the first two
// ranges where the signature's /Contents lies. The nearest /M on either
// side of the gap, within the dictionary's reach, is taken.
func signingTime(raw []byte, ranges [][2]int64) (time.Time, bool) {
	if len(ranges) < 2 {
		return time.Time{}, false
	}
	gap0, gap1 := ranges[0][1], ranges[1][0]
	if gap0 < 0 || gap1 > int64(len(raw)) || gap0 > gap1 {
		return time.Time{}, false
	}
	const reach = 8 << 10
	before := raw[max(gap0-reach, 0):gap0]
	after := raw[gap1:min(gap1+reach, int64(len(raw)))]
	var m [][]byte
	if all := dateRe.FindAllSubmatch(before, -1); len(all) > 0 {
		m = all[len(all)-1]
	}
	if loc := dateRe.FindSubmatchIndex(after); loc != nil {
		// Prefer the nearer of the two.
		if m == nil || loc[0] < len(before)-bytes.LastIndex(before, m[0]) {
			m = dateRe.FindSubmatch(after)
		}
	}
	if m == nil {
		return time.Time{}, false
	}
	return parsePDFDate(m)
}

func parsePDFDate(m [][]byte) (time.Time, bool) {
	n := func(i int) int {
		v, _ := strconv.Atoi(string(m[i]))
		return v
	}
	loc := time.UTC
	if sign := string(m[7]); sign == "+" || sign == "-" {
		off := (n(8)*60 + n(9)) * 60
		if sign == "-" {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	t := time.Date(n(1), time.Month(n(2)), n(3), n(4), n(5), n(6), 0, loc)
	if t.Year() != n(1) || int(t.Month()) != n(2) || t.Day() != n(3) {
		return time.Time{}, false
	}
	return t, true
}
