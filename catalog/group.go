package catalog

import (
	"fmt"
	"strings"
)

// SellerGroup is a WhatsApp group of traders of one kind, led by one or more
// leaders (the market's "RT"), who confirm orders and answer for quality.
type SellerGroup struct {
	ID       string   // short id used in commands: "sayur"
	Name     string   // display name: "Kelompok Sayur Bu Tini"
	Category string   // what the group sells
	Stall    string   // stall/location text for courier pickup
	Leaders  []string // leader phone numbers, normalized (62812…)
	Members  []Member // traders, each responsible for what they sell
	ChatID   string   // bound WhatsApp group JID; empty until DAFTAR GRUP
}

// Member is a trader in a seller group.
type Member struct {
	Phone string // normalized (62812…)
	Name  string
}

// IsLeader reports whether phone (normalized) leads the group.
func (g SellerGroup) IsLeader(phone string) bool {
	for _, l := range g.Leaders {
		if l == phone {
			return true
		}
	}
	return false
}

// IsMember reports whether phone is a leader or a listed member.
func (g SellerGroup) IsMember(phone string) bool {
	if g.IsLeader(phone) {
		return true
	}
	for _, m := range g.Members {
		if m.Phone == phone {
			return true
		}
	}
	return false
}

// MemberName returns the trader's name for phone, or "" when unknown.
func (g SellerGroup) MemberName(phone string) string {
	for _, m := range g.Members {
		if m.Phone == phone {
			return m.Name
		}
	}
	return ""
}

// Validate checks a group's fields.
func (g SellerGroup) Validate() error {
	if strings.TrimSpace(g.ID) == "" {
		return fmt.Errorf("seller group id is empty")
	}
	if strings.ContainsAny(g.ID, " \t,;|/") {
		return fmt.Errorf("seller group id %q has spaces or separators", g.ID)
	}
	if strings.TrimSpace(g.Name) == "" {
		return fmt.Errorf("seller group %q has no name", g.ID)
	}
	return nil
}

// NormalizePhone turns the ways Indonesians write a mobile number — 0812…,
// 62812…, +62 812…, +62 0812… (the trunk 0 kept after the country code),
// 0062 812…, 812…, with spaces, dashes, dots or brackets — into one form,
// the international digits 62812…. An Indonesian number must be a mobile
// one (8 after the country code, 9–12 digits after it); other countries'
// numbers are kept as their 9–15 international digits. It returns false for
// anything that cannot be a mobile number.
func NormalizePhone(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' || r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return "", false
		}
	}
	d := b.String()
	if strings.HasPrefix(d, "00") {
		d = d[2:] // international call prefix: 0062 812…
	}
	var national string
	switch {
	case strings.HasPrefix(d, "62"):
		national = strings.TrimPrefix(d[2:], "0") // +62 0812…: the trunk 0 does not belong after 62
	case strings.HasPrefix(d, "0"):
		national = d[1:]
	case strings.HasPrefix(d, "8"):
		national = d
	default:
		if len(d) < 9 || len(d) > 15 {
			return "", false
		}
		return d, true // another country's number
	}
	if !strings.HasPrefix(national, "8") || len(national) < 9 || len(national) > 12 {
		return "", false
	}
	return "62" + national, true
}
