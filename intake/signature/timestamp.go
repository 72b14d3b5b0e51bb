package signature

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"time"

	"github.com/vanthu/vanthu"
)

// Document time stamps (RFC 3161, PAdES's archive time stamps). The
// pdfsig of Debian 12 (poppler 22.12) lists one, with the time-stamping
// authority as its signer, but does not verify it ("Signature has not yet
// been verified") and gives it no time. openssl verifies the token: the
// authority's signature over it, and that the digest it attests (its
// message imprint) is the digest of the bytes it covers; and it gives the
// time the token attests.

// timeStamps verifies the document time stamps among sigs that pdfsig
// did not, from their tokens dumped into dir and the byte ranges of raw
// each covers, and gives each the time its token attests.
func timeStamps(ctx context.Context, dir string, raw []byte, sigs []vanthu.Signature, ranges [][][2]int64) {
	for i := range sigs {
		s := &sigs[i]
		if !s.TimeStamp || i >= len(ranges) {
			continue
		}
		if !s.Intact { // a time stamp a later pdfsig verified stays as it said
			err := verifyTimeStamp(ctx, cmsFile(dir, i), raw, ranges[i])
			s.Intact, s.Error = err == nil, ""
			if err != nil {
				s.Error = err.Error()
			}
		}
		if t, ok := attested(ctx, cmsFile(dir, i)); ok {
			s.SignedAt = t.Format(time.RFC3339)
		}
	}
}

// tokenTime is the time a token attests, as openssl writes it.
var tokenTime = regexp.MustCompile(`(?m)^Time stamp: (.+)$`)

// verifyTimeStamp verifies the token in the file token against the bytes
// of raw in ranges. Its chain is checkChain's: here the authority's own
// certificate, which the token carries, is the anchor.
func verifyTimeStamp(ctx context.Context, token string, raw []byte, ranges [][2]int64) error {
	var data []byte
	for _, r := range ranges {
		if r[0] < 0 || r[1] < r[0] || r[1] > int64(len(raw)) {
			return errors.New("time stamp: its byte ranges lie outside the file")
		}
		data = append(data, raw[r[0]:r[1]]...)
	}
	covered, anchor := token+".data", token+".pem"
	certs, err := cmsCerts(ctx, token)
	if err != nil {
		return fmt.Errorf("time stamp unreadable: %v", err)
	}
	if err := errors.Join(os.WriteFile(covered, data, 0o600), os.WriteFile(anchor, certs, 0o600)); err != nil {
		return err
	}
	out, err := exec.CommandContext(ctx, "openssl", "ts", "-verify", "-data", covered, "-in", token, "-token_in",
		"-CAfile", anchor, "-partial_chain").CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("Verification: OK")) {
		lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
		return fmt.Errorf("time stamp does not verify: %s", lines[len(lines)-1])
	}
	return nil
}

// attested returns the time the token in the file token attests, in UTC.
func attested(ctx context.Context, token string) (time.Time, bool) {
	text, err := exec.CommandContext(ctx, "openssl", "ts", "-reply", "-in", token, "-token_in", "-text").Output()
	m := tokenTime.FindSubmatch(text)
	if err != nil || m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("Jan _2 15:04:05 2006 MST", string(m[1]))
	return t.UTC(), err == nil
}
