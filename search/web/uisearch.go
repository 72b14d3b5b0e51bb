package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/vanthu/vanthu/search"
)

// The search page: results with snippets, facets and the pager.

type facetValue struct {
	Value    string
	Count    int
	Selected bool
	URL      string
}

type facetView struct {
	Field, Label string
	Values       []facetValue
	Clear        string // the URL without this filter, when one is set
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	data := map[string]any{"Title": "Tìm kiếm văn bản", "Nav": "search", "V": v}
	req, err := search.ParseRequest(v)
	if err != nil {
		data["Error"] = "Câu tìm kiếm chưa đúng: " + searchErrorVI(err)
		return s.render(w, r, http.StatusBadRequest, "search.html", data)
	}
	if s.Searcher == nil {
		return &apiError{http.StatusServiceUnavailable, "stage_not_here", "this node does not search", "Máy chủ này không đảm nhận việc tìm kiếm"}
	}
	res, err := s.searchAs(r, req)
	if err != nil {
		return err
	}
	data["Req"], data["Res"] = req, res
	data["Filtered"] = req.Q != "" || req.DocType != "" || req.Issuer != "" || req.Year != "" || req.Urgency != "" || req.Confidentiality != "" || req.From != "" || req.To != ""
	var facets []facetView
	for _, f := range search.Facets {
		fv := facetView{Field: f, Label: facetLabels[f]}
		cur := v.Get(f)
		if cur != "" {
			fv.Clear = withParams(v, f, "", "page", "")
		}
		for _, c := range res.Facets[f] {
			fv.Values = append(fv.Values, facetValue{Value: c.Value, Count: c.Count, Selected: c.Value == cur, URL: withParams(v, f, c.Value, "page", "")})
		}
		if len(fv.Values) > 0 || cur != "" {
			facets = append(facets, fv)
		}
	}
	data["Facets"] = facets
	pagesN := min(int((res.Total+uint64(req.Size)-1)/uint64(req.Size)), search.MaxWindow/req.Size)
	var links []pageLink
	for n := max(1, req.Page-4); n <= min(pagesN, req.Page+4); n++ {
		links = append(links, pageLink{N: n, URL: withParams(v, "page", strconv.Itoa(n)), Current: n == req.Page})
	}
	if len(links) > 1 {
		data["Pages"] = links
	}
	if req.Page > 1 {
		data["Prev"] = withParams(v, "page", strconv.Itoa(req.Page-1))
	}
	if req.Page < pagesN {
		data["Next"] = withParams(v, "page", strconv.Itoa(req.Page+1))
	}
	if req.Page == pagesN && res.Total > uint64(pagesN*req.Size) {
		data["Window"] = "C" + windowVI[1:] // a sentence of its own
	}
	return s.render(w, r, http.StatusOK, "search.html", data)
}

// windowVI says that pages go no deeper than search.MaxWindow results.
var windowVI = fmt.Sprintf("chỉ xem được %d.%03d kết quả đầu tiên; hãy thu hẹp tìm kiếm bằng bộ lọc hoặc khoảng ngày.", search.MaxWindow/1000, search.MaxWindow%1000)

// searchErrorVI says what is wrong with a search, in Vietnamese.
func searchErrorVI(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "only the first"):
		return windowVI
	case strings.Contains(msg, "cites:"):
		return "sau cites: hãy ghi số, ký hiệu văn bản (ví dụ: cites:45/QĐ-UBND)."
	case strings.Contains(msg, "from") && strings.Contains(msg, "after"):
		return "ngày bắt đầu ở sau ngày kết thúc."
	case strings.Contains(msg, "date"):
		return "ngày phải có dạng ngày/tháng/năm hợp lệ."
	case strings.Contains(msg, "year"):
		return "năm không hợp lệ (ví dụ: 2024)."
	case strings.Contains(msg, "page"), strings.Contains(msg, "size"):
		return "số trang không hợp lệ."
	default:
		return "hãy kiểm tra lại dấu ngoặc kép và tên trường."
	}
}

// withParams returns "?" + v with the given keys set (deleted when the
// value is empty).
func withParams(v url.Values, kv ...string) string {
	c := url.Values{}
	for k, vs := range v {
		if len(vs) > 0 && vs[0] != "" {
			c.Set(k, vs[0])
		}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			c.Del(kv[i])
		} else {
			c.Set(kv[i], kv[i+1])
		}
	}
	return "/search?" + c.Encode()
}
