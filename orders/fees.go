package orders

import (
	"math"
	"strings"
)

// Zone is a delivery area with a fixed ongkir, found by keywords in the
// buyer's address (kelurahan, kecamatan, street names).
type Zone struct {
	Name     string
	Keywords []string
	Fee      int64
}

// FeeTable quotes ongkir: by zone keyword in the address, else by distance
// from the market when a pin was shared, else a default fee.
type FeeTable struct {
	Zones      []Zone
	BaseFee    int64
	PerKm      int64
	MaxKm      float64 // 0: no limit
	DefaultFee int64
	MarketLat  float64
	MarketLng  float64
	HasMarket  bool
}

// Quote is an ongkir decision.
type Quote struct {
	Fee      int64
	Zone     string  // zone name, or "" when by distance/default
	Keyword  string  // the configured zone keyword found in the address (never the buyer's own words)
	Km       float64 // distance when computed from a pin
	TooFar   bool    // beyond MaxKm: not delivered
	ByPin    bool
	Fallback bool // neither zone nor pin: default fee
}

// Quote prices delivery to address, using the pin when given.
func (t FeeTable) Quote(address string, lat, lng float64, hasPin bool) Quote {
	// The zone named last wins: an address ends with its kelurahan, and an
	// earlier zone word is a street named after a place or one corrected
	// ("langkai, panarung, jl. mahoni no 6 panarung").
	a := " " + strings.ToLower(address) + " "
	best, at := Quote{}, -1
	for _, z := range t.Zones {
		for _, k := range z.Keywords {
			k = strings.ToLower(strings.TrimSpace(k))
			if k == "" {
				continue
			}
			if i := strings.LastIndex(a, k); i > at || i == at && i >= 0 && len(k) > len(best.Keyword) {
				best, at = Quote{Fee: z.Fee, Zone: z.Name, Keyword: k}, i
			}
		}
	}
	if at >= 0 {
		return best
	}
	if hasPin && t.HasMarket {
		km := Haversine(t.MarketLat, t.MarketLng, lat, lng)
		q := Quote{Km: km, ByPin: true}
		if t.MaxKm > 0 && km > t.MaxKm {
			q.TooFar = true
			return q
		}
		// Round the fee up to Rp1.000, as couriers quote it.
		fee := t.BaseFee + int64(math.Ceil(km*float64(t.PerKm)))
		q.Fee = (fee + 999) / 1000 * 1000
		return q
	}
	return Quote{Fee: t.DefaultFee, Fallback: true}
}

// Haversine returns the great-circle distance in km.
func Haversine(lat1, lng1, lat2, lng2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLng := (lng2 - lng1) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
