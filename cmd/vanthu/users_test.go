package main

import (
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// First run, and the user commands: serve with no users makes an admin
// and tells the password once; the commands manage users while the server
// is stopped, and say where to go while it runs.
func TestFirstRunAndUserCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: runs the real service")
	}
	data := t.TempDir()
	s := start(t, "serve", "--addr", "127.0.0.1:0", "--data", data, "--poll", "1s")
	file := filepath.Join(data, "initial-admin-password")
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("initial-admin-password: %v, mode %v; want 0600", err, fi)
	}
	b, _ := os.ReadFile(file)
	password := strings.TrimSpace(string(b))
	if !strings.Contains(s.logs.String(), password) {
		t.Errorf("the console does not show the admin password:\n%s", s.logs)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(s.base+"/login", url.Values{"user": {"admin"}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var me struct{ Name, Role string }
	resp, err = c.Get(s.base + "/api/v1/me")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&me)
	resp.Body.Close()
	if me.Name != "admin" || me.Role != "admin" {
		t.Errorf("logged in as %+v, want admin", me)
	}
	// While it runs, the commands send the user to the admin pages.
	out, err := exec.Command(vanthuBin, "user", "list", "--data", data).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "/admin/users") {
		t.Errorf("user list while serving: %v\n%s", err, out)
	}
	s.kill()

	vanthu := func(stdin string, args ...string) string {
		t.Helper()
		cmd := exec.Command(vanthuBin, args...)
		cmd.Stdin = strings.NewReader(stdin)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("vanthu %s: %v", strings.Join(args, " "), err)
		}
		return string(out)
	}
	vanthu(testPassword+"\n", "user", "add", "lan", "--role", "Văn thư", "--unit", "Văn phòng", "--data", data)
	if list := vanthu("", "user", "list", "--data", data); !strings.Contains(list, "lan") || !strings.Contains(list, "clerk") || !strings.Contains(list, "Văn phòng") {
		t.Errorf("user list:\n%s", list)
	}
	token := strings.TrimSpace(vanthu("", "token", "create", "lan", "--data", data))
	if !strings.HasPrefix(token, "vt_") {
		t.Fatalf("token create printed %q", token)
	}
	// The token uploads a scan through `vanthu ingest --server`.
	s = start(t, "serve", "--addr", "127.0.0.1:0", "--data", data, "--poll", "1s")
	scan := filepath.Join(t.TempDir(), "congvan.png")
	os.WriteFile(scan, scanFile(t, "congvan.png"), 0o644)
	if out, err := exec.Command(vanthuBin, "ingest", "--server", s.base, "--token", "vt_wrong", scan).CombinedOutput(); err == nil || !strings.Contains(string(out), "refused the token") {
		t.Errorf("ingest with a wrong token: %v\n%s", err, out)
	}
	if out, err := exec.Command(vanthuBin, "ingest", "--server", s.base, "--token", token, scan).CombinedOutput(); err != nil {
		t.Errorf("ingest --server: %v\n%s", err, out)
	}
	s.kill()
	// What happened is in the audit log, whose chain the command checks;
	// one byte changed in it, the check fails and names the entry.
	if out := vanthu("", "audit", "verify", "--data", data); !strings.Contains(out, "audit log intact") {
		t.Errorf("audit verify: %s", out)
	}
	logFile := filepath.Join(data, "audit", "audit.log")
	b, err = os.ReadFile(logFile)
	if err != nil || !strings.Contains(string(b), `"action":"receive"`) || !strings.Contains(string(b), `"action":"login"`) {
		t.Errorf("the audit log lacks the login or the upload: %v\n%s", err, b)
	}
	os.WriteFile(logFile, []byte(strings.Replace(string(b), `"user":"lan"`, `"user":"lam"`, 1)), 0o600)
	if out, err := exec.Command(vanthuBin, "audit", "verify", "--data", data).CombinedOutput(); err == nil || !strings.Contains(string(out), "was changed") {
		t.Errorf("audit verify of an edited log: %v\n%s", err, out)
	}
	os.WriteFile(logFile, b, 0o600)
	// A disabled user's token no longer works.
	vanthu("", "user", "disable", "lan", "--data", data)
	s = start(t, "serve", "--addr", "127.0.0.1:0", "--data", data, "--poll", "1s")
	req, _ := http.NewRequest("GET", s.base+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a disabled user's token: %d, want 401", resp.StatusCode)
	}
}
