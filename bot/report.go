package bot

import (
	"fmt"
	"sort"
	"strings"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// Report is a market day's numbers, for admins and for tests that check
// them against the stored orders.
type Report struct {
	Day        string
	Placed     int
	Completed  int // delivered or completed
	Cancelled  int // cancelled, rejected or expired
	Open       int
	Revenue    int64            // goods of delivered orders
	Ongkir     int64            // delivery fees of delivered orders
	ByGroup    map[string]int64 // goods revenue per seller group
	TopItems   []ItemCount
	SlowGroups map[string]int // sub-orders that needed a reminder
	Couriers   map[string]int // delivered jobs per courier phone
	Money      Money          // by method (AddMoney)
}

// Money is a day's money by method.
type Money struct {
	CODCollected   int64 // COD of delivered jobs
	QRISConfirmed  int64 // QRIS payments confirmed
	RefundsPending int64
	RefundsDone    int64
}

// AddMoney sums the day's money by method: COD from the delivered jobs,
// QRIS from the confirmed payments, refunds by state.
func (r *Report) AddMoney(jobs []*orders.Job, payments []*orders.Payment, refunds []orders.Refund) {
	for _, j := range jobs {
		if j.Status == orders.JobDelivered {
			r.Money.CODCollected += j.COD
		}
	}
	for _, p := range payments {
		if p.State == orders.PaymentPaid {
			r.Money.QRISConfirmed += p.Amount
		}
	}
	for _, f := range refunds {
		if f.State == orders.RefundDone {
			r.Money.RefundsDone += f.Amount
		} else {
			r.Money.RefundsPending += f.Amount
		}
	}
}

// ItemCount is how often a product was ordered.
type ItemCount struct {
	Name  string
	Count int
}

// BuildReport computes the day's numbers from its orders and jobs.
func BuildReport(day string, os []*orders.Order, jobs []*orders.Job) Report {
	r := Report{Day: day, ByGroup: map[string]int64{}, SlowGroups: map[string]int{}, Couriers: map[string]int{}}
	items := map[string]int{}
	for _, o := range os {
		if o.Status == orders.Draft {
			continue
		}
		r.Placed++
		switch o.Status {
		case orders.Delivered, orders.Completed:
			r.Completed++
			r.Ongkir += o.Ongkir
			for _, s := range o.Subs {
				if s.Status == orders.Delivered {
					r.Revenue += s.AgreedTotal
					r.ByGroup[s.Group] += s.AgreedTotal
				}
			}
		case orders.Cancelled, orders.Rejected, orders.Expired:
			r.Cancelled++
		default:
			r.Open++
		}
		for _, s := range o.Subs {
			if s.Reminded {
				r.SlowGroups[s.Group]++
			}
		}
		for _, l := range o.Lines {
			if s := o.Sub(l.Group); s != nil && s.Status.Live() {
				items[l.Name]++
			}
		}
	}
	for _, j := range jobs {
		if j.Status == orders.JobDelivered {
			r.Couriers[j.Courier]++
		}
	}
	for n, c := range items {
		r.TopItems = append(r.TopItems, ItemCount{n, c})
	}
	sort.Slice(r.TopItems, func(i, j int) bool {
		if r.TopItems[i].Count != r.TopItems[j].Count {
			return r.TopItems[i].Count > r.TopItems[j].Count
		}
		return r.TopItems[i].Name < r.TopItems[j].Name
	})
	if len(r.TopItems) > 5 {
		r.TopItems = r.TopItems[:5]
	}
	return r
}

// dailyReport renders the day's report for admins.
// reportChart sends the day's charts to every admin, before the report
// text. A chart that cannot be drawn is logged and left out: the numbers
// still go out.
func (e *Engine) reportChart(t *turn, day string) {
	img := e.drawReportChart(t, day)
	if img == nil {
		return
	}
	for _, a := range e.set.Admins {
		t.sendImage(DirectChat(a), e.t("report_chart_caption", day), img)
	}
}

// drawReportChart is the day's chart image, or nil (no hook, or it failed:
// logged, the numbers go out anyway).
func (e *Engine) drawReportChart(t *turn, day string) *Image {
	if e.ReportChart == nil {
		return nil
	}
	img, err := e.ReportChart(day)
	if err != nil || img == nil {
		t.log.Warn().Err(err).Str("day", day).Msg("report chart not drawn")
		return nil
	}
	return img
}

func (e *Engine) dailyReport(t *turn, day string) string {
	os, err := t.tx.OrdersOfDay(day)
	if err != nil {
		return e.t("report_failed")
	}
	jobs, err := t.tx.JobsOfDay(day)
	if err != nil {
		return e.t("report_failed")
	}
	names := map[string]string{}
	if cs, err := t.tx.Couriers(); err == nil {
		for _, c := range cs {
			names[c.Phone] = c.Name
		}
	}
	payments, err := t.tx.PaymentsOfDay(day)
	if err != nil {
		return e.t("report_failed")
	}
	refunds, err := t.tx.RefundsOfDay(day)
	if err != nil {
		return e.t("report_failed")
	}
	r := BuildReport(day, os, jobs)
	r.AddMoney(jobs, payments, refunds)
	return e.reportText(r, names)
}

// reportText renders a report; couriers appear by name when known.
func (e *Engine) reportText(r Report, courierNames map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "📊 *%s %s — %s*\n", e.t("report_title"), e.set.MarketName, r.Day)
	fmt.Fprintf(&b, "%s\n", e.t("report_counts", r.Placed, r.Completed, r.Cancelled, r.Open))
	fmt.Fprintf(&b, "%s: %s (+ ongkir %s)\n", e.t("report_revenue"), catalog.Rupiah(r.Revenue), catalog.Rupiah(r.Ongkir))
	m := r.Money
	fmt.Fprintf(&b, "%s\n", e.t("report_money", catalog.Rupiah(m.CODCollected), catalog.Rupiah(m.QRISConfirmed), catalog.Rupiah(m.RefundsPending), catalog.Rupiah(m.RefundsDone)))
	var gs []string
	for g := range r.ByGroup {
		gs = append(gs, g)
	}
	sort.Strings(gs)
	for _, g := range gs {
		fmt.Fprintf(&b, "• %s: %s\n", e.groupName(g), catalog.Rupiah(r.ByGroup[g]))
	}
	if len(r.TopItems) > 0 {
		b.WriteString(e.t("report_top") + ":\n")
		for _, it := range r.TopItems {
			fmt.Fprintf(&b, "• %s ×%d\n", it.Name, it.Count)
		}
	}
	if len(r.SlowGroups) > 0 {
		var ss []string
		for g, n := range r.SlowGroups {
			ss = append(ss, fmt.Sprintf("%s (%d)", e.groupName(g), n))
		}
		sort.Strings(ss)
		fmt.Fprintf(&b, "%s: %s\n", e.t("report_slow"), strings.Join(ss, ", "))
	}
	if len(r.Couriers) > 0 {
		var cs []string
		for c, n := range r.Couriers {
			name := courierNames[c]
			if name == "" {
				name = e.mask(c)
			}
			cs = append(cs, fmt.Sprintf("%s (%d)", name, n))
		}
		sort.Strings(cs)
		fmt.Fprintf(&b, "%s: %s\n", e.t("report_couriers"), strings.Join(cs, ", "))
	}
	return strings.TrimSpace(b.String())
}
