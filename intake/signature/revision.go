package signature

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// A PDF's objects as qpdf reads them: where each lies in the file (its
// cross-reference), and their values (its JSON), with the references
// between them.

// qpdf runs qpdf with args; its warnings (a damaged cross-reference it
// recovered from) are not failures.
func qpdf(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "qpdf", append([]string{"--warning-exit-0"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("qpdf: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

var (
	xrefPlain      = regexp.MustCompile(`^(\d+)/\d+: uncompressed; offset = (\d+)$`)
	xrefCompressed = regexp.MustCompile(`^(\d+)/\d+: compressed; stream = (\d+), index = \d+$`)
)

// placed returns where each object's latest version lies in the file at
// path: its own offset, or its object stream's.
func placed(ctx context.Context, path string) (map[int]int64, error) {
	out, err := qpdf(ctx, "--show-xref", path)
	if err != nil {
		return nil, err
	}
	return parseXref(out), nil
}

// parseXref reads qpdf's --show-xref: each object's offset, or its object
// stream's.
func parseXref(out []byte) map[int]int64 {
	at := map[int]int64{}
	in := map[int]int{} // object → its object stream
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := xrefPlain.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			off, _ := strconv.ParseInt(m[2], 10, 64)
			at[n] = off
		} else if m := xrefCompressed.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			s, _ := strconv.Atoi(m[2])
			in[n] = s
		}
	}
	for n, s := range in {
		if off, ok := at[s]; ok {
			at[n] = off
		}
	}
	return at
}

// revision is a PDF's objects as qpdf's JSON (version 2) gives them: each
// object's value, or a stream's dictionary, by number. Names are "/Name",
// references "12 0 R", strings "u:…" or "b:…".
type revision struct {
	path    string
	objs    map[int]any
	streams map[int]bool
	trailer map[string]any
}

func readRevision(ctx context.Context, path string) (*revision, error) {
	out, err := qpdf(ctx, "--json=2", "--json-key=qpdf", path)
	if err != nil {
		return nil, err
	}
	r, err := parseRevision(out)
	if err != nil {
		return nil, err
	}
	r.path = path
	return r, nil
}

// parseRevision reads qpdf's JSON of a PDF.
func parseRevision(out []byte) (*revision, error) {
	var doc struct {
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.Qpdf) < 2 {
		return nil, fmt.Errorf("qpdf --json: unreadable: %v", err)
	}
	var objs map[string]struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict map[string]any `json:"dict"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(doc.Qpdf[1], &objs); err != nil {
		return nil, fmt.Errorf("qpdf --json: unreadable objects: %v", err)
	}
	r := &revision{objs: map[int]any{}, streams: map[int]bool{}}
	for k, o := range objs {
		if k == "trailer" {
			r.trailer, _ = o.Value.(map[string]any)
			continue
		}
		var n, g int
		if _, err := fmt.Sscanf(k, "obj:%d %d R", &n, &g); err != nil {
			continue
		}
		if o.Stream != nil {
			r.objs[n], r.streams[n] = o.Stream.Dict, true
		} else {
			r.objs[n] = o.Value
		}
	}
	return r, nil
}

// dict returns object n's dictionary (a stream's), or nil.
func (r *revision) dict(n int) map[string]any {
	d, _ := r.objs[n].(map[string]any)
	return d
}

func (r *revision) root() int { return ref(r.trailer["/Root"]) }

// resolve returns the object v refers to, or v where it refers to none.
func (r *revision) resolve(v any) any {
	if n := ref(v); n >= 0 {
		return r.objs[n]
	}
	return v
}

var refRe = regexp.MustCompile(`^(\d+) \d+ R$`)

// ref returns the object a value refers to, or -1.
func ref(v any) int {
	s, ok := v.(string)
	if !ok {
		return -1
	}
	m := refRe.FindStringSubmatch(s)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// backKeys point from a part to what holds it (an annotation's page, a
// field's parent, a signature reference's document): reaching through them
// would make everything reach everything.
var backKeys = map[string]bool{"/P": true, "/Parent": true, "/Data": true, "/IRT": true, "/Prev": true, "/Next": true, "/First": true, "/Last": true, "/Dest": true, "/A": true}

// refs calls fn with each object v refers to, not through backKeys nor
// the key skip.
func refs(v any, skip string, fn func(int)) {
	switch v := v.(type) {
	case string:
		if n := ref(v); n >= 0 {
			fn(n)
		}
	case []any:
		for _, e := range v {
			refs(e, skip, fn)
		}
	case map[string]any:
		for k, e := range v {
			if !backKeys[k] && k != skip {
				refs(e, skip, fn)
			}
		}
	}
}

// reach returns the objects reached from v, not through the key skip.
func (r *revision) reach(v any, skip string) map[int]bool {
	seen := map[int]bool{}
	var todo []int
	visit := func(n int) {
		if !seen[n] {
			seen[n] = true
			todo = append(todo, n)
		}
	}
	refs(v, skip, visit)
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		refs(r.objs[n], skip, visit)
	}
	return seen
}
