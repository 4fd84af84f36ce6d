package sim

import (
	"strconv"

	"pasarbot/bot/config"
	"pasarbot/catalog"
)

// Parties are the people the web simulator lets a user type as, taken from
// the configuration so the page offers the numbers the market knows.
type Parties struct {
	Market   string   `json:"market"`   // market name
	Buyer    string   `json:"buyer"`    // the buyer number the page starts with
	Groups   []Group  `json:"groups"`   // seller groups
	Couriers []Person `json:"couriers"` // members of the courier group
	Admins   []Person `json:"admins"`   //
}

// Group is a seller group and the people in it, leaders first.
type Group struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Members []Person `json:"members"`
}

// Person is one party's phone (normalized) and display name.
type Person struct {
	Phone  string `json:"phone"`
	Name   string `json:"name"`
	Leader bool   `json:"leader,omitempty"`
}

// DefaultBuyer is the buyer number scripts and the web page use first.
const DefaultBuyer = "6281234567001"

// PartiesFromConfig lists the configured seller groups, couriers and admins.
// Numbers that do not normalize are skipped (config validation rejects them).
func PartiesFromConfig(cfg *config.Config) Parties {
	p := Parties{Market: cfg.Market.Name, Buyer: DefaultBuyer}
	for _, g := range cfg.SellerGroups {
		grp := Group{ID: g.ID, Name: g.Name}
		seen := map[string]bool{}
		names := map[string]string{}
		for _, m := range g.Members {
			if ph, ok := catalog.NormalizePhone(m.Phone); ok {
				names[ph] = m.Name
			}
		}
		for _, l := range g.Leaders {
			if ph, ok := catalog.NormalizePhone(l); ok && !seen[ph] {
				seen[ph] = true
				name := names[ph]
				if name == "" {
					name = "Ketua " + g.ID
				}
				grp.Members = append(grp.Members, Person{Phone: ph, Name: name, Leader: true})
			}
		}
		for _, m := range g.Members {
			if ph, ok := catalog.NormalizePhone(m.Phone); ok && !seen[ph] {
				seen[ph] = true
				grp.Members = append(grp.Members, Person{Phone: ph, Name: m.Name})
			}
		}
		p.Groups = append(p.Groups, grp)
	}
	for _, d := range cfg.Couriers.Drivers {
		if ph, ok := catalog.NormalizePhone(d.Phone); ok {
			p.Couriers = append(p.Couriers, Person{Phone: ph, Name: d.Name})
		}
	}
	for i, a := range cfg.AdminPhones() {
		name := "Admin"
		if i > 0 {
			name = "Admin " + strconv.Itoa(i+1)
		}
		p.Admins = append(p.Admins, Person{Phone: a, Name: name})
	}
	return p
}
