package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The web UI in a real browser: Debian's Chromium, headless, driven over
// the DevTools protocol, against `vanthu serve` on loopback. Screenshots of
// each page go to artifacts/ui/ (not committed): look at them.

func newBrowser(t *testing.T) context.Context {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is missing: run scripts/setup.sh --test (make test does)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 768),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if err := chromedp.Do(ctx); err != nil { // starts the browser, for the context's life
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// screenshot keeps the whole page as artifacts/ui/NAME.png.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png := get(t, ctx, "screenshot "+name, chromedp.FullScreenshot(100))
	dir := filepath.Join("..", "..", "artifacts", "ui")
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// do runs browser steps, each bounded so a broken page fails the test
// instead of hanging it.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	get(t, ctx, what, chromedp.Steps(steps...))
}

func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// waitURL waits until the page's address contains part, across the
// navigation a form submission starts.
func waitURL(t *testing.T, ctx context.Context, part string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		lctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		u, err := chromedp.Run(lctx, chromedp.Location())
		cancel()
		if err == nil && strings.Contains(u, part) {
			return
		}
	}
	t.Fatalf("the page never went to an address with %q", part)
}

// signedThenChanged signs a scan with a certificate made for the test,
// appends bytes after the signature, and returns the file.
func signedThenChanged(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	noise := make([]byte, 2048)
	rand.Read(noise)
	os.WriteFile(filepath.Join(dir, "noise"), noise, 0o600)
	src, _ := filepath.Abs("../../testdata/scans/congvan-2p.pdf")
	for _, args := range [][]string{
		{"certutil", "-N", "-d", "sql:db", "--empty-password"},
		{"certutil", "-S", "-d", "sql:db", "-n", "signer", "-s", "CN=Van phong Thu,O=Thu", "-x", "-t", "CT,C,C", "-k", "rsa", "-g", "2048", "-z", "noise", "-v", "12"},
		{"pdfsig", "-nssdir", "sql:db", "-add-signature", "-nick", "signer", src, "da-ky.pdf"},
	} {
		os.MkdirAll(filepath.Join(dir, "db"), 0o700)
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	path := filepath.Join(dir, "da-ky.pdf")
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n% added after signing\n")
	f.Close()
	return path
}

func TestWebUIInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: runs the real service and Chromium")
	}
	data := t.TempDir()
	addUser(t, data, "e2e-staff", "staff")
	s := startServer(t, data)
	ctx := newBrowser(t)
	scan, _ := filepath.Abs("../../testdata/scans/congvan.png")
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	login := func(user string) {
		t.Helper()
		do(t, ctx, "log in as "+user, chromedp.WaitVisible(chromedp.ID("user")),
			chromedp.SendKeys(chromedp.ID("user"), user), chromedp.SendKeys(chromedp.ID("password"), testPassword),
			chromedp.Submit(chromedp.ID("password")), chromedp.WaitVisible(chromedp.ID("nguoi-dung")))
	}

	// A clerk opens the intake page, is sent to the login page, logs in,
	// lands on the intake page, uploads a scan and waits for it to be
	// indexed.
	do(t, ctx, "open the intake page", chromedp.Navigate(s.base+"/intake"))
	waitURL(t, ctx, "/login?next=")
	screenshot(t, ctx, "0-login")
	login("e2e-clerk")
	do(t, ctx, "the intake page", chromedp.WaitVisible(chromedp.ID("files")))
	do(t, ctx, "upload", chromedp.SetUploadFiles(chromedp.ID("files"), []string{scan}), chromedp.Click(css(`#upload button[type=submit]`)))
	get(t, ctx, "the upload is acknowledged", chromedp.Poll[bool](`document.querySelector("#upload-results").textContent.includes("congvan.png: đã tiếp nhận")`, chromedp.WithPollingTimeout(30*time.Second)))
	get(t, ctx, "the queue shows the document indexed", chromedp.Poll[bool](`[...document.querySelectorAll("#queue tbody tr")].some(tr =>
		tr.textContent.includes("congvan.png") && tr.querySelector(".state").textContent === "Đã lập chỉ mục")`,
		chromedp.WithPollingTimeout(3*time.Minute), chromedp.WithPollingInterval(300*time.Millisecond)))
	// A file that is not a scan is refused, with the reason in Vietnamese.
	bad := filepath.Join(t.TempDir(), "biên bản.pdf")
	os.WriteFile(bad, []byte("đây không phải tệp PDF\n"), 0o644)
	do(t, ctx, "upload a bad file", chromedp.SetUploadFiles(chromedp.ID("files"), []string{bad}), chromedp.Click(css(`#upload button[type=submit]`)))
	get(t, ctx, "the refusal is shown", chromedp.Poll[bool](`document.querySelector("#upload-results").textContent.includes("biên bản.pdf: bị từ chối — ") &&
		document.querySelector("#events").textContent.includes("biên bản.pdf")`, chromedp.WithPollingTimeout(30*time.Second)))
	screenshot(t, ctx, "1-intake")

	// Staff search for it without diacritics, from the search box.
	do(t, ctx, "search", chromedp.Navigate(s.base+"/"), chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "cai cach hanh chinh"+kb.Enter))
	// The home page lists the latest documents too: wait for the results page.
	waitURL(t, ctx, "q=")
	do(t, ctx, "results", chromedp.WaitVisible(css(".hit")))
	url := get(t, ctx, "location", chromedp.Location())
	first := get(t, ctx, "first hit", chromedp.Text(css(".hit")))
	if !strings.Contains(url, "q=cai+cach+hanh+chinh") {
		t.Errorf("the URL does not carry the search: %s", url)
	}
	if !strings.Contains(first, "Trang 1") || !strings.Contains(first, "cải cách hành chính") {
		t.Errorf("the first hit shows no page number or no matching snippet: %q", first)
	}
	if n := get(t, ctx, "highlights", chromedp.Evaluate[int](`document.querySelectorAll(".hit .snippet mark").length`)); n == 0 {
		t.Error("the snippet highlights nothing")
	}
	screenshot(t, ctx, "2-search")

	// The URL alone reproduces the search: load it afresh.
	do(t, ctx, "reload the search URL", chromedp.Navigate(url), chromedp.WaitVisible(css(".hit")))
	if again := get(t, ctx, "first hit again", chromedp.Text(css(".hit"))); again != first {
		t.Errorf("loading %s again shows %q first, not %q", url, again, first)
	}

	// Open it: the hits are marked on the page image and in the text.
	do(t, ctx, "open the document", chromedp.Click(css(".hit h2 a")), chromedp.WaitVisible(css(".scan img")))
	get(t, ctx, "the page image loads", chromedp.Poll[bool](`document.querySelector(".scan img").complete && document.querySelector(".scan img").naturalWidth > 0`, chromedp.WithPollingTimeout(20*time.Second)))
	boxes := get(t, ctx, "hit boxes", chromedp.Evaluate[int](`document.querySelectorAll(".scan .hitbox").length`))
	textMarks := get(t, ctx, "text marks", chromedp.Evaluate[int](`document.querySelectorAll("pre.ocr mark").length`))
	if boxes == 0 || textMarks == 0 {
		t.Errorf("hits marked: %d on the image, %d in the text; want both", boxes, textMarks)
	}
	screenshot(t, ctx, "3-document")
	docURL := get(t, ctx, "the document's address", chromedp.Location())

	// A report of the earlier system that answers the letter comes in
	// (imported by the clerk, from the page): the letter's page names it
	// among its related documents, and the report's page links the letter
	// it cites.
	imported := get(t, ctx, "import a report that cites the letter", chromedp.Evaluate[string](
		`fetch("/api/v1/import", {method: "POST", headers: {"Content-Type": "application/x-ndjson"}, body: JSON.stringify({
			id: "bc-12", number: "12/BC-SNV", doc_type: "Báo cáo", issuer: "SỞ NỘI VỤ TỈNH HÒA BÌNH", issued_date: "2024-03-20",
			subject: "Báo cáo kết quả thực hiện Công văn số 45/UBND-VX",
			body: "Thực hiện Công văn số 45/UBND-VX ngày 05/3/2024 của Ủy ban nhân dân tỉnh, Sở Nội vụ báo cáo kết quả thực hiện."}) + "\n"}).then(r => r.text())`,
		chromedp.EvalAwaitPromise))
	if !strings.Contains(imported, `"outcome":"imported"`) {
		t.Fatalf("the import answered %s", imported)
	}
	do(t, ctx, "the letter's related documents", chromedp.Navigate(docURL), chromedp.WaitVisible(css("#duoc-vien-dan a")))
	if cited := get(t, ctx, "cited by", chromedp.Text(css("#duoc-vien-dan"))); !strings.Contains(cited, "Báo cáo 12/BC-SNV ngày 20/03/2024") {
		t.Errorf("the letter is cited by %q, want the report", cited)
	}
	screenshot(t, ctx, "3b-related")
	do(t, ctx, "open the report", chromedp.Click(css("#duoc-vien-dan a")), chromedp.WaitVisible(css("#vien-dan a")))
	if back := get(t, ctx, "the letter linked", chromedp.Evaluate[string](`document.querySelector("#vien-dan a").href`)); !strings.HasPrefix(docURL, back) {
		t.Errorf("the report links %q for the letter it cites, want %s", back, docURL)
	}
	do(t, ctx, "back to the letter", chromedp.Navigate(docURL), chromedp.WaitVisible(css(".scan img")))

	// The PDF/A archive copy is offered first, and is a PDF/A file.
	if ids := get(t, ctx, "download links", chromedp.Evaluate[string](`[...document.querySelectorAll(".downloads a")].map(a => a.id).join(" ")`)); ids != "tai-ban-luu-tru tai-ban-goc" {
		t.Errorf("download links %q, want the archive copy first, then the original", ids)
	}
	head := get(t, ctx, "the archive copy", chromedp.Evaluate[string](
		`fetch(document.getElementById("tai-ban-luu-tru").href).then(r => r.text()).then(s => s.slice(0, 8) + (s.includes("<pdfaid:part>2</pdfaid:part>") ? " PDF/A-2" : ""))`,
		chromedp.EvalAwaitPromise))
	if head != "%PDF-1.7 PDF/A-2" {
		t.Errorf("the archive copy begins %q, want a PDF/A-2 file", head)
	}

	// The clerk who uploaded it downloads the original: the same bytes.
	dl := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	do(t, ctx, "download", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		events := true
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dl, EventsEnabled: &events,
		})
		return err
	}), chromedp.Click(chromedp.ID("tai-ban-goc")))
	done := make(chan string, 1)
	go func() {
		for ev, err := range progress {
			if err != nil {
				return
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				done <- ev.GUID
				return
			}
		}
	}()
	select {
	case guid := <-done:
		got, err := os.ReadFile(filepath.Join(dl, guid))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := os.ReadFile(scan)
		if !bytes.Equal(got, want) {
			t.Errorf("the downloaded original (%d bytes) differs from the scan uploaded (%d bytes)", len(got), len(want))
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the download did not complete")
	}

	// A clerk corrects a field; the page says so and shows the new value.
	do(t, ctx, "correct the signer",
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`document.querySelector(".correct details").open = true`)(ctx, t)
			return err
		}),
		chromedp.SetValue(chromedp.ID("f-signer"), "Nguyễn Văn Kiểm Tra"),
		chromedp.Submit(chromedp.ID("f-signer")), chromedp.WaitVisible(css(".ok")))
	if info := get(t, ctx, "the record", chromedp.Text(css(".fields"))); !strings.Contains(info, "Nguyễn Văn Kiểm Tra") {
		t.Errorf("the corrected signer is not shown: %q", info)
	}

	// The register lists it, and errors read as Vietnamese sentences.
	do(t, ctx, "register", chromedp.Navigate(s.base+"/register"), chromedp.WaitVisible(css("table.register")))
	if reg := get(t, ctx, "register rows", chromedp.Text(css("table.register tbody"))); !strings.Contains(reg, "Công văn") {
		t.Errorf("the register does not list the document: %q", reg)
	}
	screenshot(t, ctx, "4-register")

	// A case file: opened from its form, the document filed in it from the
	// document's page, listed in its table of contents.
	const code = "000.00.00.G09.2026.01.TH"
	do(t, ctx, "open a case file", chromedp.Navigate(s.base+"/files"), chromedp.WaitVisible(chromedp.ID("code")),
		chromedp.SendKeys(chromedp.ID("code"), code), chromedp.SendKeys(chromedp.ID("title"), "Hồ sơ công văn thử nghiệm"),
		chromedp.SendKeys(chromedp.ID("retention"), "10"), chromedp.Submit(chromedp.ID("code")))
	waitURL(t, ctx, "/files/"+code)
	do(t, ctx, "file the document", chromedp.Navigate(docURL), chromedp.WaitVisible(chromedp.ID("dua-vao-ho-so")), chromedp.Submit(chromedp.ID("ho-so")))
	waitURL(t, ctx, "added=1")
	if rows := get(t, ctx, "the case file's contents", chromedp.Text(css("table.register tbody"))); !strings.Contains(rows, "Công văn") || !strings.Contains(rows, "PDF/A") {
		t.Errorf("the case file does not list the document with its archive copy: %q", rows)
	}
	screenshot(t, ctx, "4b-case-file")
	do(t, ctx, "an error page", chromedp.Navigate(s.base+"/documents/khong-co"))
	if msg := get(t, ctx, "error text", chromedp.Text(css(".alert"))); msg != "Mã văn bản không hợp lệ" {
		t.Errorf("error page says %q", msg)
	}
	do(t, ctx, "a bad date", chromedp.Navigate(s.base+"/search?from=2024-13-40"))
	if msg := get(t, ctx, "error text", chromedp.Text(css(".alert"))); !strings.Contains(msg, "ngày") {
		t.Errorf("a bad date says %q", msg)
	}
	screenshot(t, ctx, "5-error")

	// A signed file changed after signing: the queue tells the clerk, in
	// the rows it refreshes.
	changed := signedThenChanged(t)
	do(t, ctx, "the intake page again", chromedp.Navigate(s.base+"/intake"), chromedp.WaitVisible(chromedp.ID("files")))
	do(t, ctx, "upload a file changed after signing", chromedp.SetUploadFiles(chromedp.ID("files"), []string{changed}), chromedp.Click(css(`#upload button[type=submit]`)))
	get(t, ctx, "the queue warns of it", chromedp.Poll[bool](`[...document.querySelectorAll("#queue tbody tr")].some(tr =>
		tr.textContent.includes("da-ky.pdf") && [...tr.querySelectorAll(".flag")].some(f => f.textContent.includes("sửa đổi sau khi ký")))`,
		chromedp.WithPollingTimeout(time.Minute), chromedp.WithPollingInterval(300*time.Millisecond)))
	screenshot(t, ctx, "5b-intake-warning")

	// On a phone.
	do(t, ctx, "phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(url), chromedp.WaitVisible(css(".hit")))
	screenshot(t, ctx, "6-search-phone")

	// The clerk logs out: the pages send to the login page again.
	do(t, ctx, "log out", chromedp.EmulateViewport(1280, 900), chromedp.Click(css(`form.who button`)), chromedp.WaitVisible(chromedp.ID("user")))
	do(t, ctx, "the register after logging out", chromedp.Navigate(s.base+"/register"))
	waitURL(t, ctx, "/login?next=")

	// Staff (chuyên viên) search and read, but neither receive nor see
	// the register: the menu offers only search, and the pages say no.
	login("e2e-staff")
	if menu := get(t, ctx, "the menu", chromedp.Text(css("header nav"))); strings.Contains(menu, "Tiếp nhận") || strings.Contains(menu, "Sổ văn bản") || !strings.Contains(menu, "Tìm kiếm") {
		t.Errorf("staff menu: %q", menu)
	}
	do(t, ctx, "staff search", chromedp.Navigate(url), chromedp.WaitVisible(css(".hit")))
	do(t, ctx, "staff open the intake page", chromedp.Navigate(s.base+"/intake"), chromedp.WaitVisible(css(".alert")))
	if msg := get(t, ctx, "refusal", chromedp.Text(css(".alert"))); !strings.Contains(msg, "Chuyên viên") {
		t.Errorf("staff on the intake page see %q", msg)
	}
	screenshot(t, ctx, "7-staff-refused")
}
