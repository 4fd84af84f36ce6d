package config

import (
	"fmt"

	"pasarbot/catalog"
)

// Warnings are problems that do not stop pasarbot but an operator should
// fix, each "file:line: key: message".
func (c *Config) Warnings() []string { return c.warnings }

func (c *Config) warnAt(path, format string, args ...any) {
	c.warnings = append(c.warnings, c.errAt(path, format, args...).Error())
}

// checkPeople looks at the configured people as a whole, after each number
// was read: the same number twice in one role is refused (one of the two
// lines is a mistake, and a silently merged list hides who is missing);
// a seller group without leaders and a number that is both courier and a
// group's leader are warned about (both can work — admins answer for a
// leaderless group, and a trader in a small market may deliver too).
func (c *Config) checkPeople() error {
	seen := map[string]string{} // phone → first key, per role
	dup := func(role, phone, key string) error {
		k := role + "\x00" + phone
		if first, ok := seen[k]; ok {
			return c.errAt(key, "%s is listed twice as %s (first at line %d)", phone, role, c.lineOf(first))
		}
		seen[k] = key
		return nil
	}
	for i, a := range c.Admins {
		p, _ := catalog.NormalizePhone(a)
		if err := dup("admin", p, fmt.Sprintf("admins[%d]", i)); err != nil {
			return err
		}
	}
	couriers := map[string]bool{}
	for i, d := range c.Couriers.Drivers {
		p, _ := catalog.NormalizePhone(d.Phone)
		if err := dup("courier", p, fmt.Sprintf("couriers.drivers[%d].phone", i)); err != nil {
			return err
		}
		couriers[p] = true
	}
	for i, g := range c.SellerGroups {
		key := fmt.Sprintf("seller_groups[%d]", i)
		if len(g.Leaders) == 0 {
			c.warnAt(key+".id", "seller group %q has no leaders: only admins can answer its orders", g.ID)
		}
		for j, l := range g.Leaders {
			p, _ := catalog.NormalizePhone(l)
			lk := fmt.Sprintf("%s.leaders[%d]", key, j)
			if err := dup("leader of "+g.ID, p, lk); err != nil {
				return err
			}
			if couriers[p] {
				c.warnAt(lk, "%s is both a courier and a leader of %q; allowed, but they can confirm and then deliver their own orders", p, g.ID)
			}
		}
		for j, m := range g.Members {
			p, _ := catalog.NormalizePhone(m.Phone)
			if err := dup("member of "+g.ID, p, fmt.Sprintf("%s.members[%d].phone", key, j)); err != nil {
				return err
			}
		}
	}
	return nil
}
