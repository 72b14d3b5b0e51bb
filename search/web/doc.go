// Package web serves Vanthu over HTTP: the JSON API under /api/v1 and
// /metrics. Every handler returns an error to one funnel (serveErr) that
// maps it to a status and a JSON body with a stable code; a bad request is
// never a 500.
package web
