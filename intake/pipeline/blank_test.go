package pipeline

import (
	"testing"

	"github.com/vanthu/vanthu"
)

// A file of blank pages is warned as blank; one whose pages have ink that
// no text was read from (photographs) is not: it has its own warning.
func TestAllBlank(t *testing.T) {
	blank := []vanthu.Page{{Number: 1, Done: true}, {Number: 2, Done: true}}
	photos := []vanthu.Page{{Number: 1, Done: true, Unread: true}, {Number: 2, Done: true}}
	text := []vanthu.Page{{Number: 1, Done: true, Text: "Quyết định"}}
	if !allBlank(blank) || allBlank(photos) || allBlank(text) || allBlank(nil) {
		t.Errorf("allBlank: blank %v, photos %v, text %v, none %v; want true, false, false, false",
			allBlank(blank), allBlank(photos), allBlank(text), allBlank(nil))
	}
}
