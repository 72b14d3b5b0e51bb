// Command scalebench measures search at a province's scale: it generates
// a corpus of import records (internal/scale), imports it through
// `vanthu import`, and reports the p50/p99 latency of each query class
// with one client, then the throughput of the mix with several, together
// with the index's size against the raw text and the process's memory.
//
//	go run ./internal/tools/scalebench -vanthu bin/vanthu -docs 1000000
//
// With -data, the corpus is imported once and kept: a later run with the
// same -docs only queries.
package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake/importer"
	"github.com/vanthu/vanthu/internal/scale"
	"github.com/vanthu/vanthu/search"
)

func main() {
	n := flag.Int("docs", 1000000, "documents in the corpus")
	data := flag.String("data", "", "vanthu's data folder (default: a temporary one, removed after)")
	bin := flag.String("vanthu", "bin/vanthu", "the vanthu binary that imports")
	queries := flag.Int("queries", 200, "queries of each class with one client")
	mix := flag.Int("mix", 400, "queries of the mix with several clients")
	clients := flag.Int("clients", 4, "concurrent clients for the mix")
	seed := flag.Uint64("seed", 1, "corpus seed")
	only := flag.String("only", "", "measure only the classes whose name holds this")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the queries here")
	rankLimit := flag.Int("rank-limit", 0, "how many matches relevance ranks at most (0: search's default)")
	overlap := flag.Bool("overlap", false, "also rank every match of each relevance query (untimed) and print how many of the first 10 hits are the same")
	slowest := flag.Int("slowest", 0, "print the slowest queries of each class, this many, with their totals")
	compact := flag.Bool("compact", true, "after importing, merge the index's segments into one (vanthu compact), as the README advises after a bulk import")
	preload := flag.Bool("preload", true, "map the index's segment files into memory before the queries, as vanthu serve does (--preload-index; false: never)")
	flag.Parse()
	if *data == "" {
		tmp, err := os.MkdirTemp("", "scalebench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		*data = tmp
	}
	c := scale.New(*seed)
	fmt.Printf("corpus: %d documents, seed %d, %d syllables in the long tail\n", *n, *seed, len(scale.Syllables()))

	dir := filepath.Join(*data, "index")
	have := uint64(0)
	if _, err := os.Stat(dir); err == nil {
		ix, err := index.Open(dir)
		if err != nil {
			log.Fatal(err)
		}
		have, _ = ix.Count()
		ix.Close()
	}
	raw := int64(0)
	if have != uint64(*n) {
		var err error
		if raw, err = importCorpus(c, *n, *bin, *data); err != nil {
			log.Fatal(err)
		}
		if *compact {
			start := time.Now()
			cmd := exec.Command(*bin, "compact", "--data", *data)
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				log.Fatalf("vanthu compact: %v", err)
			}
			fmt.Printf("compact: %s\n", time.Since(start).Round(time.Second))
		}
	} else {
		fmt.Printf("import: %d documents already in %s\n", have, *data)
		for i := range *n {
			raw += int64(len(c.Doc(i).Body))
		}
	}
	size := dirSize(dir)
	fmt.Printf("index on disk: %.2f GB for %.2f GB of text = %.2f× the raw text\n", gb(size), gb(raw), float64(size)/float64(raw))

	ix, err := index.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	fmt.Printf("index segments: %d\n", ix.Segments())
	// As vanthu serve does: the files mapped in, or (-preload=false,
	// --preload-index never) only the kernel told how they are read.
	start := time.Now()
	limit := int64(0)
	if !*preload {
		limit = -1
	}
	ix.Preload(limit, time.Minute, slog.New(slog.DiscardHandler))
	mapped, total := ix.Preloaded()
	for ; (total == 0 || *preload && mapped < total) && time.Since(start) < 3*time.Minute; mapped, total = ix.Preloaded() {
		time.Sleep(100 * time.Millisecond)
	}
	if *preload {
		fmt.Printf("index preloaded: %.2f of %.2f GB in %.1f s\n", gb(mapped), gb(total), time.Since(start).Seconds())
	}
	fmt.Println()
	s := &search.Searcher{Index: ix, RankLimit: *rankLimit}
	every := &search.Searcher{Index: ix, RankLimit: math.MaxInt32} // ranks every match
	// A member of staff: the agency's documents, those of a unit and
	// their own, no state secrets; the filter every search of the UI has.
	staff := access.SightOf(access.Viewer{Name: "nv.bench", Role: access.Staff, Unit: "VP"})
	classes := queryClasses(c, *n, *queries, rand.New(rand.NewPCG(*seed, 99)))
	fmt.Printf("%-34s %9s %9s %12s", "query class, 1 client", "p50 ms", "p99 ms", "mean total")
	if *overlap {
		fmt.Printf(" %11s", "same of 10")
	}
	fmt.Println()
	var all []search.Request
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	for _, cl := range classes {
		if !strings.Contains(cl.name, *only) {
			continue
		}
		var lat []time.Duration
		var total uint64
		same, compared := 0, 0
		type timed struct {
			took  time.Duration
			q     string
			total uint64
		}
		var each []timed
		for _, r := range cl.reqs {
			r.Sight, r.Page, r.Size = &staff, 1, 10
			t0 := time.Now()
			res, err := s.Search(context.Background(), r)
			if err != nil {
				log.Fatalf("%s %+v: %v", cl.name, r, err)
			}
			lat = append(lat, time.Since(t0))
			each = append(each, timed{lat[len(lat)-1], r.Q, res.Total})
			total += res.Total
			if *overlap && r.Sort == "" && r.Q != "" {
				all, err := every.Search(context.Background(), r)
				if err != nil {
					log.Fatalf("%s %+v: %v", cl.name, r, err)
				}
				same += sameHits(res.Hits, all.Hits)
				compared += len(all.Hits)
			}
		}
		slices.Sort(lat)
		fmt.Printf("%-34s %9.2f %9.2f %12d", cl.name, ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), total/uint64(len(lat)))
		if compared > 0 {
			fmt.Printf(" %10.1f%%", 100*float64(same)/float64(compared))
		}
		fmt.Println()
		slices.SortFunc(each, func(a, b timed) int { return cmp.Compare(b.took, a.took) })
		for _, e := range each[:min(*slowest, len(each))] {
			fmt.Printf("    %9.2f ms  %8d  %s\n", ms(e.took), e.total, e.q)
		}
		if !cl.beside {
			all = append(all, cl.reqs...)
		}
	}

	if strings.Contains(relatedName, *only) {
		related(s, staff, c, *n, *queries, rand.New(rand.NewPCG(*seed, 101)))
	}

	// The mix with several clients: every class in equal parts.
	rng := rand.New(rand.NewPCG(*seed, 100))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	all = all[:min(*mix, len(all))]
	if len(all) > 0 {
		mixed(s, staff, all, *clients)
	}
	rss, hwm, file := memory()
	fmt.Printf("memory: RSS %.2f GB now (%.2f GB of it the index's files mapped in), peak %.2f GB (Go heap %.2f GB); %d cores\n",
		gb(rss), gb(file), gb(hwm), gb(heap()), runtime.NumCPU())
}

const relatedName = "related documents of a document"

// related times what a document's page asks the index beside its record
// (search.Searcher.Related), for k documents of the corpus, and for the
// Nghị định that most of their preambles cite, as the page of a copy of
// it would; it prints the related documents found, on average.
func related(s *search.Searcher, staff access.Sight, c *scale.Corpus, n, k int, r *rand.Rand) {
	decree := vanthu.Document{ID: vanthu.RefOf([]byte("30/2020/NĐ-CP")),
		Metadata: vanthu.Metadata{Number: "30/2020/NĐ-CP", IssuedDate: "2020-03-05"}}
	for _, way := range []struct {
		name string
		doc  func() vanthu.Document
	}{
		{relatedName, func() vanthu.Document {
			rec := c.Doc(r.IntN(n))
			return vanthu.Document{ID: vanthu.RefOf([]byte(rec.ID)), Metadata: vanthu.Metadata{Number: rec.Number, IssuedDate: rec.IssuedDate},
				Pages: []vanthu.Page{{Number: 1, Text: rec.Body}}}
		}},
		{"related, of a decree most cite", func() vanthu.Document { return decree }},
	} {
		var lat []time.Duration
		found := 0
		for range k {
			d := way.doc()
			t0 := time.Now()
			rel, err := s.Related(context.Background(), d, &staff)
			if err != nil {
				log.Fatalf("%s %s: %v", way.name, d.Metadata.Number, err)
			}
			lat = append(lat, time.Since(t0))
			found += len(rel.CitedBy)
			for _, ct := range rel.Cites {
				found += len(ct.Documents)
			}
		}
		if len(lat) == 0 {
			return
		}
		slices.Sort(lat)
		fmt.Printf("%-34s %9.2f %9.2f %12d\n", way.name, ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), found/len(lat))
	}
}

// sameHits is how many of want's hits got has too.
func sameHits(got, want []search.Hit) int {
	in := map[vanthu.Ref]bool{}
	for _, h := range got {
		in[h.ID] = true
	}
	n := 0
	for _, h := range want {
		if in[h.ID] {
			n++
		}
	}
	return n
}

// mixed runs the queries of all with several clients at once and prints
// the throughput and the latency.
func mixed(s *search.Searcher, staff access.Sight, all []search.Request, clients int) {
	var mu sync.Mutex
	var lat []time.Duration
	next := make(chan search.Request)
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for r := range next {
				r.Sight, r.Page, r.Size = &staff, 1, 10
				t0 := time.Now()
				if _, err := s.Search(context.Background(), r); err != nil {
					log.Fatal(err)
				}
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}
		})
	}
	for _, r := range all {
		next <- r
	}
	close(next)
	wg.Wait()
	el := time.Since(start)
	slices.Sort(lat)
	fmt.Printf("\nmix, %d clients: %d queries in %s = %.1f queries/s; p50 %.2f ms, p99 %.2f ms\n",
		clients, len(lat), el.Round(time.Millisecond), float64(len(lat))/el.Seconds(), ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]))
}

// importCorpus writes the corpus to a file of records, then imports it
// with `vanthu import --data data FILE`, as an agency imports its earlier
// system's export: the import is timed alone, not with the generator
// (which, piped in, took CPU from it on two cores). It returns the bytes
// of text the corpus held.
func importCorpus(c *scale.Corpus, n int, bin, data string) (int64, error) {
	f, err := os.CreateTemp("", "scalebench-*.jsonl")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	start := time.Now()
	var raw int64
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range n {
		d := c.Doc(i)
		raw += int64(len(d.Body))
		line, err := json.Marshal(d)
		if err != nil {
			return 0, err
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		return 0, err
	}
	fmt.Printf("corpus: written to %s in %s\n", f.Name(), time.Since(start).Round(time.Second))

	cmd := exec.Command(bin, "import", "--data", data, f.Name())
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start = time.Now()
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("vanthu import: %w", err)
	}
	el := time.Since(start)
	fmt.Printf("import: %d documents (%.0f bytes of text each) in %s = %.0f documents/s\n",
		n, float64(raw)/float64(n), el.Round(time.Second), float64(n)/el.Seconds())
	return raw, nil
}

type class struct {
	name string
	reqs []search.Request
	// beside: measured alone, not in the mix (the mix is #15's classes).
	beside bool
}

// queryClasses draws k queries of each class from the corpus's documents.
func queryClasses(c *scale.Corpus, n, k int, r *rand.Rand) []class {
	words := func(d importer.Record) []string {
		var w []string
		for _, f := range strings.Fields(d.Body) {
			f = strings.Trim(f, ".,;:")
			if f != "" && dict.IsSyllable(strings.ToLower(f)) {
				w = append(w, strings.ToLower(f))
			}
		}
		return w
	}
	topic := func(d importer.Record) []string {
		return strings.Fields(strings.TrimPrefix(d.Subject, "Về việc "))
	}
	doc := func() importer.Record { return c.Doc(r.IntN(n)) }
	// match: two syllables of the subject and one or two of the body,
	// as staff type what they remember of a document.
	matchQ := func() string {
		d := doc()
		t, w := topic(d), words(d)
		q := t[r.IntN(len(t)-1):][:2]
		for range 1 + r.IntN(2) {
			q = append(q, w[r.IntN(len(w))])
		}
		return strings.Join(q, " ")
	}
	var cls []class
	add := func(name string, mk func() search.Request) {
		cl := class{name: name}
		for range k {
			cl.reqs = append(cl.reqs, mk())
		}
		cls = append(cls, cl)
	}
	add("match, 3-4 syllables", func() search.Request { return search.Request{Q: matchQ()} })
	add("match, without diacritics", func() search.Request { return search.Request{Q: strings.ToLower(dict.Fold(matchQ()))} })
	add("phrase", func() search.Request {
		w := words(doc())
		l := 3 + r.IntN(2)
		i := r.IntN(len(w) - l)
		return search.Request{Q: `"` + strings.Join(w[i:i+l], " ") + `"`}
	})
	add("number", func() search.Request {
		q := doc().Number
		if r.IntN(2) == 0 {
			q = "số " + q
		}
		return search.Request{Q: q}
	})
	add("text + 2 filters + 5 facets", func() search.Request {
		d := doc()
		return search.Request{Q: strings.Join(topic(d)[:2], " "), DocType: d.DocType, Year: d.IssuedDate[:4]}
	})
	add("filters only", func() search.Request {
		d := doc()
		if r.IntN(2) == 0 {
			return search.Request{DocType: d.DocType, Issuer: d.Issuer}
		}
		return search.Request{Year: d.IssuedDate[:4], Urgency: "Khẩn", From: d.IssuedDate[:7] + "-01", To: d.IssuedDate[:7] + "-28"}
	})
	commonest := []string{"nhân dân", "thực hiện", "ủy ban", "quy định", "tỉnh", "các đơn vị", "cộng hòa", "năm"}
	add("commonest syllables, by relevance", func() search.Request {
		return search.Request{Q: commonest[r.IntN(len(commonest))]}
	})
	add("text, sorted by date", func() search.Request {
		return search.Request{Q: strings.Join(topic(doc())[:2], " "), Sort: "-issued_date"}
	})
	// cites: a number one document cites, as a document's page links the
	// search of what cites it: a Tờ trình a few cite, or a Nghị định
	// that most of a year's decisions cite.
	add("cites a number", func() search.Request {
		for range 100 {
			if cs := extract.Citations(doc().Body, ""); len(cs) > 0 {
				return search.Request{Q: "cites:" + cs[r.IntN(len(cs))].Number}
			}
		}
		return search.Request{Q: "cites:30/2020/NĐ-CP"}
	})
	cls[len(cls)-1].beside = true
	return cls
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// memory returns the process's resident set, its peak, and the part of
// it that is files mapped into memory (the index's segments, which the
// kernel may drop and read again), in bytes.
func memory() (rss, hwm, file int64) {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		var kb int64
		if _, err := fmt.Sscanf(l, "VmRSS: %d kB", &kb); err == nil {
			rss = kb << 10
		}
		if _, err := fmt.Sscanf(l, "VmHWM: %d kB", &kb); err == nil {
			hwm = kb << 10
		}
		if _, err := fmt.Sscanf(l, "RssFile: %d kB", &kb); err == nil {
			file = kb << 10
		}
	}
	return rss, hwm, file
}

func heap() int64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func gb(n int64) float64 { return float64(n) / (1 << 30) }
