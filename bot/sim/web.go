package sim

import (
	"context"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/catalog"
)

//go:embed web
var webFiles embed.FS

// Server is the web simulator: one page with a phone per party, an API to
// send as a party and move the clock, and a server-sent event stream of the
// simulator's log.
type Server struct {
	market  Market
	rec     *Recorder
	parties Parties
	hours   *config.Hours // for "next opening" when the Market has no NextOpener
	log     zerolog.Logger

	// mu serializes everything that drives the market: the engine is built to
	// be driven one message or clock move at a time, as the Market interface
	// promises.
	mu     sync.Mutex
	seq    int
	prefix string // inbound ids; unique per server start, since --db may be reused

	hostMu     sync.Mutex
	listenHost string // the non-loopback address Serve listens on, allowed as Host
}

// NewServer serves m, whose messages go through rec. hours (may be nil) gives
// the schedule for the "next opening" button.
func NewServer(m Market, rec *Recorder, p Parties, hours *config.Hours, log zerolog.Logger) *Server {
	return &Server{
		market: m, rec: rec, parties: p, hours: hours, log: log,
		prefix: "WEB-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-",
	}
}

// Handler routes the page and the API.
func (s *Server) Handler() http.Handler {
	static, err := fs.Sub(webFiles, "web")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	mux := http.NewServeMux()
	mux.Handle("GET /", http.FileServerFS(static))
	mux.HandleFunc("GET /api/state", s.handleState)
	mux.HandleFunc("POST /api/send", s.handleSend)
	mux.HandleFunc("POST /api/advance", s.handleAdvance)
	mux.HandleFunc("GET /api/events", s.handleEvents)
	return s.guard(mux)
}

// Serve serves on ln until ctx ends, then shuts down gracefully. Event
// streams end with ctx: requests inherit it through BaseContext, which
// Shutdown alone would not do for a long-lived response.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsUnspecified() && !tcp.IP.IsLoopback() {
		s.hostMu.Lock()
		s.listenHost = tcp.IP.String()
		s.hostMu.Unlock()
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: 10 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// clockView is the market clock as the page shows it.
type clockView struct {
	Date string `json:"date"` // "Rabu, 25 Nov 2026"
	Time string `json:"time"` // "06:30", market-local
	At   string `json:"at"`   // RFC 3339 with the market's offset
}

func (s *Server) clock(t time.Time) clockView {
	t = t.In(s.market.Location())
	return clockView{Date: DayName(t) + ", " + t.Format("2 Jan 2006"), Time: t.Format("15:04"), At: t.Format(time.RFC3339)}
}

func (s *Server) handleState(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"parties": s.parties, "clock": s.clock(s.market.Now())})
}

// sendRequest is POST /api/send: party is buyer, seller, courier or admin;
// chat is a group name (a seller group id or "kurir") for a group message,
// or empty (or the sender's own number) for the sender's direct chat.
type sendRequest struct {
	Party string `json:"party"`
	Chat  string `json:"chat"`
	From  string `json:"from"`
	Text  string `json:"text"`
}

// maxText bounds a typed message; WhatsApp's own limit is far above what a
// market chat needs, and the engine enforces its configured limit itself.
const maxText = 65536

func (s *Server) handleSend(w http.ResponseWriter, r *http.Request) {
	var req sendRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	switch req.Party {
	case "buyer", "seller", "courier", "admin":
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("party must be buyer, seller, courier or admin, not %q", req.Party))
		return
	}
	from, ok := catalog.NormalizePhone(req.From)
	if !ok {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("%q is not a phone number", req.From))
		return
	}
	text := strings.TrimSpace(strings.ReplaceAll(req.Text, "\r\n", "\n"))
	if text == "" || len(text) > maxText {
		writeError(w, http.StatusBadRequest, "text must be 1 to 65536 bytes")
		return
	}
	chat := strings.TrimSpace(req.Chat)
	if p, isPhone := catalog.NormalizePhone(chat); chat != "" && isPhone {
		if p != from {
			writeError(w, http.StatusBadRequest, "a direct chat is the sender's own chat with the market number")
			return
		}
		chat = ""
	} else if chat != "" {
		if err := checkGroupName(chat); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	id := s.prefix + strconv.Itoa(s.seq)
	now := s.market.Now()
	in := Direct(id, from, text, now)
	if chat != "" {
		in = InGroup(id, chat, from, text, now)
	}
	s.rec.Received(in)
	// The market's work is short and synchronous; finish it even if the
	// browser goes away, so no message is half handled.
	if err := s.market.Deliver(context.WithoutCancel(r.Context()), in); err != nil {
		s.log.Error().Err(err).Str("party", req.Party).Str("message_id", id).Msg("simulated message failed")
		writeError(w, http.StatusInternalServerError, "the market failed on this message: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "clock": s.clock(s.market.Now())})
}

// advanceRequest is POST /api/advance: by is a Go duration ("5m", "1h30m");
// to "open" moves to the next scheduled opening.
type advanceRequest struct {
	By string `json:"by"`
	To string `json:"to"`
}

// maxAdvance keeps a typo from firing a year of jobs in one request.
const maxAdvance = 8 * 24 * time.Hour

func (s *Server) handleAdvance(w http.ResponseWriter, r *http.Request) {
	var req advanceRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.market.Now()
	var to time.Time
	switch {
	case req.To == "open":
		t, ok := s.nextOpening(now)
		if !ok {
			writeError(w, http.StatusConflict, "the market has no opening in the coming year")
			return
		}
		to = t
	case req.To != "":
		writeError(w, http.StatusBadRequest, fmt.Sprintf("to must be \"open\", not %q", req.To))
		return
	default:
		d, err := time.ParseDuration(req.By)
		if err != nil || d <= 0 || d > maxAdvance {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("by must be a positive duration up to %s, like 5m or 1h30m", FormatDuration(maxAdvance)))
			return
		}
		to = now.Add(d)
	}
	s.rec.Clock(to, to.Sub(now))
	if err := s.market.AdvanceTo(context.WithoutCancel(r.Context()), to); err != nil {
		s.log.Error().Err(err).Time("to", to).Msg("simulated clock advance failed")
		writeError(w, http.StatusInternalServerError, "the market failed while the clock moved: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"clock": s.clock(s.market.Now())})
}

func (s *Server) nextOpening(now time.Time) (time.Time, bool) {
	if no, ok := s.market.(NextOpener); ok {
		return no.NextOpening(now)
	}
	if s.hours == nil {
		return time.Time{}, false
	}
	return NextOpening(*s.hours, s.market.Location(), now)
}

// entryView is one log entry as the page reads it: names and market-local
// times instead of addresses and instants.
type entryView struct {
	Seq      int           `json:"seq"`
	Kind     EntryKind     `json:"kind"`
	Date     string        `json:"date"`
	Time     string        `json:"time"`
	Chat     string        `json:"chat,omitempty"` // phone or group name
	Group    bool          `json:"group,omitempty"`
	From     string        `json:"from,omitempty"`
	Text     string        `json:"text,omitempty"`
	Location *bot.Location `json:"location,omitempty"`
	Image    string        `json:"image,omitempty"` // a data: URL the page shows as <img>
	Advance  string        `json:"advance,omitempty"`
}

func (s *Server) view(e Entry) entryView {
	c := s.clock(e.At)
	v := entryView{Seq: e.Seq, Kind: e.Kind, Date: c.Date, Time: c.Time, Chat: ChatName(e.Chat),
		Group: IsGroupChat(e.Chat), From: e.From, Text: e.Text, Location: e.Location}
	if e.Advance > 0 {
		v.Advance = FormatDuration(e.Advance)
	}
	if e.Image != nil {
		v.Image = "data:" + e.Image.MIME + ";base64," + base64.StdEncoding.EncodeToString(e.Image.Data)
	}
	return v
}

// pingEvery keeps idle event streams alive through proxies.
const pingEvery = 20 * time.Second

// handleEvents streams the log as server-sent events, starting after the
// entry named by ?after= or the Last-Event-ID header a reconnecting browser
// sends, so nothing is lost or repeated across reconnects.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "streaming unsupported")
		return
	}
	after := 0
	for _, v := range []string{r.URL.Query().Get("after"), r.Header.Get("Last-Event-ID")} {
		if n, err := strconv.Atoi(v); err == nil && n > after {
			after = n
		}
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	flusher.Flush()
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		changed := s.rec.Changed()
		for _, e := range s.rec.Since(after) {
			b, err := json.Marshal(s.view(e))
			if err != nil {
				return
			}
			if _, err := fmt.Fprintf(w, "id: %d\nevent: entry\ndata: %s\n\n", e.Seq, b); err != nil {
				return
			}
			after = e.Seq
		}
		flusher.Flush()
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
		}
	}
}

func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("bad request body: %v", err)
	}
	return nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v) // the client went away; nothing to do
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}
