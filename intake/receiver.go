package intake

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/intake/registry"
	"github.com/vanthu/vanthu/intake/sniff"
)

// Limits bound what intake accepts.
type Limits struct {
	MaxFileSize int64 // bytes
	MaxPixels   int64 // per page of an image file
}

// DefaultLimits accepts files up to 512 MiB and pages up to 80 megapixels.
func DefaultLimits() Limits { return Limits{MaxFileSize: 512 << 20, MaxPixels: 80_000_000} }

// Flags registers the limits' flags on fs.
func (l *Limits) Flags(fs *flag.FlagSet) {
	fs.Int64Var(&l.MaxFileSize, "max-file-size", l.MaxFileSize, "refuse files larger than this many bytes")
	fs.Int64Var(&l.MaxPixels, "max-image-pixels", l.MaxPixels, "refuse image pages with more pixels")
}

// Refusal is why a file was refused, for a clerk.
type Refusal struct {
	Code      string `json:"code"`       // stable, e.g. unsupported_type
	Message   string `json:"message"`    // English
	MessageVI string `json:"message_vi"` // Vietnamese
}

func (r *Refusal) Error() string { return r.Message }

// Refusal codes.
const (
	CodeEmpty        = "empty_file"
	CodeTooLarge     = "file_too_large"
	CodeUnsupported  = "unsupported_type"
	CodeCorrupt      = "corrupt_file"
	CodeTooManyPix   = "image_too_large"
	CodeEncrypted    = "encrypted_pdf"
	CodeTooManyPages = "too_many_pages"
	CodePageTooLarge = "page_too_large"
)

// messagesVI say each refusal to a clerk, in Vietnamese.
var messagesVI = map[string]string{
	CodeCorrupt:      "Tệp bị hỏng hoặc không đầy đủ, không mở được",
	CodeEncrypted:    "Tệp PDF có mật khẩu; hãy gửi bản không đặt mật khẩu",
	CodeTooManyPages: "Tệp có quá nhiều trang",
	CodePageTooLarge: "Trang có khổ quá lớn",
}

// Refuse makes the refusal for a code with its English reason.
func Refuse(code, message string) *Refusal {
	vi, ok := messagesVI[code]
	if !ok {
		vi = messagesVI[CodeCorrupt]
	}
	return &Refusal{Code: code, Message: message, MessageVI: vi}
}

// AsRefusal returns the refusal in err's chain, if any.
func AsRefusal(err error) (*Refusal, bool) {
	var r *Refusal
	ok := errors.As(err, &r)
	return r, ok
}

// Receipt is the outcome of receiving an accepted file.
type Receipt struct {
	Document  vanthu.Document
	Duplicate bool // the same bytes were received before: no new record
}

// Receiver validates, stores and registers received files.
type Receiver struct {
	Blobs      *blob.Store
	Registry   *registry.Registry
	Limits     Limits
	Quarantine string // folder for refused files
	// Enqueue hands a newly registered document to the pipeline. An error
	// here loses nothing: the pipeline resumes registered documents.
	Enqueue func(ctx context.Context, d vanthu.Document) error
	// Check, if set, opens a file of an accepted type to see it can be
	// read (a PDF that is encrypted or corrupt, too many pages): a
	// *Refusal it returns refuses the file, any other error is transient.
	Check func(ctx context.Context, path string, f vanthu.Format) error
	Now   func() time.Time
}

// Receive reads one file, sent by the user named by (empty for the drop
// folder and the command line). It returns a Receipt for an accepted file (new or
// duplicate), or an error: a *Refusal (wrapped in an Invalid error) for a
// file that is refused, after a copy of it was put in quarantine, or a
// Transient error when nothing was decided.
func (r *Receiver) Receive(ctx context.Context, name, by string, src io.Reader) (Receipt, error) {
	sent := strings.ToValidUTF8(name, "\uFFFD")
	if len(sent) > 1024 {
		sent = sent[:1024]
	}
	name = CleanName(name)
	ref, size, format, err := r.Accept(ctx, name, src)
	if err != nil {
		return Receipt{}, err
	}
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	d, created, err := r.Registry.Register(vanthu.Document{
		ID: ref, FileName: name, SentName: sent, Size: size, Format: format, ReceivedAt: now().UTC(), ReceivedBy: by,
	})
	if err != nil {
		return Receipt{}, err
	}
	if created && r.Enqueue != nil {
		// Best effort: a document not enqueued now is resumed at start-up.
		_ = r.Enqueue(ctx, d)
	}
	return Receipt{Document: d, Duplicate: !created}, nil
}

// Accept validates one file and commits it to the store, as Receive does,
// without registering it: a refused file is put in quarantine and the
// error is a *Refusal wrapped in an Invalid error.
func (r *Receiver) Accept(ctx context.Context, name string, src io.Reader) (vanthu.Ref, int64, vanthu.Format, error) {
	st, err := r.Blobs.Stage(ctx, src, r.Limits.MaxFileSize)
	if vanthu.KindOf(err) == vanthu.Invalid {
		return "", 0, "", vanthu.E("intake "+name, vanthu.Invalid, &Refusal{CodeTooLarge,
			fmt.Sprintf("the file is larger than the limit of %s", humanBytes(r.Limits.MaxFileSize)),
			fmt.Sprintf("Tệp lớn hơn giới hạn %s", humanBytes(r.Limits.MaxFileSize))})
	}
	if err != nil {
		return "", 0, "", err
	}
	defer st.Discard()

	format, refusal := r.validate(st)
	if refusal == nil && r.Check != nil {
		if err := r.Check(ctx, st.Path(), format); err != nil {
			var ok bool
			if refusal, ok = AsRefusal(err); !ok {
				return "", 0, "", vanthu.E("intake "+name, vanthu.Transient, err)
			}
		}
	}
	if refusal != nil {
		if err := r.quarantine(st, name, refusal); err != nil {
			return "", 0, "", err
		}
		return "", 0, "", vanthu.E("intake "+name, vanthu.Invalid, refusal)
	}
	if err := st.Commit(); err != nil {
		return "", 0, "", err
	}
	return st.Ref, st.Size, format, nil
}

// validate identifies the staged file by content and checks the limits that
// can be checked without rendering.
func (r *Receiver) validate(st *blob.Staged) (vanthu.Format, *Refusal) {
	if st.Size == 0 {
		return "", &Refusal{CodeEmpty, "the file is empty (0 bytes)", "Tệp rỗng (0 byte)"}
	}
	f, err := st.Open()
	if err != nil {
		return "", &Refusal{CodeCorrupt, "the file cannot be read", "Không đọc được tệp"}
	}
	defer f.Close()
	head := make([]byte, sniff.HeaderSize)
	n, _ := io.ReadFull(f, head)
	format, what := sniff.Sniff(head[:n])
	if format == "" {
		return "", &Refusal{CodeUnsupported,
			fmt.Sprintf("%s is not accepted; send a scan as PDF, TIFF, JPEG or PNG", what),
			fmt.Sprintf("Không nhận loại tệp %s; hãy gửi bản quét dạng PDF, TIFF, JPEG hoặc PNG", what)}
	}
	pages, err := sniff.Inspect(f, st.Size, format)
	if err != nil {
		return "", &Refusal{CodeCorrupt,
			fmt.Sprintf("the %s file is corrupt or truncated", format),
			fmt.Sprintf("Tệp %s bị hỏng hoặc không đầy đủ", strings.ToUpper(string(format)))}
	}
	for i, p := range pages {
		if int64(p.Width)*int64(p.Height) > r.Limits.MaxPixels {
			return "", &Refusal{CodeTooManyPix,
				fmt.Sprintf("page %d is %d×%d pixels, more than the limit of %d", i+1, p.Width, p.Height, r.Limits.MaxPixels),
				fmt.Sprintf("Trang %d có %d×%d điểm ảnh, vượt giới hạn %d", i+1, p.Width, p.Height, r.Limits.MaxPixels)}
		}
	}
	return format, nil
}

// quarantine keeps a refused file with a JSON sidecar saying why.
func (r *Receiver) quarantine(st *blob.Staged, name string, why *Refusal) error {
	if r.Quarantine == "" {
		return nil
	}
	dir := filepath.Join(r.Quarantine, time.Now().UTC().Format("20060102T150405")+"-"+st.Ref.Short())
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return vanthu.E("intake: quarantine", vanthu.Transient, err)
	}
	if err := st.MoveTo(filepath.Join(dir, SafeFileName(name))); err != nil {
		return err
	}
	side, _ := json.MarshalIndent(struct {
		File   string `json:"file"`
		SHA256 string `json:"sha256"`
		Size   int64  `json:"size"`
		*Refusal
		At time.Time `json:"at"`
	}{name, string(st.Ref), st.Size, why, time.Now().UTC()}, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "reason.json"), side, 0o640); err != nil {
		return vanthu.E("intake: quarantine", vanthu.Transient, err)
	}
	return nil
}

// CleanName returns the display form of a received file name: its last path
// element only, NFC, without control characters. It is data, never a path.
func CleanName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = name[strings.LastIndexByte(name, '/')+1:]
	name = norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, name))
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." {
		return "unnamed"
	}
	if len(name) > 255 {
		name = name[:255]
	}
	return name
}

// SafeFileName turns a display name into one safe to create on disk.
func SafeFileName(name string) string {
	name = CleanName(name)
	name = strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|':
			return '_'
		}
		return r
	}, strings.TrimLeft(name, "."))
	if name == "" {
		return "unnamed"
	}
	return name
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.0f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
