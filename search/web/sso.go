package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/vanthu/vanthu/audit"
)

// SSO is single sign-on through the agency's OpenID Connect provider
// (Keycloak, AD FS): it proves who the user is; Vanthu's own user of that
// name (added by an admin, with a role and a unit) says what they may do.
type SSO struct {
	Issuer       string // e.g. https://sso.example.gov.vn/realms/ubnd
	ClientID     string
	ClientSecret string
	RedirectURL  string // this service's /login/sso/callback, as the provider knows it
	// Claim names the user: preferred_username by default.
	Claim string

	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// Start discovers the provider and readies the flow.
func (s *SSO) Start(ctx context.Context) error {
	p, err := oidc.NewProvider(ctx, s.Issuer)
	if err != nil {
		return fmt.Errorf("sso: the provider %s: %w", s.Issuer, err)
	}
	s.oauth = oauth2.Config{ClientID: s.ClientID, ClientSecret: s.ClientSecret, RedirectURL: s.RedirectURL,
		Endpoint: p.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "profile"}}
	s.verifier = p.Verifier(&oidc.Config{ClientID: s.ClientID})
	if s.Claim == "" {
		s.Claim = "preferred_username"
	}
	return nil
}

// ssoLogin is GET /login/sso: off to the provider, with a state (and a
// nonce) kept in the session.
func (s *Server) ssoLogin(w http.ResponseWriter, r *http.Request) error {
	state, nonce := randomString(), randomString()
	s.sessions.Put(r.Context(), "sso_state", state)
	s.sessions.Put(r.Context(), "sso_nonce", nonce)
	s.sessions.Put(r.Context(), "sso_next", safeNext(r.URL.Query().Get("next")))
	http.Redirect(w, r, s.SSO.oauth.AuthCodeURL(state, oidc.Nonce(nonce)), http.StatusFound)
	return nil
}

// ssoCallback is GET /login/sso/callback: the provider's answer. The ID
// token is verified (issuer, audience, signature, expiry, nonce) and its
// user must be a Vanthu user who is not disabled.
func (s *Server) ssoCallback(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	fail := func(msg string, err error) error {
		s.log().Warn("sso login failed", "err", err, "addr", clientAddr(r))
		s.note(r, audit.Entry{Action: "login", Object: "sso", Outcome: "failed"})
		return s.render(w, r, http.StatusUnauthorized, "login.html", map[string]any{"Title": "Đăng nhập", "Next": "/", "Error": msg, "SSO": true})
	}
	want := s.sessions.PopString(ctx, "sso_state")
	if want == "" || r.URL.Query().Get("state") != want {
		return fail("Phiên đăng nhập một lần không hợp lệ, xin thử lại.", errors.New("state does not match"))
	}
	tok, err := s.SSO.oauth.Exchange(ctx, r.URL.Query().Get("code"))
	if err != nil {
		return fail("Máy chủ đăng nhập một lần không xác nhận.", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	id, err := s.SSO.verifier.Verify(ctx, raw)
	if err != nil || id.Nonce != s.sessions.PopString(ctx, "sso_nonce") {
		return fail("Máy chủ đăng nhập một lần không xác nhận.", fmt.Errorf("id token: %v", err))
	}
	var claims map[string]any
	if err := id.Claims(&claims); err != nil {
		return fail("Máy chủ đăng nhập một lần không xác nhận.", err)
	}
	name, _ := claims[s.SSO.Claim].(string)
	u, err := s.Users.Get(name)
	if err != nil || u.Disabled {
		return fail("Tài khoản "+name+" chưa được cấp quyền dùng Vanthu; xin liên hệ quản trị.", fmt.Errorf("no user %q", name))
	}
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, "user", u.Name)
	s.note(r, audit.Entry{User: u.Name, Action: "login", Object: "sso", Outcome: "ok"})
	http.Redirect(w, r, safeNext(s.sessions.PopString(ctx, "sso_next")), http.StatusSeeOther)
	return nil
}

func randomString() string {
	var b [24]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}
