module github.com/vanthu/vanthu

go 1.26.0

require (
	github.com/gen2brain/go-fitz v1.24.15
	github.com/otiai10/gosseract/v2 v2.4.1
	go.etcd.io/bbolt v1.5.0
	golang.org/x/image v0.47.0
	golang.org/x/text v0.43.0
)

require (
	github.com/ebitengine/purego v0.8.4 // indirect
	github.com/jupiterrider/ffi v0.5.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
