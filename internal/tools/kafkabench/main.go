// Command kafkabench measures the Kafka mode on a corpus: pages per minute
// through `vanthu serve` + 1 and + 2 `vanthu worker` processes, against the
// single-process default in the same run, and the latency from upload to
// searchable of one document on an idle cluster. The broker is franz-go's
// kfake, in this process, on loopback.
//
//	go run ./internal/tools/kafkabench -vanthu bin/vanthu -corpus ../shared/corpus/dev
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/vanthu/vanthu/internal/eval"
)

func main() {
	bin := flag.String("vanthu", "bin/vanthu", "the vanthu binary")
	corpus := flag.String("corpus", eval.CorpusDir("."), "corpus folder")
	flag.Parse()
	truths, err := eval.LoadCorpus(*corpus)
	if err != nil || len(truths) == 0 {
		log.Fatalf("no corpus at %s (%v): skipping", *corpus, err)
	}
	files, pages := eval.Files(*corpus, truths)
	fmt.Printf("corpus: %d documents, %d pages; %s\n\n", len(files), pages, *corpus)
	fmt.Printf("%-34s %12s %8s\n", "deployment", "pages/min", "ratio")
	base := 0.0
	for _, run := range []struct {
		name    string
		workers int // worker processes; 0: one process, in-process queue
	}{{"one process (in-process queue)", 0}, {"Kafka: serve + 1 worker", 1}, {"Kafka: serve + 2 workers", 2}} {
		c, err := newCluster(*bin, run.workers)
		if err != nil {
			log.Fatal(err)
		}
		start := time.Now()
		ids, err := c.uploadAll(files)
		if err == nil {
			err = c.waitIndexed(ids, 10*time.Minute)
		}
		el := time.Since(start)
		var lat time.Duration
		if err == nil && run.workers > 0 {
			lat, err = c.latency(files[0])
		}
		c.stop()
		if err != nil {
			log.Fatalf("%s: %v", run.name, err)
		}
		ppm := float64(pages) / el.Minutes()
		if base == 0 {
			base = ppm
		}
		fmt.Printf("%-34s %12.1f %7.2fx\n", run.name, ppm, ppm/base)
		if lat > 0 {
			fmt.Printf("    upload → searchable, one document on the idle cluster: %.2fs\n", lat.Seconds())
		}
	}
	fmt.Println("\nEach OCR process runs one engine (--workers 1); on a 2-core machine the ratio shows the transport's overhead, not scale.")
}

type cluster struct {
	dir   string
	kf    *kfake.Cluster
	procs []*exec.Cmd
	base  string
	token string // a clerk's, made before the server starts
}

func newCluster(bin string, workers int) (*cluster, error) {
	dir, err := os.MkdirTemp("", "kafkabench-")
	if err != nil {
		return nil, err
	}
	c := &cluster{dir: dir}
	shared := filepath.Join(dir, "shared")
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data", filepath.Join(dir, "serve")}
	if workers == 0 {
		args = append(args, "--workers", "2")
	} else {
		if c.kf, err = kfake.NewCluster(kfake.NumBrokers(1)); err != nil {
			return nil, err
		}
		brokers := strings.Join(c.kf.ListenAddrs(), ",")
		args = append(args, "--brokers", brokers, "--shared", shared, "--stages", "intake,index,search")
		for range workers {
			if _, err := c.start(bin, "worker", "--brokers", brokers, "--data", shared, "--workers", "1", "--addr", "127.0.0.1:0"); err != nil {
				c.stop()
				return nil, err
			}
		}
	}
	// The server admits users only: a clerk, added while it is stopped.
	add := exec.Command(bin, "user", "add", "bench", "--role", "clerk", "--data", filepath.Join(dir, "serve"))
	add.Stdin = strings.NewReader("mật khẩu đo đạc\n")
	if out, err := add.CombinedOutput(); err != nil {
		c.stop()
		return nil, fmt.Errorf("vanthu user add: %v: %s", err, out)
	}
	tok, err := exec.Command(bin, "token", "create", "bench", "--data", filepath.Join(dir, "serve")).Output()
	if err != nil {
		c.stop()
		return nil, fmt.Errorf("vanthu token create: %v", err)
	}
	c.token = strings.TrimSpace(string(tok))
	if c.base, err = c.start(bin, args...); err != nil {
		c.stop()
		return nil, err
	}
	return c, nil
}

// start starts a vanthu process and returns the address it listens on.
func (c *cluster) start(bin string, args ...string) (string, error) {
	cmd := exec.Command(bin, args...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		return "", err
	}
	c.procs = append(c.procs, cmd)
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`msg=listening addr=(\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- "http://" + m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		return a, nil
	case <-time.After(60 * time.Second):
		return "", fmt.Errorf("%s did not start", args[0])
	}
}

func (c *cluster) stop() {
	for _, p := range c.procs {
		p.Process.Kill()
		p.Wait()
	}
	if c.kf != nil {
		c.kf.Close()
	}
	os.RemoveAll(c.dir)
}

func (c *cluster) upload(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, _ := mw.CreateFormFile("file", filepath.Base(path))
	part.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+"/api/v1/documents", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var v struct {
		ID string `json:"id"`
	}
	json.NewDecoder(resp.Body).Decode(&v)
	if resp.StatusCode != http.StatusAccepted && resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("upload %s: status %d", path, resp.StatusCode)
	}
	return v.ID, nil
}

func (c *cluster) uploadAll(files []string) ([]string, error) {
	var ids []string
	for _, f := range files {
		id, err := c.upload(f)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func (c *cluster) status(id string) (string, error) {
	req, _ := http.NewRequest(http.MethodGet, c.base+"/api/v1/documents/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var d struct {
		Status string `json:"status"`
		Error  string `json:"error"`
	}
	json.NewDecoder(resp.Body).Decode(&d)
	if d.Status == "failed" {
		return "", fmt.Errorf("document %s failed: %s", id, d.Error)
	}
	return d.Status, nil
}

func (c *cluster) waitIndexed(ids []string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for _, id := range ids {
		for {
			s, err := c.status(id)
			if err != nil {
				return err
			}
			if s == "indexed" {
				break
			}
			if time.Now().After(deadline) {
				return errors.New("not indexed in time")
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return nil
}

// latency uploads a copy of path made unique (a byte appended after the
// end of the file, which readers ignore) and times until the record says
// indexed: the index takes a record before the register says so, so it is
// searchable then.
func (c *cluster) latency(path string) (time.Duration, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	tmp := filepath.Join(c.dir, "latency"+filepath.Ext(path))
	if err := os.WriteFile(tmp, append(data, '\n'), 0o640); err != nil {
		return 0, err
	}
	start := time.Now()
	id, err := c.upload(tmp)
	if err != nil {
		return 0, err
	}
	if err := c.waitIndexed([]string{id}, 5*time.Minute); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}
