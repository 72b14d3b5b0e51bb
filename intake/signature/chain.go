package signature

import (
	"bytes"
	"cmp"
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
)

// The chain check. pdfsig dumps each signature's CMS (-dump), openssl
// reads the certificates it carries, and crypto/x509 builds a chain from
// the signer's certificate through them to a root the agency trusts, as
// it stood when the document says it was signed.
//
// pdfsig's own check (NSS) is not used: the poppler of Debian 12 (22.12)
// reads NSS's last error after a chain check whether the check failed or
// not, so with OCSP off (an office may be offline) a chain that checks
// out can read "Unknown issue with Certificate or corrupted data"; with
// OCSP on, each check waits on the network.

// roots reads, once, the PEM certificates of TrustRoots: the agency's
// roots, or the intermediate CA it trusts as one (as the government's "CA
// phục vụ các cơ quan Nhà nước"), each an anchor of the chains.
func (v *Verifier) roots() (*x509.CertPool, error) {
	v.once.Do(func() {
		files, _ := filepath.Glob(filepath.Join(v.TrustRoots, "*"))
		pool := x509.NewCertPool()
		n := 0
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			certs, _ := pemCerts(b)
			for _, c := range certs {
				pool.AddCert(c)
				n++
			}
		}
		if n == 0 {
			v.rootsErr = fmt.Errorf("trust roots: no PEM certificate in %s", v.TrustRoots)
			return
		}
		v.pool = pool
	})
	return v.pool, v.rootsErr
}

// pemCerts returns the certificates PEM-encoded in b, and why the first
// of those it could not read was unreadable.
func pemCerts(b []byte) (out []*x509.Certificate, bad error) {
	for {
		var blk *pem.Block
		if blk, b = pem.Decode(b); blk == nil {
			return out, bad
		}
		if blk.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(blk.Bytes)
		if err != nil {
			bad = cmp.Or(bad, err)
			continue
		}
		out = append(out, c)
	}
}

// dump has pdfsig write each signature's CMS of the PDF at path into a
// new temporary folder, as cmsFile names them, and returns the folder.
func dump(ctx context.Context, path string) (string, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "vanthu-sigs-")
	if err != nil {
		return "", err
	}
	// pdfsig names each CMS after the file, in its working folder: a name
	// of Vanthu's own, whatever the file's.
	err = os.Symlink(path, filepath.Join(dir, "f.pdf"))
	if err == nil {
		cmd := exec.CommandContext(ctx, "pdfsig", "-dump", "f.pdf")
		cmd.Dir = dir
		if out, cerr := cmd.CombinedOutput(); cerr != nil {
			err = fmt.Errorf("pdfsig -dump: %v: %s", cerr, bytes.TrimSpace(out))
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// cmsFile is where dump wrote signature i's CMS in dir.
func cmsFile(dir string, i int) string { return filepath.Join(dir, fmt.Sprintf("f.pdf.sig%d", i)) }

// maxDSSCerts bounds the certificates read from a file's DSS.
const maxDSSCerts = 64

// dssCerts returns the certificates the file cur keeps for long-term
// validation (its DSS's /Certs, PAdES): the CAs between a signer and its
// root, where the signature itself carries its signer's only.
func dssCerts(ctx context.Context, cur *revision) []*x509.Certificate {
	if cur == nil {
		return nil
	}
	dss, _ := cur.resolve(cur.dict(cur.root())["/DSS"]).(map[string]any)
	list, _ := cur.resolve(dss["/Certs"]).([]any)
	var out []*x509.Certificate
	for _, e := range list[:min(len(list), maxDSSCerts)] {
		n := ref(e)
		if n < 0 || !cur.streams[n] {
			continue
		}
		der, err := qpdf(ctx, "--show-object="+strconv.Itoa(n), "--filtered-stream-data", cur.path)
		if err != nil {
			continue
		}
		if c, err := x509.ParseCertificate(der); err == nil {
			out = append(out, c)
		}
	}
	return out
}

// checkChains sets the Trusted (and, where not, Error) of each signature
// from its CMS, dumped into dir, with the certificates extra (the DSS's)
// as intermediates too.
func checkChains(ctx context.Context, dir string, sigs []vanthu.Signature, roots *x509.CertPool, extra []*x509.Certificate) {
	for i := range sigs {
		s := &sigs[i]
		err := checkChain(ctx, cmsFile(dir, i), s, roots, extra)
		trusted := err == nil
		s.Trusted = &trusted
		if err != nil && s.Error == "" {
			s.Error = err.Error()
		}
	}
}

// checkChain checks the chain of the signature s, whose CMS is the file
// cms: from the certificate of its signer, through the others the CMS
// carries and extra, to one of roots, at the time it was signed (now,
// where it does not say), for any use.
func checkChain(ctx context.Context, cms string, s *vanthu.Signature, roots *x509.CertPool, extra []*x509.Certificate) error {
	out, err := cmsCerts(ctx, cms)
	if err != nil {
		return fmt.Errorf("certificate unreadable: %v", err)
	}
	certs, bad := pemCerts(out)
	leaf := signerCert(certs, s.Signer)
	switch {
	case leaf == nil && bad != nil:
		return fmt.Errorf("certificate unreadable: %v", bad)
	case leaf == nil:
		return errors.New("certificate not found in the signature")
	}
	inter := x509.NewCertPool()
	for _, c := range slices.Concat(certs, extra) {
		if c != leaf {
			inter.AddCert(c)
		}
	}
	at := time.Now()
	if t, err := time.Parse(time.RFC3339, s.SignedAt); err == nil {
		at = t
	}
	_, err = leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: at, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "x509: "))
	}
	return nil
}

// cmsCerts returns, PEM-encoded, the certificates the CMS in the file cms
// carries, as openssl reads them.
func cmsCerts(ctx context.Context, cms string) ([]byte, error) {
	out, err := exec.CommandContext(ctx, "openssl", "pkcs7", "-inform", "DER", "-in", cms, "-print_certs").Output()
	if err != nil {
		return nil, fmt.Errorf("openssl pkcs7: %v", err)
	}
	return out, nil
}

// signerCert picks, of the certificates a signature carries, the signer's:
// the one not a CA whose common name is the one pdfsig reported; or, where
// pdfsig reported none, the first not a CA.
func signerCert(certs []*x509.Certificate, cn string) *x509.Certificate {
	for _, c := range certs {
		if !c.IsCA && (c.Subject.CommonName == cn || cn == "") {
			return c
		}
	}
	return nil
}
