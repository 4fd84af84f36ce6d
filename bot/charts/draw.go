package charts

import (
	"bytes"
	"fmt"
	"image/color"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Image sizes. At DPI pixels per inch a chart is ChartW×ChartH pixels, and
// the sheet (every chart on one image, for WhatsApp) is SheetCols charts
// wide.
const (
	DPI       = 96
	ChartW    = 800
	ChartH    = 450
	SheetCols = 2
)

// Chart is one drawn chart; Name is its file name without extension.
type Chart struct {
	Name string
	Plot *plot.Plot
}

// Draw builds the day's charts, in sheet order.
func Draw(n Numbers) ([]Chart, error) {
	builders := []struct {
		name  string
		build func(Numbers) (*plot.Plot, error)
	}{
		{"orders-by-hour", ordersByHour},
		{"revenue-by-hour", revenueByHour},
		{"orders-by-group", ordersByGroup},
		{"revenue-by-group", revenueByGroup},
		{"seller-answer-minutes", sellerAnswers},
		{"courier-delivery-minutes", courierDeliveries},
		{"price-moves-week", priceWeek},
	}
	var cs []Chart
	for _, b := range builders {
		p, err := b.build(n)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", b.name, err)
		}
		cs = append(cs, Chart{Name: b.name, Plot: p})
	}
	return cs, nil
}

// PNG renders one chart at ChartW×ChartH pixels.
func PNG(c Chart) ([]byte, error) {
	return render(ChartW, ChartH, func(dc draw.Canvas) { c.Plot.Draw(dc) })
}

// Sheet renders every chart on one image, SheetCols across.
func Sheet(cs []Chart) ([]byte, error) {
	rows := (len(cs) + SheetCols - 1) / SheetCols
	tiles := draw.Tiles{Cols: SheetCols, Rows: rows}
	return render(ChartW*SheetCols, ChartH*rows, func(dc draw.Canvas) {
		for i, c := range cs {
			c.Plot.Draw(tiles.At(dc, i%SheetCols, i/SheetCols))
		}
	})
}

// SheetSize is the sheet's size in pixels for n charts.
func SheetSize(n int) (w, h int) {
	return ChartW * SheetCols, ChartH * ((n + SheetCols - 1) / SheetCols)
}

func render(wPx, hPx int, drawOn func(draw.Canvas)) ([]byte, error) {
	px := func(n int) vg.Length { return vg.Length(n) * vg.Inch / DPI }
	img := vgimg.NewWith(vgimg.UseWH(px(wPx), px(hPx)), vgimg.UseDPI(DPI), vgimg.UseBackgroundColor(color.White))
	drawOn(draw.New(img))
	var b bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text, p.X.Label.Text, p.Y.Label.Text = title, x, y
	p.Y.Min = 0
	return p
}

// bars draws one bar per name; a chart with nothing to show says so in its title.
func bars(title, x, y string, names []string, values plotter.Values) (*plot.Plot, error) {
	p := newPlot(title, x, y)
	if len(values) == 0 {
		p.Title.Text += " — no data"
		return p, nil
	}
	b, err := plotter.NewBarChart(values, vg.Points(14))
	if err != nil {
		return nil, err
	}
	b.Color = plotutil.Color(0)
	b.LineStyle.Width = 0
	p.Add(b)
	p.NominalX(names...)
	return p, nil
}

func hourNames() []string {
	ns := make([]string, 24)
	for h := range ns {
		if h%3 == 0 {
			ns[h] = strconv.Itoa(h)
		}
	}
	return ns
}

func ordersByHour(n Numbers) (*plot.Plot, error) {
	vs := make(plotter.Values, 24)
	for h, c := range n.Hours {
		vs[h] = float64(c.Orders)
	}
	return bars("Orders by hour "+n.Day, "hour (market time)", "orders", hourNames(), vs)
}

func revenueByHour(n Numbers) (*plot.Plot, error) {
	vs := make(plotter.Values, 24)
	for h, c := range n.Hours {
		vs[h] = float64(c.Revenue) / 1000
	}
	return bars("Revenue by hour ordered (delivered goods)", "hour (market time)", "thousand rupiah", hourNames(), vs)
}

func ordersByGroup(n Numbers) (*plot.Plot, error) {
	var names []string
	var vs plotter.Values
	for _, g := range n.Groups {
		names, vs = append(names, g.Group), append(vs, float64(g.Orders))
	}
	return bars("Orders by seller group", "", "orders", names, vs)
}

func revenueByGroup(n Numbers) (*plot.Plot, error) {
	var names []string
	var vs plotter.Values
	for _, g := range n.Groups {
		names, vs = append(names, g.Group), append(vs, float64(g.Revenue)/1000)
	}
	return bars("Revenue by seller group (delivered goods)", "", "thousand rupiah", names, vs)
}

func sellerAnswers(n Numbers) (*plot.Plot, error) {
	return boxes("Seller answer times (order placed → first answer)", n.Answers)
}

func courierDeliveries(n Numbers) (*plot.Plot, error) {
	return boxes("Courier delivery times (job card → delivered)", n.Trips)
}

// boxes draws one box plot of minutes per label.
func boxes(title string, ds []Durations) (*plot.Plot, error) {
	p := newPlot(title, "", "minutes")
	if len(ds) == 0 {
		p.Title.Text += " — no data"
		return p, nil
	}
	var names []string
	for i, d := range ds {
		vs := make(plotter.Values, len(d.Times))
		for j, t := range d.Times {
			vs[j] = t.Minutes()
		}
		b, err := plotter.NewBoxPlot(vg.Points(20), float64(i), vs)
		if err != nil {
			return nil, err
		}
		b.FillColor = plotutil.Color(i)
		// The single times too: a morning has few, and a box of one is a line.
		pts := make(plotter.XYs, len(vs))
		for j, v := range vs {
			pts[j] = plotter.XY{X: float64(i), Y: v}
		}
		dots, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		p.Add(b, dots)
		names = append(names, fmt.Sprintf("%s (%d)", d.Label, len(d.Times)))
	}
	p.NominalX(names...)
	p.Y.Min, p.Y.Max = 0, max(p.Y.Max*1.1, 1) // room under the title; a scale when all are 0
	return p, nil
}

// priceWeek draws each tracked commodity's price as a change from its
// first known price of the week, in percent: a kilo of beef and a kilo of
// chilli then share one scale.
func priceWeek(n Numbers) (*plot.Plot, error) {
	p := newPlot("Price moves this week (% from the week's first price)", "", "%")
	p.Y.Min = 0
	if len(n.Prices) == 0 {
		p.Title.Text += " — no data"
		return p, nil
	}
	p.Y.Min, p.Y.Max = -5, 5 // a flat week still shows a readable scale
	p.Legend.Top, p.Legend.Left = true, true
	var days []string
	for i, m := range n.Prices {
		var base int64
		var pts plotter.XYs
		for d, price := range m.Price {
			if price == 0 {
				continue
			}
			if base == 0 {
				base = price
			}
			pts = append(pts, plotter.XY{X: float64(d), Y: float64(price-base) * 100 / float64(base)})
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		l.Color = plotutil.Color(i)
		l.Dashes = plotutil.Dashes(i / len(plotutil.DefaultColors))
		l.Width = vg.Points(1.5)
		p.Add(l)
		name := m.Name
		if name == "" {
			name = m.SKU
		}
		p.Legend.Add(name, l)
		days = m.Days[:]
	}
	labels := make([]string, len(days))
	for i, d := range days {
		labels[i] = d[5:] // MM-DD
	}
	p.NominalX(labels...)
	p.X.Min, p.X.Max = -0.3, 6.3 // the whole week, also when prices start later
	return p, nil
}
