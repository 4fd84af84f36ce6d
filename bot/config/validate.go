package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"pasarbot/catalog"
)

// Location returns the market's time zone.
func (c *Config) Location() *time.Location { return c.location }

// AdminPhones returns the admins' normalized phone numbers.
func (c *Config) AdminPhones() []string { return c.adminPhones }

// errAt builds an error for the key at path (dot-separated, with [i] for
// list items), finding its line in the parsed file.
func (c *Config) errAt(path string, format string, args ...any) error {
	return &Error{File: c.sourceName, Line: c.lineOf(path), Market: c.marketName(), Key: path, Msg: fmt.Sprintf(format, args...)}
}

// findLine finds the line of a key path such as "seller_groups[1].leaders[0]"
// in a parsed YAML document or mapping; 0 when no part of it is there. exact
// is false when only an enclosing key was found (its line is returned).
func findLine(root *yaml.Node, path string) (line int, exact bool) {
	if root == nil {
		return 0, false
	}
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, part := range strings.Split(path, ".") {
		key, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
			key = part[:i]
			idx, _ = strconv.Atoi(part[i+1 : len(part)-1])
		}
		if n.Kind != yaml.MappingNode {
			return line, false
		}
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				line = n.Content[i].Line
				n = n.Content[i+1]
				found = true
				break
			}
		}
		if !found {
			return line, false
		}
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return line, false
			}
			n = n.Content[idx]
			line = n.Line
		}
	}
	return line, true
}

// ParseClock reads "06:00" into minutes after midnight.
func ParseClock(s string) (int, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		h, m, ok = strings.Cut(strings.TrimSpace(s), ".")
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || hh < 0 || hh > 24 || mm < 0 || mm > 59 || (hh == 24 && mm != 0) {
		return 0, fmt.Errorf("%q is not a time like 06:00", s)
	}
	return hh*60 + mm, nil
}

// Weekdays maps Indonesian and English day names to time.Weekday.
var Weekdays = map[string]time.Weekday{
	"minggu": time.Sunday, "senin": time.Monday, "selasa": time.Tuesday, "rabu": time.Wednesday,
	"kamis": time.Thursday, "jumat": time.Friday, "sabtu": time.Saturday,
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

func (c *Config) validate() error {
	loc, err := time.LoadLocation(c.Market.Timezone)
	if err != nil {
		return c.errAt("market.timezone", "unknown time zone %q", c.Market.Timezone)
	}
	c.location = loc
	if strings.TrimSpace(c.Market.Name) == "" {
		return c.errAt("market.name", "must not be empty")
	}
	if c.Market.Language != "id" && c.Market.Language != "en" {
		return c.errAt("market.language", "must be id or en, not %q", c.Market.Language)
	}
	if c.Market.Location != nil {
		if l := c.Market.Location; l.Lat < -90 || l.Lat > 90 || l.Lng < -180 || l.Lng > 180 {
			return c.errAt("market.location", "latitude/longitude out of range")
		}
	}
	if err := c.validateDatabase(); err != nil {
		return err
	}
	if strings.TrimSpace(c.WhatsApp.DeviceStore) == "" && !c.Database.OnPostgres() {
		return c.errAt("whatsapp.device_store", "must not be empty")
	}
	if c.WhatsApp.SendInterval < 0 || c.WhatsApp.ChatInterval < 0 || c.WhatsApp.HistoryWindow < 0 {
		return c.errAt("whatsapp", "durations must not be negative")
	}
	if c.WhatsApp.SendBurst < 1 {
		return c.errAt("whatsapp.send_burst", "must be at least 1")
	}
	c.adminPhones = nil
	for i, a := range c.Admins {
		p, ok := catalog.NormalizePhone(a)
		if !ok {
			return c.errAt(fmt.Sprintf("admins[%d]", i), "%q is not a mobile number (write it like 0812-3456-7890 or +62 812-3456-7890)", a)
		}
		c.adminPhones = append(c.adminPhones, p)
	}
	if err := c.validateHours(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, g := range c.SellerGroups {
		key := fmt.Sprintf("seller_groups[%d]", i)
		cg := catalog.SellerGroup{ID: g.ID, Name: g.Name}
		if err := cg.Validate(); err != nil {
			return c.errAt(key+".id", "%v", err)
		}
		if seen[g.ID] {
			return c.errAt(key+".id", "duplicate seller group %q", g.ID)
		}
		seen[g.ID] = true
		for j, l := range g.Leaders {
			if _, ok := catalog.NormalizePhone(l); !ok {
				return c.errAt(fmt.Sprintf("%s.leaders[%d]", key, j), "%q is not a mobile number (write it like 0812-3456-7890 or +62 812-3456-7890)", l)
			}
		}
		for j, m := range g.Members {
			if _, ok := catalog.NormalizePhone(m.Phone); !ok {
				return c.errAt(fmt.Sprintf("%s.members[%d].phone", key, j), "%q is not a mobile number (write it like 0812-3456-7890 or +62 812-3456-7890)", m.Phone)
			}
		}
	}
	switch c.Couriers.PaymentMode {
	case "talangan", "prepaid":
	default:
		return c.errAt("couriers.payment_mode", "must be talangan or prepaid, not %q", c.Couriers.PaymentMode)
	}
	if c.Couriers.ClaimTimeout <= 0 {
		return c.errAt("couriers.claim_timeout", "must be positive")
	}
	if c.Couriers.Rebroadcasts < 0 {
		return c.errAt("couriers.rebroadcasts", "must not be negative")
	}
	for i, d := range c.Couriers.Drivers {
		if _, ok := catalog.NormalizePhone(d.Phone); !ok {
			return c.errAt(fmt.Sprintf("couriers.drivers[%d].phone", i), "%q is not a mobile number (write it like 0812-3456-7890 or +62 812-3456-7890)", d.Phone)
		}
		if strings.TrimSpace(d.Name) == "" {
			return c.errAt(fmt.Sprintf("couriers.drivers[%d].name", i), "must not be empty")
		}
	}
	if err := c.checkPeople(); err != nil {
		return err
	}
	if err := c.validatePayments(); err != nil {
		return err
	}
	for i, z := range c.Delivery.Zones {
		key := fmt.Sprintf("delivery.zones[%d]", i)
		if strings.TrimSpace(z.Name) == "" {
			return c.errAt(key+".name", "must not be empty")
		}
		if z.Fee < 0 {
			return c.errAt(key+".fee", "must not be negative")
		}
		if len(z.Keywords) == 0 {
			return c.errAt(key+".keywords", "list at least one area keyword")
		}
	}
	if c.Delivery.BaseFee < 0 || c.Delivery.PerKm < 0 || c.Delivery.DefaultFee < 0 || c.Delivery.MaxKm < 0 {
		return c.errAt("delivery", "fees and distances must not be negative")
	}
	if c.Bargaining.MaxRounds < 0 {
		return c.errAt("bargaining.max_rounds", "must not be negative")
	}
	if c.Bargaining.MaxDiscountPercent < 0 || c.Bargaining.MaxDiscountPercent > 100 {
		return c.errAt("bargaining.max_discount_percent", "must be between 0 and 100")
	}
	if c.Bargaining.ResponseTimeout <= 0 {
		return c.errAt("bargaining.response_timeout", "must be positive")
	}
	if c.Orders.BurstWindow < 0 || c.Orders.BurstWindow > time.Minute {
		return c.errAt("orders.burst_window", "must be between 0s and 1m")
	}
	if c.Orders.CartIdle <= 0 {
		return c.errAt("orders.cart_idle", "must be positive")
	}
	if c.Orders.HandoverIdle <= 0 {
		return c.errAt("orders.handover_idle", "must be positive")
	}
	if c.Orders.SellerTimeout <= 0 {
		return c.errAt("orders.seller_timeout", "must be positive")
	}
	if c.Orders.WeighTolerance < 0 || c.Orders.WeighTolerance > 100 {
		return c.errAt("orders.weigh_tolerance_percent", "must be between 0 and 100")
	}
	if c.Orders.DailyCap < 0 || c.Orders.GroupDailyCap < 0 {
		return c.errAt("orders", "caps must not be negative")
	}
	if c.Limits.MessagesPerMinute < 1 {
		return c.errAt("limits.messages_per_minute", "must be at least 1")
	}
	if c.Limits.MaxMessageBytes < 64 {
		return c.errAt("limits.max_message_bytes", "must be at least 64")
	}
	for _, l := range []struct {
		key string
		v   int64
	}{{"max_kg", c.Limits.MaxKg}, {"max_liter", c.Limits.MaxLiter}, {"max_pieces", c.Limits.MaxPieces},
		{"max_price", c.Limits.MaxPrice}, {"max_line_amount", c.Limits.MaxLineAmount}, {"max_order_total", c.Limits.MaxOrderTotal}} {
		if l.v < 1 || l.v > 1_000_000_000_000 {
			return c.errAt("limits."+l.key, "must be between 1 and 1000000000000")
		}
	}
	if c.Limits.MaxLineAmount > c.Limits.MaxOrderTotal {
		return c.errAt("limits.max_line_amount", "must not exceed limits.max_order_total")
	}
	if c.Limits.MaxOutboundBytes < 500 || c.Limits.MaxOutboundBytes > 60000 {
		return c.errAt("limits.max_outbound_bytes", "must be between 500 and 60000")
	}
	switch strings.ToLower(c.Log.Level) {
	case "trace", "debug", "info", "warn", "error":
	default:
		return c.errAt("log.level", "must be trace, debug, info, warn or error, not %q", c.Log.Level)
	}
	if c.Log.Format != "console" && c.Log.Format != "json" {
		return c.errAt("log.format", "must be console or json, not %q", c.Log.Format)
	}
	return c.validateOps()
}

func (c *Config) validateHours() error {
	h := c.Hours
	o, err := ParseClock(h.Open)
	if err != nil {
		return c.errAt("hours.open", "%v", err)
	}
	cl, err := ParseClock(h.Close)
	if err != nil {
		return c.errAt("hours.close", "%v", err)
	}
	if cl <= o {
		return c.errAt("hours.close", "closing %s must be after opening %s", h.Close, h.Open)
	}
	if _, err := ParseClock(h.ReportAt); err != nil {
		return c.errAt("hours.report_at", "%v", err)
	}
	for day, span := range h.Days {
		if _, ok := Weekdays[strings.ToLower(day)]; !ok {
			return c.errAt("hours.days."+day, "unknown day %q (use senin … minggu)", day)
		}
		if strings.EqualFold(strings.TrimSpace(span), "tutup") {
			continue
		}
		if _, _, err := ParseSpan(span); err != nil {
			return c.errAt("hours.days."+day, "%v", err)
		}
	}
	for i, d := range h.ClosedDates {
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return c.errAt(fmt.Sprintf("hours.closed_dates[%d]", i), "%q is not a date like 2026-12-25", d)
		}
	}
	if h.OnClose != "expire" && h.OnClose != "carry_over" {
		return c.errAt("hours.on_close", "must be expire or carry_over, not %q", h.OnClose)
	}
	return nil
}

// ParseSpan reads "06:00-12:00" into opening and closing minutes.
func ParseSpan(s string) (open, close int, err error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("%q is not hours like 06:00-12:00", s)
	}
	if open, err = ParseClock(a); err != nil {
		return 0, 0, err
	}
	if close, err = ParseClock(b); err != nil {
		return 0, 0, err
	}
	if close <= open {
		return 0, 0, fmt.Errorf("closing must be after opening in %q", s)
	}
	return open, close, nil
}

// CatalogLimits returns the configured bounds on lines, orders and prices.
func (c *Config) CatalogLimits() catalog.Limits {
	l := c.Limits
	return catalog.Limits{MaxKg: l.MaxKg, MaxLiter: l.MaxLiter, MaxPieces: l.MaxPieces, MaxPrice: l.MaxPrice,
		MaxLineAmount: l.MaxLineAmount, MaxOrderTotal: l.MaxOrderTotal}
}

// CatalogGroups returns the configured seller groups as catalog groups,
// phone numbers normalized (they were validated when the file was read).
func (c *Config) CatalogGroups() []catalog.SellerGroup {
	out := make([]catalog.SellerGroup, 0, len(c.SellerGroups))
	for _, g := range c.SellerGroups {
		sg := catalog.SellerGroup{ID: g.ID, Name: g.Name, Category: g.Category, Stall: g.Stall}
		for _, l := range g.Leaders {
			p, _ := catalog.NormalizePhone(l)
			sg.Leaders = append(sg.Leaders, p)
		}
		for _, m := range g.Members {
			p, _ := catalog.NormalizePhone(m.Phone)
			sg.Members = append(sg.Members, catalog.Member{Phone: p, Name: m.Name})
		}
		out = append(out, sg)
	}
	return out
}
