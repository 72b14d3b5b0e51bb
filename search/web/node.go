package web

import (
	"crypto/subtle"
	"io"
	"net/http"
	"strings"
)

// NodeHandler is the HTTP face of a node that holds no documents and no
// users (a Kafka worker): /healthz for anyone, /metrics for a scraper
// that sends token as a bearer token (none configured: nobody), and 401
// or 404 for the rest.
func NodeHandler(metrics io.WriterTo, token string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		sent, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || token == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 {
			w.Header().Set("WWW-Authenticate", "Bearer")
			writeJSON(w, http.StatusUnauthorized, map[string]*apiError{"error": errUnauthenticated})
			return
		}
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		if metrics != nil {
			metrics.WriteTo(w)
		}
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]*apiError{"error": {http.StatusNotFound, "stage_not_here", "this node serves only /healthz and /metrics", "Máy chủ này chỉ phục vụ /healthz và /metrics"}})
	})
	return mux
}
