// Package charts draws the daily report's charts (orders and revenue by
// hour and by seller group, seller answer and courier delivery times, the
// week's price moves of the tracked commodities) with gonum/plot, and
// writes the numbers behind them as CSV.
package charts

import (
	"context"
	"sort"
	"time"

	"pasarbot/bot"
	"pasarbot/orders"
	"pasarbot/store"
)

// Tracked are the commodities whose prices a local trade office
// (Disperindag) follows every day: the staples of the national price
// monitoring list, as SKUs of the default catalog. Those missing from a
// market's catalog are left out of the chart.
var Tracked = []string{
	"beras-medium", "beras-premium", "gula-pasir", "minyakita", "minyak-goreng-curah",
	"daging-sapi", "daging-ayam-ras", "telur-ayam-ras",
	"cabai-merah-keriting", "cabai-rawit-merah", "bawang-merah", "bawang-putih",
}

// Numbers are what the charts show for one market day.
type Numbers struct {
	Day     string // YYYY-MM-DD, market-local
	Hours   [24]HourCount
	Groups  []GroupCount // by group id
	Answers []Durations  // seller answer times, by group id
	Trips   []Durations  // courier job card → delivered, by courier name
	Prices  []PriceMoves // the week ending on Day, tracked SKUs with prices
}

// HourCount is the orders placed in one market-local hour, and the goods
// delivered of those orders (the daily report's revenue rule).
type HourCount struct {
	Orders  int
	Revenue int64
}

// GroupCount is one seller group's orders and delivered goods.
type GroupCount struct {
	Group   string
	Orders  int
	Revenue int64
}

// Durations are the times of one seller group or courier.
type Durations struct {
	Label string
	Times []time.Duration
}

// PriceMoves is one commodity's price at the end of each day of the week
// (Days[i] is Day minus 6-i days); 0 where no price was known yet.
type PriceMoves struct {
	SKU, Name string
	Days      [7]string
	Price     [7]int64
}

// Collect reads the numbers for market day day (YYYY-MM-DD in loc) from db.
func Collect(ctx context.Context, db *store.DB, day string, loc *time.Location) (Numbers, error) {
	start, err := time.ParseInLocation("2006-01-02", day, loc)
	if err != nil {
		return Numbers{}, err
	}
	var os []*orders.Order
	var jobs []*orders.Job
	var answers []store.SellerAnswer
	var changes []store.PriceChange
	var names map[string]string
	err = db.View(ctx, func(tx *store.Tx) error {
		var err error
		if os, err = tx.OrdersOfDay(day); err != nil {
			return err
		}
		if jobs, err = tx.JobsOfDay(day); err != nil {
			return err
		}
		if answers, err = tx.SellerAnswersOfDay(day); err != nil {
			return err
		}
		if names, err = tx.CourierNames(); err != nil {
			return err
		}
		changes, err = tx.PriceChanges(time.Time{}, start.AddDate(0, 0, 1))
		return err
	})
	if err != nil {
		return Numbers{}, err
	}
	n := Numbers{Day: day}
	n.countOrders(os, loc)
	n.Answers = groupDurations(answers)
	n.Trips = courierTrips(jobs, names)
	n.Prices = priceMoves(changes, start)
	return n, nil
}

// countOrders fills Hours and Groups with the daily report's own rules
// (bot.BuildReport), so the chart and the report's text agree.
func (n *Numbers) countOrders(os []*orders.Order, loc *time.Location) {
	var byHour [24][]*orders.Order
	groupOrders := map[string]int{}
	for _, o := range os {
		h := o.CreatedAt.In(loc).Hour()
		byHour[h] = append(byHour[h], o)
		if o.Status == orders.Draft {
			continue
		}
		for _, s := range o.Subs {
			groupOrders[s.Group]++
		}
	}
	for h, hos := range byHour {
		r := bot.BuildReport(n.Day, hos, nil)
		n.Hours[h] = HourCount{Orders: r.Placed, Revenue: r.Revenue}
	}
	r := bot.BuildReport(n.Day, os, nil)
	for g, c := range groupOrders {
		n.Groups = append(n.Groups, GroupCount{Group: g, Orders: c, Revenue: r.ByGroup[g]})
	}
	sort.Slice(n.Groups, func(i, j int) bool { return n.Groups[i].Group < n.Groups[j].Group })
}

func groupDurations(as []store.SellerAnswer) []Durations {
	by := map[string][]time.Duration{}
	for _, a := range as {
		by[a.Group] = append(by[a.Group], a.Took)
	}
	return sortedDurations(by)
}

// courierTrips are job card → delivered per courier, by name (the phone
// when the courier is unknown now).
func courierTrips(jobs []*orders.Job, names map[string]string) []Durations {
	by := map[string][]time.Duration{}
	for _, j := range jobs {
		if j.Status != orders.JobDelivered || j.DeliveredAt.IsZero() {
			continue
		}
		name := names[j.Courier]
		if name == "" {
			name = j.Courier
		}
		by[name] = append(by[name], max(j.DeliveredAt.Sub(j.CreatedAt), 0))
	}
	return sortedDurations(by)
}

func sortedDurations(by map[string][]time.Duration) []Durations {
	var ds []Durations
	for l, ts := range by {
		sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
		ds = append(ds, Durations{Label: l, Times: ts})
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Label < ds[j].Label })
	return ds
}

// priceMoves is each tracked SKU's last price at the end of each of the 7
// days ending on the day that starts at dayStart.
func priceMoves(changes []store.PriceChange, dayStart time.Time) []PriceMoves {
	bySKU := map[string][]store.PriceChange{}
	for _, c := range changes {
		bySKU[c.SKU] = append(bySKU[c.SKU], c)
	}
	var out []PriceMoves
	for _, sku := range Tracked {
		cs := bySKU[sku]
		if len(cs) == 0 {
			continue
		}
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].At.Before(cs[j].At) })
		m := PriceMoves{SKU: sku, Name: cs[len(cs)-1].Name}
		for i := range 7 {
			d := dayStart.AddDate(0, 0, i-6)
			m.Days[i] = d.Format("2006-01-02")
			end := d.AddDate(0, 0, 1)
			for _, c := range cs {
				if !c.At.Before(end) {
					break
				}
				m.Price[i] = c.Price
			}
		}
		out = append(out, m)
	}
	return out
}
