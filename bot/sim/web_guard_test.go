package sim_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestWebRefusesOtherPages(t *testing.T) {
	srv, rec, _ := newWeb(t)
	before := rec.Len()
	send := func(mutate func(*http.Request)) int {
		req, err := http.NewRequest("POST", srv.URL+"/api/send", strings.NewReader(`{"party":"admin","from":"0811-0000-0001","text":"TUTUP"}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		mutate(req)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for _, tt := range []struct {
		name   string
		mutate func(*http.Request)
		want   int
	}{
		{"ErrCrossOrigin", func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") }, http.StatusForbidden},
		{"ErrCrossSite", func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "cross-site") }, http.StatusForbidden},
		{"ErrRebindHost", func(r *http.Request) { r.Host = "evil.example:8080" }, http.StatusForbidden},
		{"ErrFormPost", func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }, http.StatusUnsupportedMediaType},
		{"ErrNoContentType", func(r *http.Request) { r.Header.Del("Content-Type") }, http.StatusUnsupportedMediaType},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := send(tt.mutate); got != tt.want {
				t.Errorf("status %d, want %d", got, tt.want)
			}
		})
	}
	if rec.Len() != before {
		t.Fatalf("a refused request reached the market: %+v", rec.Since(before))
	}
	t.Run("OKSameOrigin", func(t *testing.T) {
		if got := send(func(r *http.Request) { r.Header.Set("Origin", srv.URL) }); got != http.StatusOK {
			t.Errorf("status %d", got)
		}
	})
}
