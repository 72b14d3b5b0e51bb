package eval

import (
	"image"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
)

// TestCorpusFoldedAndPunched reads the dev corpus's pages again, each
// rescanned at 200 dpi in colour, as they are and as letters folded for
// the post and punched for a binder (foldedPunched): the creases and the
// holes are whitened before a page is read (ocr.StepCreases,
// ocr.StepHoles), so that its text reads as well as the sheet's
// unfolded. The CER is of all the corpus's characters (the edits of all
// its pages over their characters), so that a page of a few characters
// weighs what it holds. In the whole evaluation only: it reads the
// corpus twice.
func TestCorpusFoldedAndPunched(t *testing.T) {
	if !evalFull() {
		t.Skipf("the whole evaluation reads it (%s=full)", fullEnv)
	}
	dir := CorpusDir("../..")
	truths, err := LoadCorpus(dir)
	if err != nil || len(truths) == 0 {
		t.Skipf("no corpus at %s (set VANTHU_CORPUS or VANTHU_SHARED): %v", dir, err)
	}
	ways := []struct {
		name string
		page func(*image.RGBA, int) string
	}{
		{"unfolded", jpegImage},
		{"folded and punched", func(img *image.RGBA, dpi int) string { return jpegImage(foldedPunched(img, dpi), 0) }},
	}
	cer := make([]float64, len(ways))
	for k, way := range ways {
		out := t.TempDir()
		files := map[string]string{}
		err := parallel(len(truths), func(i int) error {
			return rescan(filepath.Join(dir, truths[i].File), filepath.Join(out, truths[i].ID+".pdf"), 200, way.page, false)
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range truths {
			files[filepath.Join(out, tr.ID+".pdf")] = tr.ID
		}
		res, err := processFiles(files)
		if err != nil {
			t.Fatal(err)
		}
		var edits, chars int
		for _, tr := range truths {
			pages := res[tr.ID].Pages
			for i, p := range tr.Pages {
				want := oneLine(p.Text)
				got := ""
				if i < len(pages) {
					got = oneLine(pages[i].Text)
				}
				edits += dict.EditDistance(got, want)
				chars += utf8.RuneCountInString(want)
			}
		}
		cer[k] = float64(edits) / float64(chars)
		t.Logf("%s: CER %.2f%% (%d edits in %d characters)", way.name, 100*cer[k], edits, chars)
	}
	if cer[1] > cer[0]+0.002 {
		t.Errorf("folded and punched: CER %.2f%%, unfolded %.2f%%; want within 0.2 points", 100*cer[1], 100*cer[0])
	}
}

// oneLine is text in NFC with its runs of white space made one space.
func oneLine(text string) string { return strings.Join(strings.Fields(dict.NFC(text)), " ") }
