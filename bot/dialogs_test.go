package bot_test

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/sim"
	"pasarbot/catalog"
	"pasarbot/orders"
	"pasarbot/store"
)

// The buyer dialog corpus (testdata/dialogs, format in docs/dialogs.md):
// whole conversations written the way buyers write, each with the order a
// human trader would have taken. Every dialog is played against the real
// engine and the placed order is compared with the expected one.

type dialogStep struct {
	text string
	wait time.Duration
	pin  *bot.Location
}

type wantLine struct {
	name   string
	qty    catalog.Qty
	unit   string
	amount int64
}

type wantOrder struct {
	delivery string
	name     string
	address  string
	lines    []wantLine
}

type dialog struct {
	file, id, title, category string
	line                      int
	steps                     []dialogStep
	orders                    []wantOrder
	noOrder, handover         bool
	replies                   []string
}

func loadDialogs(t *testing.T, dir string) []*dialog {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dialogs: %v", err)
	}
	var out []*dialog
	for _, f := range files {
		out = append(out, readDialogFile(t, f)...)
	}
	return out
}

func readDialogFile(t *testing.T, path string) []*dialog {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []*dialog
	var cur *dialog
	var order *wantOrder
	n := 0
	bad := func(format string, args ...any) {
		t.Fatalf("%s:%d: %s", filepath.Base(path), n, fmt.Sprintf(format, args...))
	}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		n++
		raw := sc.Text()
		ln := strings.TrimSpace(raw)
		switch {
		case ln == "" || strings.HasPrefix(ln, "#"):
			continue
		case strings.HasPrefix(ln, "=== "):
			id, title, _ := strings.Cut(strings.TrimPrefix(ln, "=== "), ":")
			cat := strings.TrimSuffix(filepath.Base(path), ".txt")
			cur = &dialog{file: filepath.Base(path), id: strings.TrimSpace(id), title: strings.TrimSpace(title), category: cat, line: n}
			order = nil
			out = append(out, cur)
			continue
		}
		if cur == nil {
			bad("text before the first ===")
		}
		switch {
		case strings.HasPrefix(ln, ">>"):
			if len(cur.steps) == 0 {
				bad(">> with no message before it")
			}
			cur.steps[len(cur.steps)-1].text += "\n" + strings.TrimSpace(strings.TrimPrefix(ln, ">>"))
		case strings.HasPrefix(ln, ">"):
			cur.steps = append(cur.steps, dialogStep{text: strings.TrimSpace(strings.TrimPrefix(ln, ">"))})
		case strings.HasPrefix(ln, "@wait "):
			d, err := time.ParseDuration(strings.TrimSpace(strings.TrimPrefix(ln, "@wait ")))
			if err != nil {
				bad("bad @wait: %v", err)
			}
			cur.steps = append(cur.steps, dialogStep{wait: d})
		case strings.HasPrefix(ln, "@location "):
			f := strings.Fields(strings.TrimPrefix(ln, "@location "))
			if len(f) != 2 {
				bad("@location wants lat lng")
			}
			lat, err1 := strconv.ParseFloat(f[0], 64)
			lng, err2 := strconv.ParseFloat(f[1], 64)
			if err1 != nil || err2 != nil {
				bad("bad @location")
			}
			cur.steps = append(cur.steps, dialogStep{pin: &bot.Location{Lat: lat, Lng: lng}})
		case ln == "expect: order":
			cur.orders = append(cur.orders, wantOrder{})
			order = &cur.orders[len(cur.orders)-1]
		case ln == "expect: no order":
			cur.noOrder = true
			order = nil
		case ln == "handover":
			cur.handover = true
		case strings.HasPrefix(ln, "reply:"):
			cur.replies = append(cur.replies, strings.TrimSpace(strings.TrimPrefix(ln, "reply:")))
		case order != nil && strings.HasPrefix(raw, "  "):
			key, val, ok := strings.Cut(ln, ":")
			if !ok {
				bad("want key: value")
			}
			val = strings.TrimSpace(val)
			switch key {
			case "delivery":
				order.delivery = val
			case "name":
				order.name = val
			case "address":
				order.address = val
			case "item":
				name, q, ok := strings.Cut(val, "|")
				if !ok {
					bad("item wants NAME | QTY UNIT or NAME | RpN")
				}
				w := wantLine{name: strings.TrimSpace(name)}
				q = strings.TrimSpace(q)
				if rp, ok := strings.CutPrefix(q, "Rp"); ok {
					v, err := strconv.ParseInt(strings.ReplaceAll(rp, ".", ""), 10, 64)
					if err != nil {
						bad("bad amount %q", q)
					}
					w.amount = v
				} else {
					f := strings.Fields(q)
					if len(f) != 2 {
						bad("bad quantity %q", q)
					}
					v, err := strconv.ParseFloat(f[0], 64)
					if err != nil {
						bad("bad quantity %q", q)
					}
					w.qty, w.unit = catalog.Qty(math.Round(v*catalog.QtyScale)), f[1]
				}
				order.lines = append(order.lines, w)
			default:
				bad("unknown key %q", key)
			}
		default:
			bad("cannot read %q", ln)
		}
	}
	for _, d := range out {
		if len(d.orders) == 0 && !d.noOrder {
			t.Fatalf("%s:%d: dialog %s has no outcome", d.file, d.line, d.id)
		}
	}
	return out
}

// dialogResult is how one dialog went.
type dialogResult struct {
	d          *dialog
	ok         bool   // the expected outcome, with no help
	wrong      bool   // an order was placed that differs from the expected one
	why        string // what differed
	longest    int    // the longest run of identical replies in a row
	replies    []string
	transcript string
}

// TestDialogs plays the corpus and reports, per category, how many
// dialogs reached the expected outcome without help, how many placed a
// wrong order and the longest run of a question repeated.
func TestDialogs(t *testing.T) {
	dialogs := loadDialogs(t, "dialogs")
	if len(dialogs) < 150 {
		t.Fatalf("%d dialogs, want at least 150", len(dialogs))
	}
	playCorpus(t, dialogs, dialogFloor, 0)
}

// heldOutBatches are the dialog batches written after the first, each by
// a helper who never read the code, and each measured once blind before
// anyone read it (docs/dialogs.md). The floors sit at the rates measured
// when they were last raised (docs/performance.md): a change that makes
// buyers' lives worse fails. The second batch (heldout) is only measured,
// never read, so its wrong orders have a ceiling, not zero.
var heldOutBatches = []struct {
	dir      string
	floor    float64
	maxWrong int
}{
	{"heldout", 0.84, 5},   // never read
	{"heldout2", 0.98, 0},  // read since its blind measurement (55.7 %, 8 wrong)
	{"heldout3", 0.98, 1},  // read since (62.9 %, 6 wrong); the one: Durian Medan, sold out in the test market
	{"heldout4", 0.97, 2},  // read since (73.6 %, 7 wrong)
	{"heldout5", 0.94, 0},  // read since (74.0 %, 9 wrong)
	{"heldout6", 0.90, 0},  // read since (66.2 %, 11 wrong)
	{"heldout7", 0.93, 0},  // read since (72.5 %, 7 wrong)
	{"heldout8", 0.92, 1},  // read since (68.8 %, 9 wrong)
	{"heldout9", 0.81, 0},  // batch 10: read since (51.2 %, 13 wrong)
	{"heldout10", 0.97, 1}, // batch 11: read since (blind 83.8 %, 6 wrong on 414e2ee)
}

// TestDialogsHeldOut plays every later batch against its floor
// (`-run TestDialogsHeldOut/heldout4` plays one).
func TestDialogsHeldOut(t *testing.T) {
	for _, batch := range heldOutBatches {
		t.Run(batch.dir, func(t *testing.T) {
			playCorpus(t, loadDialogs(t, "dialogs/"+batch.dir), batch.floor, batch.maxWrong)
		})
	}
}

func playCorpus(t *testing.T, dialogs []*dialog, floor float64, maxWrong int) {
	var results []dialogResult
	for _, d := range dialogs {
		// Each dialog gets a fresh market on a new database, opening on a
		// Wednesday at 07:00 (the market is open 06:00–12:00).
		t.Run(d.id, func(t *testing.T) {
			results = append(results, playDialog(t, newHarness(t), d, "6281290000001"))
		})
	}
	type tally struct{ n, ok, wrong, longest int }
	per := map[string]*tally{}
	var all tally
	var cats []string
	for _, r := range results {
		tl := per[r.d.category]
		if tl == nil {
			tl = &tally{}
			per[r.d.category] = tl
			cats = append(cats, r.d.category)
		}
		for _, x := range []*tally{tl, &all} {
			x.n++
			if r.ok {
				x.ok++
			}
			if r.wrong {
				x.wrong++
			}
			x.longest = max(x.longest, r.longest)
		}
		if r.longest > 2 {
			t.Logf("%s: a reply repeated %d times in a row", r.d.id, r.longest)
		}
		if only := os.Getenv("DIALOG"); (!r.ok || r.longest > 2) && (only == "all" || only != "" && strings.HasPrefix(r.d.id, only)) {
			t.Logf("FAIL %s (%s:%d) %s: %s\n%s", r.d.id, r.d.file, r.d.line, r.d.title, r.why, r.transcript)
		}
	}
	sort.Strings(cats)
	var b strings.Builder
	fmt.Fprintf(&b, "| category | dialogs | completed without help | wrong orders | longest repeat |\n|---|---|---|---|---|\n")
	for _, c := range cats {
		tl := per[c]
		fmt.Fprintf(&b, "| %s | %d | %d (%.0f %%) | %d | %d |\n", c, tl.n, tl.ok, 100*float64(tl.ok)/float64(tl.n), tl.wrong, tl.longest)
	}
	fmt.Fprintf(&b, "| **all** | %d | %d (%.1f %%) | %d | %d |\n", all.n, all.ok, 100*float64(all.ok)/float64(all.n), all.wrong, all.longest)
	t.Logf("buyer dialogs:\n%s", b.String())
	for _, r := range results {
		if r.wrong && (maxWrong == 0 || testing.Verbose()) {
			t.Logf("%s (%s:%d): WRONG ORDER: %s", r.d.id, r.d.file, r.d.line, r.why)
		}
	}
	if all.wrong > maxWrong {
		t.Errorf("%d wrong orders placed; at most %d allowed", all.wrong, maxWrong)
	}
	if all.longest > 2 {
		t.Errorf("a reply was repeated %d times in a row; want at most 2", all.longest)
	}
	if rate := float64(all.ok) / float64(all.n); rate < floor {
		t.Errorf("%.1f %% of dialogs completed without help; the floor is %.0f %%", 100*rate, 100*floor)
	}
}

// dialogFloor is the first corpus's floor (the later batches' are in
// heldOutBatches).
const dialogFloor = 0.98

func playDialog(t *testing.T, h *harness, d *dialog, phone string) dialogResult {
	t.Helper()
	r := dialogResult{d: d}
	var tr strings.Builder
	run, last := 0, ""
	for i, st := range d.steps {
		if st.wait > 0 {
			h.advance(st.wait)
			continue
		}
		h.seq++
		h.mark = h.rec.Len()
		in := sim.Direct(fmt.Sprintf("D-%s-%d", d.id, i), phone, st.text, h.m.Now())
		in.PushName = "Rina"
		if st.pin != nil {
			in.Kind, in.Location, in.Text = bot.KindLocation, st.pin, ""
		}
		if err := h.m.Deliver(h.ctx, in); err != nil {
			t.Fatalf("%s: deliver %q: %v", d.id, st.text, err)
		}
		got := h.to(phone)
		fmt.Fprintf(&tr, "  > %s\n  < %s\n", strings.ReplaceAll(st.text, "\n", " / "), strings.ReplaceAll(got, "\n", "\n    "))
		r.replies = append(r.replies, got)
		if got != "" && got == last {
			run++
		} else {
			run = 1
		}
		last = got
		r.longest = max(r.longest, run)
		h.advance(30 * time.Second)
	}
	r.transcript = tr.String()
	var placed []*orders.Order
	var conv *bot.Conversation
	if err := h.m.DB().View(h.ctx, func(tx *store.Tx) error {
		var err error
		if placed, err = tx.OrdersOf(sim.DirectChat(phone), 0); err != nil {
			return err
		}
		conv, err = tx.Conversation(sim.DirectChat(phone))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	sort.Slice(placed, func(i, j int) bool { return placed[i].CreatedAt.Before(placed[j].CreatedAt) })
	var problems []string
	switch {
	case d.noOrder && len(placed) > 0:
		r.wrong = true
		problems = append(problems, fmt.Sprintf("an order was placed: %s", orderSummary(placed[0])))
	case len(placed) > len(d.orders):
		r.wrong = true
		problems = append(problems, fmt.Sprintf("%d orders placed, want %d", len(placed), len(d.orders)))
	}
	for i, want := range d.orders {
		if i >= len(placed) {
			problems = append(problems, "no order placed")
			break
		}
		if why := compareOrder(want, placed[i]); why != "" {
			r.wrong = true
			problems = append(problems, why+" — placed: "+orderSummary(placed[i]))
		}
	}
	if d.handover && conv.State != bot.StateHandover && !strings.Contains(strings.Join(r.replies, "\n"), "petugas") {
		problems = append(problems, "not handed to a person")
	}
	all := strings.ToLower(strings.Join(r.replies, "\n"))
	for _, w := range d.replies {
		if !strings.Contains(all, strings.ToLower(w)) {
			problems = append(problems, fmt.Sprintf("no reply contains %q", w))
		}
	}
	r.ok = len(problems) == 0
	r.why = strings.Join(problems, "; ")
	return r
}

// compareOrder says what differs between the expected and the placed order.
func compareOrder(w wantOrder, o *orders.Order) string {
	var diffs []string
	if w.delivery != "" && string(o.Delivery) != w.delivery {
		diffs = append(diffs, fmt.Sprintf("delivery %s, want %s", o.Delivery, w.delivery))
	}
	if w.name != "" && !strings.Contains(strings.ToLower(o.Name), strings.ToLower(w.name)) {
		diffs = append(diffs, fmt.Sprintf("name %q, want %q", o.Name, w.name))
	}
	if w.address != "" && !strings.Contains(strings.ToLower(o.Address), strings.ToLower(w.address)) {
		diffs = append(diffs, fmt.Sprintf("address %q, want it to contain %q", o.Address, w.address))
	}
	used := make([]bool, len(o.Lines))
	for _, wl := range w.lines {
		found := false
		for i, l := range o.Lines {
			if used[i] || !strings.EqualFold(l.Name, wl.name) {
				continue
			}
			if wl.amount > 0 && l.Amount == wl.amount || wl.amount == 0 && l.Qty == wl.qty && strings.EqualFold(l.Unit, wl.unit) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			diffs = append(diffs, fmt.Sprintf("missing %s %s", wl.name, wantText(wl)))
		}
	}
	for i, l := range o.Lines {
		if !used[i] {
			diffs = append(diffs, fmt.Sprintf("extra %s %s %s", l.Name, l.Qty.ID(), l.Unit))
		}
	}
	return strings.Join(diffs, ", ")
}

func wantText(w wantLine) string {
	if w.amount > 0 {
		return fmt.Sprintf("Rp%d", w.amount)
	}
	return w.qty.ID() + " " + w.unit
}

func orderSummary(o *orders.Order) string {
	var ls []string
	for _, l := range o.Lines {
		ls = append(ls, fmt.Sprintf("%s %s %s (Rp%d)", l.Name, l.Qty.ID(), l.Unit, l.Amount))
	}
	return fmt.Sprintf("%s to %q at %q: %s", o.Delivery, o.Name, o.Address, strings.Join(ls, ", "))
}
