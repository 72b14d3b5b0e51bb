package signature

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
)

// What the clerk is told of a file's signatures: the warnings, the
// register's note, and the names of what a signature allows and what was
// changed after it.

// Warnings are what a clerk must be told of a file's signatures, in
// Vietnamese (with English after):
//   - a signature whose bytes changed, or whose chain is not trusted;
//   - a certifying signature after which the file changed in a way it
//     does not allow;
//   - an earlier signature after which the content changed: a later
//     signer signed what the first did not;
//   - bytes added after the last signature — unless all they add is the
//     data kept to validate the signatures (PAdES's long-term validation),
//     which changes nothing the document says.
func Warnings(sigs []vanthu.Signature) []string {
	var out []string
	last := -1
	for i, s := range sigs {
		switch {
		case !s.Intact && s.TimeStamp:
			out = append(out, fmt.Sprintf("Dấu thời gian của %s không hợp lệ (%s)", orUnknown(s.Signer), s.Error))
		case !s.Intact:
			out = append(out, fmt.Sprintf("Chữ ký số của %s không hợp lệ: nội dung đã bị thay đổi sau khi ký (%s)", orUnknown(s.Signer), s.Error))
		}
		if s.Trusted != nil && !*s.Trusted {
			out = append(out, fmt.Sprintf("Chứng thư số của %s không được tin cậy (%s)", orUnknown(s.Signer), s.Error))
		}
		if last < 0 || s.UnsignedBytes < sigs[last].UnsignedBytes {
			last = i
		}
	}
	for i, s := range sigs {
		if s.UnsignedBytes == 0 {
			continue
		}
		added, forbidden := s.AddedAfter, Forbidden(s)
		switch {
		case len(forbidden) > 0:
			out = append(out, fmt.Sprintf("Chữ ký chứng thực của %s %s, nhưng sau khi ký tệp có thay đổi về %s (certification violated: %s)",
				orUnknown(s.Signer), CertificationName(s.Certification), addedNames(forbidden), strings.Join(forbidden, ", ")))
		case i != last:
			if slices.Contains(added, vanthu.AddedContent) {
				out = append(out, fmt.Sprintf("Nội dung văn bản đã bị thay đổi sau chữ ký của %s: chữ ký sau ký lên văn bản đã thay đổi (content modified after this signature)", orUnknown(s.Signer)))
			}
		case len(added) == 0:
			out = append(out, fmt.Sprintf("Tệp đã bị sửa đổi sau khi ký: %d byte sau chữ ký cuối cùng không được ký (modified after signing)", s.UnsignedBytes))
		case !slices.Equal(added, []string{vanthu.AddedValidation}):
			out = append(out, fmt.Sprintf("Tệp đã bị sửa đổi sau khi ký: %d byte sau chữ ký cuối cùng không được ký, có thay đổi về %s (modified after signing: %s)",
				s.UnsignedBytes, addedNames(added), strings.Join(added, ", ")))
		}
	}
	return out
}

// Forbidden returns the kinds of change after a certifying signature that
// its certification does not allow; none for an approval signature.
func Forbidden(s vanthu.Signature) []string {
	if s.Certification == 0 {
		return nil
	}
	var out []string
	for _, a := range s.AddedAfter {
		switch {
		case a == vanthu.AddedValidation, a == vanthu.AddedInfo,
			a == vanthu.AddedSignature && s.Certification >= vanthu.CertifyForms,
			a == vanthu.AddedAnnotations && s.Certification >= vanthu.CertifyAnnotations:
		default:
			out = append(out, a)
		}
	}
	return out
}

// CertificationName says in Vietnamese what a certifying signature allows
// (vanthu.Signature.Certification), "" for an approval signature.
func CertificationName(p int) string {
	switch p {
	case vanthu.CertifyNoChanges:
		return "không cho phép sửa đổi tệp"
	case vanthu.CertifyForms:
		return "chỉ cho phép điền biểu mẫu và ký thêm"
	case vanthu.CertifyAnnotations:
		return "chỉ cho phép điền biểu mẫu, ký thêm và thêm chú thích"
	}
	return ""
}

func addedNames(kinds []string) string {
	what := make([]string, len(kinds))
	for i, k := range kinds {
		what[i] = AddedName(k)
	}
	return strings.Join(what, ", ")
}

// Note is what the register's notes say of a file's signatures, in
// Vietnamese: who signed (and for which organisation, where the
// certificate names another), when, in Vietnam's time, which signature
// certifies the file, and the verdict on them all; "" for none. Signatures
// one after another by the same signer in the same minute (an office's
// certificate signing the number, the date and the seal) are named once,
// with their count. What is wrong is told in full by Warnings.
func Note(sigs []vanthu.Signature) string {
	if len(sigs) == 0 {
		return ""
	}
	var who []string
	var times []int // of each of who
	intact, trusted, checked := true, true, false
	for _, s := range sigs {
		var about []string
		if s.Organization != "" && !strings.EqualFold(s.Organization, s.Signer) {
			about = append(about, s.Organization)
		}
		if s.Certification != 0 {
			about = append(about, "chứng thực")
		}
		w := orUnknown(s.Signer)
		if s.TimeStamp {
			w = "dấu thời gian của " + w
		}
		if len(about) > 0 {
			w += " (" + strings.Join(about, "; ") + ")"
		}
		if t, err := time.Parse(time.RFC3339, s.SignedAt); err == nil {
			w += " lúc " + t.In(vanthu.VietnamTime).Format("15:04 02/01/2006")
		}
		if n := len(who); n > 0 && who[n-1] == w {
			times[n-1]++
		} else {
			who, times = append(who, w), append(times, 1)
		}
		intact = intact && s.Intact
		if s.Trusted != nil {
			checked = true
			trusted = trusted && *s.Trusted
		}
	}
	verdict := "nguyên vẹn"
	if !intact {
		verdict = "có chữ ký không hợp lệ"
	}
	switch {
	case !checked:
		verdict += ", chưa kiểm tra chứng thư số"
	case !trusted:
		verdict += ", có chứng thư số không tin cậy"
	default:
		verdict += ", chứng thư số tin cậy"
	}
	for i, n := range times {
		if n > 1 {
			who[i] += fmt.Sprintf(" (%d chữ ký)", n)
		}
	}
	return "Ký số: " + strings.Join(who, ", ") + ": " + verdict
}

// AddedName names in Vietnamese a kind of change after a signature
// (vanthu.Signature.AddedAfter).
func AddedName(kind string) string {
	switch kind {
	case vanthu.AddedSignature:
		return "chữ ký số"
	case vanthu.AddedValidation:
		return "dữ liệu kiểm tra chữ ký (chứng thư, OCSP, CRL)"
	case vanthu.AddedAnnotations:
		return "chú thích trên trang"
	case vanthu.AddedInfo:
		return "thông tin mô tả tệp"
	case vanthu.AddedContent:
		return "nội dung văn bản"
	}
	return kind
}

func orUnknown(s string) string {
	if s == "" {
		return "người ký không rõ"
	}
	return s
}
