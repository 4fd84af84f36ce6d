package ops

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/charts"
	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/store"
)

//go:embed templates/*.html
var templateFS embed.FS

var operatorTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"rupiah": catalog.Rupiah,
	"clock":  func(t time.Time, loc *time.Location) string { return t.In(loc).Format("15:04") },
}).ParseFS(templateFS, "templates/*.html"))

// sessionCookie holds a value derived from ops.token (never the token
// itself), so the cookie is worthless once the token changes.
const sessionCookie = "pasarbot_ops"

// OperatorPage is the read-only operator page under /ops/: today's orders
// and their state, per seller group and courier, recent complaints, the
// price list with today's changes, and the report charts. It answers only
// to ops.token (a login form that sets a cookie, or an
// "Authorization: Bearer" header).
type OperatorPage struct {
	DB    *store.DB
	Token string // at least 16 characters (config validation)
	Now   func() time.Time
	Loc   *time.Location
	Log   zerolog.Logger
	// Base is the page's path, "/ops/" when empty; a process serving
	// several markets gives each its own ("/ops/kahayan/").
	Base string
}

func (p *OperatorPage) base() string {
	if p.Base == "" {
		return "/ops/"
	}
	return p.Base
}

// Register adds the page's routes to mux.
func (p *OperatorPage) Register(mux *http.ServeMux) {
	b := p.base()
	mux.HandleFunc("GET "+b+"login", p.loginForm)
	mux.HandleFunc("POST "+b+"login", p.login)
	mux.Handle("GET "+b+"{$}", p.authed(p.page))
	mux.Handle("GET "+b+"charts.png", p.authed(p.chartsPNG))
}

func (p *OperatorPage) session() string {
	m := hmac.New(sha256.New, []byte(p.Token))
	m.Write([]byte("pasarbot operator session"))
	return hex.EncodeToString(m.Sum(nil))
}

func (p *OperatorPage) allowed(r *http.Request) bool {
	if p.Token == "" {
		return false
	}
	if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return hmac.Equal([]byte(bearer), []byte(p.Token))
	}
	c, err := r.Cookie(sessionCookie)
	return err == nil && hmac.Equal([]byte(c.Value), []byte(p.session()))
}

func (p *OperatorPage) authed(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if !p.allowed(r) {
			if strings.Contains(r.Header.Get("Accept"), "text/html") {
				http.Redirect(w, r, p.base()+"login", http.StatusSeeOther)
				return
			}
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		h(w, r)
	})
}

func (p *OperatorPage) loginForm(w http.ResponseWriter, r *http.Request) {
	p.render(w, http.StatusOK, "login.html", map[string]any{"Base": p.base()})
}

func (p *OperatorPage) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if p.Token == "" || !hmac.Equal([]byte(r.PostFormValue("token")), []byte(p.Token)) {
		p.Log.Warn().Str("remote", r.RemoteAddr).Msg("operator page: wrong token")
		p.render(w, http.StatusUnauthorized, "login.html", map[string]any{"Wrong": true, "Base": p.base()})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: p.session(), Path: p.base(), HttpOnly: true,
		SameSite: http.SameSiteStrictMode, MaxAge: 12 * 3600})
	http.Redirect(w, r, p.base(), http.StatusSeeOther)
}

func (p *OperatorPage) render(w http.ResponseWriter, status int, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'")
	w.WriteHeader(status)
	if err := operatorTemplates.ExecuteTemplate(w, name, data); err != nil {
		p.Log.Error().Err(err).Str("template", name).Msg("operator page")
	}
}

func (p *OperatorPage) today() (day string, start time.Time) {
	now := p.Now().In(p.Loc)
	start = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, p.Loc)
	return start.Format("2006-01-02"), start
}

func (p *OperatorPage) page(w http.ResponseWriter, r *http.Request) {
	day, start := p.today()
	v, err := p.view(r.Context(), day, start)
	if err != nil {
		p.Log.Error().Err(err).Msg("operator page")
		http.Error(w, "the database could not be read", http.StatusInternalServerError)
		return
	}
	p.render(w, http.StatusOK, "operator.html", v)
}

func (p *OperatorPage) chartsPNG(w http.ResponseWriter, r *http.Request) {
	day, _ := p.today()
	n, err := charts.Collect(r.Context(), p.DB, day, p.Loc)
	var b []byte
	if err == nil {
		var cs []charts.Chart
		if cs, err = charts.Draw(n); err == nil {
			b, err = charts.Sheet(cs)
		}
	}
	if err != nil {
		p.Log.Error().Err(err).Msg("operator page charts")
		http.Error(w, "the charts could not be drawn", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(b)
}

// operatorView is what operator.html shows.
type operatorView struct {
	Base       string // the page's path
	Day        string
	Loc        *time.Location
	Orders     []orderRow
	Groups     []tally
	Couriers   []tally
	Complaints []store.Complaint
	Refunds    []orders.Refund // still owed to buyers
	Prices     []priceRow
}

type orderRow struct {
	*orders.Order
	Groups  string // "sayur: confirmed, daging: placed"
	Courier string
}

type tally struct {
	Name   string
	Orders int
	Open   int // not finished yet
	Goods  int64
}

type priceRow struct {
	catalog.Product
	Previous int64 // before today's first change; 0 when it did not change today
	Changed  bool
}

func (p *OperatorPage) view(ctx context.Context, day string, start time.Time) (operatorView, error) {
	v := operatorView{Base: p.base(), Day: day, Loc: p.Loc}
	var os []*orders.Order
	var products []catalog.Product
	var changes []store.PriceChange
	groupNames := map[string]string{}
	var courierNames map[string]string
	err := p.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if os, err = tx.OrdersOfDay(day); err != nil {
			return err
		}
		gs, err := tx.Groups()
		if err != nil {
			return err
		}
		for _, g := range gs {
			groupNames[g.ID] = g.Name
		}
		if courierNames, err = tx.CourierNames(); err != nil {
			return err
		}
		if v.Complaints, err = tx.ComplaintsSince(start.AddDate(0, 0, -7)); err != nil {
			return err
		}
		if v.Refunds, err = tx.OpenRefunds(); err != nil {
			return err
		}
		if products, err = tx.Products(); err != nil {
			return err
		}
		changes, err = tx.PriceChanges(start, start.AddDate(0, 0, 1))
		return err
	})
	if err != nil {
		return v, err
	}
	groups, couriers := map[string]*tally{}, map[string]*tally{}
	count := func(m map[string]*tally, name string, o *orders.Order, goods int64) {
		t := m[name]
		if t == nil {
			t = &tally{Name: name}
			m[name] = t
		}
		t.Orders++
		if !o.Status.Final() {
			t.Open++
		}
		t.Goods += goods
	}
	for _, o := range os {
		row := orderRow{Order: o, Courier: courierNames[o.Courier]}
		var parts []string
		for _, s := range o.Subs {
			parts = append(parts, s.Group+": "+string(s.Status))
			count(groups, nameOr(groupNames[s.Group], s.Group), o, s.AgreedTotal)
		}
		row.Groups = strings.Join(parts, ", ")
		if o.Courier != "" {
			row.Courier = nameOr(row.Courier, o.Courier)
			count(couriers, row.Courier, o, o.Ongkir)
		}
		v.Orders = append(v.Orders, row)
	}
	v.Groups, v.Couriers = sortedTallies(groups), sortedTallies(couriers)
	// A product's first record (the catalog loaded) is not a change.
	first := map[string]store.PriceChange{}
	for _, c := range changes {
		if _, seen := first[c.SKU]; !seen && c.HasPrev && (c.Price != c.PrevPrice || c.Available != c.PrevAvailable) {
			first[c.SKU] = c
		}
	}
	for _, pr := range products {
		row := priceRow{Product: pr}
		if c, ok := first[pr.SKU]; ok {
			row.Changed, row.Previous = true, c.PrevPrice
		}
		v.Prices = append(v.Prices, row)
	}
	sort.SliceStable(v.Prices, func(i, j int) bool { return v.Prices[i].Changed && !v.Prices[j].Changed })
	return v, nil
}

func nameOr(name, id string) string {
	if name == "" {
		return id
	}
	return name
}

func sortedTallies(m map[string]*tally) []tally {
	var ts []tally
	for _, t := range m {
		ts = append(ts, *t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Name < ts[j].Name })
	return ts
}
