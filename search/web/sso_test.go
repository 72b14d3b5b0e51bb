package web

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc/oidctest"

	"github.com/vanthu/vanthu/access"
)

// provider is an OpenID Connect provider on loopback (the agency's
// Keycloak, say): discovery and keys from go-oidc's oidctest, and an
// authorisation endpoint that signs in whoever it is told to.
type provider struct {
	*httptest.Server
	key   *rsa.PrivateKey
	user  string // who signs in next
	mu    sync.Mutex
	codes map[string]string // code → nonce
}

func newProvider(t *testing.T, clientID string) *provider {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &provider{key: key, codes: map[string]string{}}
	disc := &oidctest.Server{PublicKeys: []oidctest.PublicKey{{PublicKey: key.Public(), KeyID: "k1", Algorithm: "RS256"}}}
	mux := http.NewServeMux()
	mux.Handle("/", disc)
	mux.HandleFunc("/auth", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		code := randomString()
		p.mu.Lock()
		p.codes[code] = q.Get("nonce")
		p.mu.Unlock()
		http.Redirect(w, r, q.Get("redirect_uri")+"?"+url.Values{"code": {code}, "state": {q.Get("state")}}.Encode(), http.StatusFound)
	})
	mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		nonce, ok := p.codes[r.PostFormValue("code")]
		delete(p.codes, r.PostFormValue("code"))
		p.mu.Unlock()
		if !ok {
			http.Error(w, `{"error":"invalid_grant"}`, http.StatusBadRequest)
			return
		}
		claims := fmt.Sprintf(`{"iss":%q,"aud":%q,"sub":"1","exp":%d,"iat":%d,"nonce":%q,"preferred_username":%q}`,
			p.URL, clientID, time.Now().Add(time.Hour).Unix(), time.Now().Unix(), nonce, p.user)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"access_token": "a", "token_type": "Bearer", "expires_in": 3600,
			"id_token": oidctest.SignIDToken(p.key, "k1", "RS256", claims)})
	})
	p.Server = httptest.NewServer(mux)
	disc.SetIssuer(p.URL)
	t.Cleanup(p.Close)
	return p
}

// Single sign-on: the provider says who the user is; a Vanthu user of that
// name gets in with their own role; a name Vanthu does not know does not.
func TestSingleSignOn(t *testing.T) {
	p := newProvider(t, "vanthu")
	s := fullServer(t)
	s.SSO = &SSO{Issuer: p.URL, ClientID: "vanthu", ClientSecret: "bí mật"}
	srv, _ := serve(t, s, "")
	srvURL := srv.URL
	s.SSO.RedirectURL = srvURL + "/login/sso/callback"
	if err := s.SSO.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	signIn := func(user string) (*http.Response, string) {
		p.user = user
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		resp, err := c.Get(srvURL + "/login/sso?next=/register")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(b)
	}
	resp, page := signIn(string(access.Clerk))
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/register" || !strings.Contains(page, "Văn thư") {
		t.Errorf("clerk by SSO: %d at %s\n%.300s", resp.StatusCode, resp.Request.URL, page)
	}
	resp, page = signIn("nguoi-la")
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(page, "chưa được cấp quyền") {
		t.Errorf("an unknown user by SSO: %d\n%.300s", resp.StatusCode, page)
	}
	// The login page offers it.
	if _, page := get(t, srvURL+"/login", ""); !strings.Contains(page, `id="dang-nhap-sso"`) {
		t.Error("the login page does not offer single sign-on")
	}
}
