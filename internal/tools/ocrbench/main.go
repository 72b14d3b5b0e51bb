// Command ocrbench measures Vanthu on a corpus with ground eval.Truth (the layout
// of shared/corpus/dev): OCR character error rate on clean and degraded
// scans, metadata accuracy per field, and pages per minute, beside the
// tesseract CLI (OMP_THREAD_LIMIT=1, two processes, pages rasterised first
// with pdftoppm at the same resolution) measured in the same run.
//
//	go run ./internal/tools/ocrbench -vanthu bin/vanthu -corpus ../shared/corpus/dev
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/internal/eval"
)

func main() {
	bin := flag.String("vanthu", "bin/vanthu", "the vanthu binary")
	corpus := flag.String("corpus", "../shared/corpus/dev", "corpus folder (docs/, eval.Truth/)")
	baseline := flag.Bool("baseline", true, "also run the tesseract CLI and OCRmyPDF baselines")
	verbose := flag.Bool("v", false, "print every metadata mismatch")
	extra := flag.String("args", "", "extra flags for vanthu process, space-separated (e.g. -ocr-clean=deskew)")
	rounds := flag.Int("rounds", 3, "times vanthu and the tesseract CLI run, taking turns; the median counts")
	flag.Parse()

	truths, err := eval.LoadCorpus(*corpus)
	if err != nil {
		log.Fatal(err)
	}
	if len(truths) == 0 {
		log.Fatalf("no documents under %s (is ../shared present?)", *corpus)
	}
	files, pages := eval.Files(*corpus, truths)
	fmt.Printf("corpus: %d documents, %d pages (%s)\n\n", len(truths), pages, *corpus)

	// Vanthu and the CLI take turns, so that both meet the same machine:
	// on a shared 2-core box one run's speed moves by ±10%.
	var results map[string]pipeline.Result
	var cliText, omText map[string]string
	var vts, cts, vcpu, ccpu []time.Duration
	var ot time.Duration
	for range max(1, *rounds) {
		r, vt, vc := runVanthu(*bin, strings.Fields(*extra), files)
		if results == nil {
			results = r
		}
		vts, vcpu = append(vts, vt), append(vcpu, vc)
		if *baseline {
			t, ct, cc := runCLI(*corpus, truths)
			if cliText == nil {
				cliText = t
			}
			cts, ccpu = append(cts, ct), append(ccpu, cc)
		}
	}
	if *baseline {
		omText, ot = runOCRmyPDF(*corpus, truths)
	}
	vanthuText := map[string]string{}
	for _, t := range truths {
		r := results[filepath.Join(*corpus, t.File)]
		var b []string
		for _, p := range r.Pages {
			b = append(b, p.Text)
		}
		vanthuText[t.ID] = strings.Join(b, "\n")
	}

	fmt.Println("OCR character error rate (whitespace collapsed; per document, averaged)")
	fmt.Printf("%-10s %8s %8s %8s\n", "", "clean", "degraded", "all")
	row := func(name string, texts map[string]string) {
		var c, d, a []float64
		for _, t := range truths {
			e := cer(texts[t.ID], t.Text())
			a = append(a, e)
			if clean(t) {
				c = append(c, e)
			} else {
				d = append(d, e)
			}
		}
		fmt.Printf("%-10s %7.2f%% %7.2f%% %7.2f%%\n", name, 100*mean(c), 100*mean(d), 100*mean(a))
		if *verbose {
			for i, t := range truths {
				fmt.Printf("    %-12s %6.2f%%\n", t.ID, 100*a[i])
			}
		}
	}
	row("vanthu", vanthuText)
	if cliText != nil {
		row("tesseract", cliText)
	}
	if omText != nil {
		row("ocrmypdf", omText)
	}
	fmt.Println()
	fmt.Println("Throughput (pages per minute, wall clock, this machine)")
	vt := median(vts)
	vp := float64(pages) / vt.Minutes()
	fmt.Printf("vanthu process            %6.1f pages/min  (%s, median of %d)\n", vp, vt.Round(time.Millisecond), len(vts))
	if cliText != nil {
		ct := median(cts)
		cp := float64(pages) / ct.Minutes()
		fmt.Printf("tesseract CLI ×2 procs    %6.1f pages/min  (%s, median of %d; rasterising not counted)\n", cp, ct.Round(time.Millisecond), len(cts))
		// The ratio of each round, both measured back to back; the
		// median of those is the figure.
		var ratios []float64
		for i := range vts {
			ratios = append(ratios, cts[i].Seconds()/vts[i].Seconds())
		}
		slices.Sort(ratios)
		fmt.Printf("ratio vanthu / CLI        %6.2f×  (median of rounds %.2f–%.2f)\n", ratios[len(ratios)/2], ratios[0], ratios[len(ratios)-1])
		// CPU per page moves less with the machine's load than wall time.
		fmt.Printf("CPU per page              vanthu %.2f s, CLI %.2f s  (ratio %.2f×)\n",
			median(vcpu).Seconds()/float64(pages), median(ccpu).Seconds()/float64(pages), median(ccpu).Seconds()/median(vcpu).Seconds())
	}
	if omText != nil {
		op := float64(pages) / ot.Minutes()
		fmt.Printf("ocrmypdf --jobs 2         %6.1f pages/min  (%s)\n", op, ot.Round(time.Millisecond))
		fmt.Printf("ratio vanthu / OCRmyPDF   %6.2f×\n", vp/op)
	}
	fmt.Println()
	metadataReport(truths, results, *corpus, *verbose)
}

func clean(t eval.Truth) bool {
	for _, p := range t.Pages {
		if !p.Scan.Clean {
			return false
		}
	}
	return true
}

// runCLI rasterises PDFs with pdftoppm at each page's DPI, then runs the
// tesseract CLI on every page image, two processes at a time.
// runVanthu runs `vanthu process --json` on the files and returns its
// results by file, the wall time and the CPU time (user and system).
func runVanthu(bin string, extra, files []string) (map[string]pipeline.Result, time.Duration, time.Duration) {
	start := time.Now()
	args := append([]string{"process", "--json"}, extra...)
	cmd := exec.Command(bin, append(args, files...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		log.Printf("vanthu process: %v", err)
	}
	elapsed := time.Since(start)
	var cpu time.Duration
	if cmd.ProcessState != nil {
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	results := map[string]pipeline.Result{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r pipeline.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err == nil {
			results[r.File] = r
		}
	}
	return results, elapsed, cpu
}

// median is the middle of ds (the upper middle of an even count).
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func runCLI(corpus string, truths []eval.Truth) (map[string]string, time.Duration, time.Duration) {
	tmp, err := os.MkdirTemp("", "ocrbench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	type job struct{ id, img string }
	var jobs []job
	for _, t := range truths {
		src := filepath.Join(corpus, t.File)
		switch t.Format {
		case "pdf":
			dpi := t.Pages[0].Scan.DPI
			prefix := filepath.Join(tmp, t.ID)
			if out, err := exec.Command("pdftoppm", "-r", fmt.Sprint(dpi), "-gray", "-png", src, prefix).CombinedOutput(); err != nil {
				log.Fatalf("pdftoppm %s: %v %s", src, err, out)
			}
			imgs, _ := filepath.Glob(prefix + "-*.png")
			sort.Strings(imgs)
			for _, im := range imgs {
				jobs = append(jobs, job{t.ID, im})
			}
		default: // tesseract reads TIFF (every page), JPEG and PNG itself
			jobs = append(jobs, job{t.ID, src})
		}
	}
	texts := make([]string, len(jobs))
	cpus := make([]time.Duration, len(jobs))
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				cmd := exec.Command("tesseract", jobs[i].img, "-", "-l", "vie")
				cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
				out, err := cmd.Output()
				if err != nil {
					log.Printf("tesseract %s: %v", jobs[i].img, err)
				}
				texts[i] = string(out)
				if cmd.ProcessState != nil {
					cpus[i] = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				}
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	out := map[string]string{}
	var cpu time.Duration
	for i, j := range jobs {
		out[j.id] += texts[i] + "\n"
		cpu += cpus[i]
	}
	return out, elapsed, cpu
}

// runOCRmyPDF runs `ocrmypdf -l vie --jobs 2` on each document in turn and
// reads its text from the sidecar.
func runOCRmyPDF(corpus string, truths []eval.Truth) (map[string]string, time.Duration) {
	if _, err := exec.LookPath("ocrmypdf"); err != nil {
		log.Printf("ocrmypdf not installed (scripts/setup.sh --bench installs it); skipping it")
		return nil, 0
	}
	tmp, err := os.MkdirTemp("", "ocrbench-om-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	out := map[string]string{}
	start := time.Now()
	for _, t := range truths {
		side := filepath.Join(tmp, t.ID+".txt")
		args := []string{"-l", "vie", "--jobs", "2", "--sidecar", side, "--output-type", "pdf", "--optimize", "0"}
		if t.Format != "pdf" {
			// Only used where the image does not state its resolution.
			args = append(args, "--image-dpi", fmt.Sprint(t.Pages[0].Scan.DPI))
		}
		args = append(args, filepath.Join(corpus, t.File), filepath.Join(tmp, t.ID+".pdf"))
		if b, err := exec.Command("ocrmypdf", args...).CombinedOutput(); err != nil {
			log.Printf("ocrmypdf %s: %v\n%s", t.File, err, b)
			continue
		}
		b, _ := os.ReadFile(side)
		out[t.ID] = string(b)
	}
	return out, time.Since(start)
}

// cer is the character error rate of got against want, whitespace
// collapsed, both NFC.
func cer(got, want string) float64 {
	g := strings.Join(strings.Fields(dict.NFC(got)), " ")
	w := strings.Join(strings.Fields(dict.NFC(want)), " ")
	if w == "" {
		return 0
	}
	return float64(dict.EditDistance(g, w)) / float64(utf8.RuneCountInString(w))
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
