package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vanthu/vanthu/audit"
	"github.com/vanthu/vanthu/intake"
	"github.com/vanthu/vanthu/intake/importer"
	"github.com/vanthu/vanthu/search/web"
)

func serve(ctx context.Context, args []string) error {
	fs := newFlagSet("serve", "")
	var cfg config
	cfg.flags(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "HTTP listen address")
	inbox := fs.String("inbox", "", "drop folder for scans (default DATA/inbox)")
	poll := fs.Duration("poll", 2*time.Second, "how often the drop folder is scanned")
	settle := fs.Duration("settle", 3*time.Second, "how long a dropped file must stay unchanged before it is taken")
	drain := fs.Duration("drain", 30*time.Second, "on shutdown, how long to let documents in flight finish")
	secure := fs.Bool("secure-cookies", false, "mark the session cookie Secure: set when users reach the service over TLS (a reverse proxy)")
	auditKeys := fs.String("audit-key-dir", "", "folder of the audit log's HMAC key, kept apart from the log (default DATA)")
	importRoot := fs.String("import-root", "", "folder the files of imported records (POST /api/v1/import, vanthu import --server) are taken from; empty: records with files are refused")
	retention := fs.Int("audit-retention", 12, "months the audit log keeps its entries; older ones leave it (those about documents stay, as their history) with an entry that says so; 0 keeps all")
	preload := fs.String("preload-index", "auto", "map the index's files into memory at start and after merges, so that no search waits for the kernel to read them in: auto (when they take at most half the machine's memory), always, never")
	var sso web.SSO
	fs.StringVar(&sso.Issuer, "oidc-issuer", "", "single sign-on: the OpenID Connect provider (Keycloak, AD FS) URL; empty: none")
	fs.StringVar(&sso.ClientID, "oidc-client-id", "vanthu", "single sign-on: this service's client ID at the provider")
	fs.StringVar(&sso.ClientSecret, "oidc-client-secret", os.Getenv("VANTHU_OIDC_SECRET"), "single sign-on: the client secret (default $VANTHU_OIDC_SECRET)")
	fs.StringVar(&sso.RedirectURL, "oidc-redirect-url", "", "single sign-on: this service's /login/sso/callback as the provider knows it")
	fs.StringVar(&sso.Claim, "oidc-claim", "preferred_username", "single sign-on: the ID token's claim that names the Vanthu user")
	var cl cluster
	stages := cl.flags(fs, allStages, strings.Join(allStages, ","))
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := cl.parseStages(*stages, allStages); err != nil {
		return err
	}
	if *inbox == "" {
		*inbox = filepath.Join(cfg.Data, "inbox")
	}
	limit, err := preloadLimit(*preload)
	if err != nil {
		return err
	}
	a, err := openApp(cfg, cl)
	if err != nil {
		return err
	}
	defer a.Close()
	if a.index != nil {
		// A look every 10 s: the segment a merge makes is read at random
		// (and mapped in) soon after.
		a.index.Preload(limit, 10*time.Second, a.log)
		a.pipeline.Metrics.Gauge("vanthu_index_preloaded_bytes", func() float64 {
			mapped, _ := a.index.Preloaded()
			return float64(mapped)
		})
	}
	users, err := openUsers(cfg.Data)
	if err != nil {
		return err
	}
	defer users.Close()
	if err := firstRun(users, cfg.Data, os.Stderr); err != nil {
		return err
	}
	auditDir := filepath.Join(cfg.Data, "audit")
	if *auditKeys == "" {
		*auditKeys = cfg.Data
	}
	trail, err := audit.Open(auditDir, *auditKeys)
	if err != nil {
		return fmt.Errorf("%w (vanthu audit verify --data %s tells more)", err, cfg.Data)
	}
	defer trail.Close()
	if *retention < 0 {
		return errors.New("--audit-retention is a number of months, 0 or more")
	}
	if *retention > 0 {
		expire := func() {
			ex, err := trail.Expire(time.Now().AddDate(0, -*retention, 0))
			switch {
			case err != nil:
				a.log.Error("audit log retention", "err", err)
			case ex.Removed > 0:
				a.log.Warn("audit entries past their retention left the log", "removed", ex.Removed, "kept_for_documents", ex.Kept, "before", ex.Before.Format(time.DateOnly), "months", *retention)
			}
		}
		expire()
		go func() {
			t := time.NewTicker(24 * time.Hour)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					expire()
				}
			}
		}()
	}
	var ssoOn *web.SSO
	if sso.Issuer != "" {
		if sso.RedirectURL == "" {
			return errors.New("--oidc-issuer needs --oidc-redirect-url (this service's /login/sso/callback)")
		}
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := sso.Start(sctx)
		cancel()
		if err != nil {
			return err
		}
		ssoOn = &sso
	}

	// The pipeline outlives the first signal until it has drained. Intake
	// starts once it has resumed the unfinished documents.
	pctx, pcancel := context.WithCancel(context.Background())
	defer pcancel()
	pdone, err := a.runPipeline(pctx)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup

	if a.receiver != nil {
		df := &intake.DropFolder{Dir: *inbox, Receiver: a.receiver, Events: a.events, Log: a.log, Interval: *poll, Settle: *settle}
		wg.Add(1)
		go func() { defer wg.Done(); df.Run(ctx) }()
	}
	ws := &web.Server{
		Receiver: a.receiver, Events: a.events, Registry: a.registry, Blobs: a.blobs,
		Searcher: a.searcher, Index: a.index, Metrics: &a.pipeline.Metrics, Log: a.log, MaxUpload: cfg.Limits.MaxFileSize,
		Corrected: a.pipeline.Publish, Users: users, SecureCookies: *secure, Audit: trail, AuditDir: auditDir,
		HoldSecret: a.pipeline.HoldSecret, SSO: ssoOn,
	}
	if a.registry != nil && a.index != nil {
		ws.Importer = &importer.Importer{Registry: a.registry, Index: a.index, Receiver: a.receiver,
			Files: importer.Under(*importRoot), SecretIsolated: a.pipeline.SecretIsolated, Parallel: 2}
	}
	srv := &http.Server{Handler: ws.Handler(), ReadHeaderTimeout: 10 * time.Second}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		pcancel()
		<-pdone
		wg.Wait()
		return err
	}
	a.log.Info("listening", "addr", ln.Addr().String(), "data", cfg.Data, "inbox", *inbox)
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	select {
	case <-ctx.Done():
	case err = <-serveErr:
		a.log.Error("http server stopped", "err", err)
	case <-pdone:
	}
	// Phase one: stop taking work.
	sctx, scancel := context.WithTimeout(context.Background(), 10*time.Second)
	srv.Shutdown(sctx)
	scancel()
	// Phase two: let documents in flight finish, then stop.
	a.log.Info("draining", "deadline", drain.String())
	a.drain(*drain)
	pcancel()
	<-pdone
	wg.Wait()
	a.log.Info("stopped")
	return nil
}

// preloadLimit reads --preload-index: the most bytes of index files to
// map in (0: any), or -1 for none (Index.Preload still advises the
// kernel how the files are read).
func preloadLimit(mode string) (int64, error) {
	switch mode {
	case "always":
		return 0, nil
	case "never":
		return -1, nil
	case "auto":
		total, err := memTotal()
		if err != nil {
			return -1, nil // memory unknown: nothing is mapped in
		}
		return total / 2, nil
	}
	return 0, fmt.Errorf("--preload-index is auto, always or never, not %q", mode)
}

// memTotal is the machine's memory in bytes, from /proc/meminfo.
func memTotal() (int64, error) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("/proc/meminfo: %q: %w", line, err)
			}
			return kb << 10, nil
		}
	}
	return 0, errors.New("/proc/meminfo has no MemTotal")
}
