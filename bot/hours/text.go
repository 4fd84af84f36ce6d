package hours

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

var (
	monthsID      = [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	monthsShortID = [12]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
)

// textLang is Indonesian unless lang is "en".
type textLang bool

const english textLang = true

func langOf(lang string) textLang { return textLang(strings.EqualFold(lang, "en")) }

// ZoneName is what Indonesians call the market's zone: WIB, WITA or WIT;
// for other zones the abbreviation when it is a word (CET, UTC), else the
// IANA name.
func ZoneName(loc *time.Location, t time.Time) string {
	switch loc.String() {
	case "Asia/Jakarta", "Asia/Pontianak":
		return "WIB"
	case "Asia/Makassar", "Asia/Ujung_Pandang":
		return "WITA"
	case "Asia/Jayapura":
		return "WIT"
	}
	abbr, _ := t.In(loc).Zone()
	if abbr != "" && strings.Trim(abbr, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		return abbr
	}
	return loc.String()
}

// clock writes minutes after midnight: "06.00" in Indonesian, "06:00" in English.
func (l textLang) clock(m int) string {
	sep := "."
	if l == english {
		sep = ":"
	}
	return fmt.Sprintf("%02d%s%02d", m/60, sep, m%60)
}

func (l textLang) clockAt(t time.Time) string { return l.clock(t.Hour()*60 + t.Minute()) }

func (l textLang) spanText(sp span) string {
	if !sp.ok {
		if l == english {
			return "closed"
		}
		return "tutup"
	}
	return l.clock(sp.open) + "–" + l.clock(sp.close)
}

func (l textLang) day(wd time.Weekday) string {
	if l == english {
		return wd.String()
	}
	return dayNamesID[wd]
}

// shortDate is "25 Des" / "25 Dec".
func (l textLang) shortDate(c civil) string {
	if l == english {
		return fmt.Sprintf("%d %s", c.d, c.m.String()[:3])
	}
	return fmt.Sprintf("%d %s", c.d, monthsShortID[c.m-1])
}

// longDate is "Senin, 1 Desember" / "Monday, 1 December", with the year
// when it is not this year.
func (l textLang) longDate(c, today civil) string {
	month := monthsID[c.m-1]
	if l == english {
		month = c.m.String()
	}
	s := fmt.Sprintf("%s, %d %s", l.day(c.weekday()), c.d, month)
	if c.y != today.y {
		s += fmt.Sprintf(" %d", c.y)
	}
	return s
}

// when says which day t is, seen from today: "hari ini", "besok",
// "hari Senin, 1 Desember".
func (l textLang) when(c, today civil) string {
	switch today.daysUntil(c) {
	case 0:
		if l == english {
			return "today"
		}
		return "hari ini"
	case 1:
		if l == english {
			return "tomorrow"
		}
		return "besok"
	}
	if l == english {
		return "on " + l.longDate(c, today)
	}
	return "hari " + l.longDate(c, today)
}

// ClosedReply is the answer to a buyer who writes while the market is
// closed: why, and when it opens next, e.g. "Maaf kak, pasar sudah tutup.
// Pasar buka lagi besok jam 06.00 WIB." Whether pre-orders are taken is the
// engine's sentence to add.
func (s *Schedule) ClosedReply(t time.Time, lang string) string {
	l := langOf(lang)
	if s.IsOpen(t) {
		if l == english {
			return "The market is open, go ahead and order."
		}
		return "Pasar lagi buka kak, silakan pesan."
	}
	t = t.In(s.loc)
	today := s.civil(t)
	sp := s.spanOn(today)
	forced := s.force != nil && s.force.covers(t)
	var why string
	notYet := sp.ok && !forced && t.Before(s.at(today, sp.open))
	switch {
	case forced:
		why = pick(l, "Maaf kak, pasar sedang tutup.", "Sorry, the market is closed right now.")
	case !sp.ok:
		why = pick(l, "Maaf kak, hari ini pasar libur.", "Sorry, the market is closed today.")
	case notYet:
		why = pick(l, "Maaf kak, pasar belum buka.", "Sorry, the market isn't open yet.")
	default:
		why = pick(l, "Maaf kak, pasar sudah tutup.", "Sorry, the market has closed.")
	}
	next := s.NextOpen(t)
	if next.IsZero() {
		return why + pick(l, " Jadwal buka berikutnya belum ada.", " There is no next opening scheduled yet.")
	}
	next = next.In(s.loc)
	c := s.civil(next)
	zone := ZoneName(s.loc, next)
	if l == english {
		again := " again"
		if notYet && c == today {
			again = ""
		}
		return fmt.Sprintf("%s It opens%s %s at %s %s.", why, again, l.when(c, today), l.clockAt(next), zone)
	}
	again := " lagi"
	if notYet && c == today {
		again = ""
	}
	return fmt.Sprintf("%s Pasar buka%s %s jam %s %s.", why, again, l.when(c, today), l.clockAt(next), zone)
}

func pick(l textLang, id, en string) string {
	if l == english {
		return en
	}
	return id
}

// textAhead bounds the special dates HoursText mentions.
const (
	textAheadDays = 60
	textMaxDates  = 5
)

// HoursText describes the hours for buyers and the INFO command: "Buka
// setiap hari 06.00–12.00 WIB (Minggu 06.00–11.00). Libur: 25 Des." It
// needs now to mention only coming dates and a BUKA/TUTUP in force.
func (s *Schedule) HoursText(now time.Time, lang string) string {
	l := langOf(lang)
	now = now.In(s.loc)
	zone := ZoneName(s.loc, now)
	order := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

	// The most common open span is "every day"; the others are exceptions.
	count := map[span]int{}
	var base span
	for _, wd := range order {
		sp := s.weekly[wd]
		count[sp]++
		if sp.ok && (!base.ok || count[sp] > count[base]) {
			base = sp
		}
	}
	var b strings.Builder
	if !base.ok {
		b.WriteString(pick(l, "Belum ada jadwal buka rutin.", "No regular opening hours."))
	} else {
		fmt.Fprintf(&b, "%s %s %s", pick(l, "Buka setiap hari", "Open every day"), l.spanText(base), zone)
		var groups []span
		days := map[span][]string{}
		for _, wd := range order {
			if sp := s.weekly[wd]; sp != base {
				if _, ok := days[sp]; !ok {
					groups = append(groups, sp)
				}
				days[sp] = append(days[sp], l.day(wd))
			}
		}
		var exc []string
		for _, sp := range groups {
			exc = append(exc, strings.Join(days[sp], ", ")+" "+l.spanText(sp))
		}
		if len(exc) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(exc, "; "))
		}
		b.WriteString(".")
	}

	today := s.civil(now)
	var special, closed []string
	for _, c := range s.comingDates(today) {
		sp := s.spanOn(c)
		if sp == s.weekly[c.weekday()] {
			continue
		}
		name := l.shortDate(c)
		if c == today {
			name = pick(l, "hari ini", "today")
		}
		if !sp.ok {
			closed = append(closed, name)
		} else if len(special) < textMaxDates {
			special = append(special, name+" "+l.spanText(sp))
		}
	}
	if len(special) > 0 {
		fmt.Fprintf(&b, " %s: %s.", pick(l, "Jam khusus", "Special hours"), strings.Join(special, ", "))
	}
	if len(closed) > textMaxDates {
		closed = closed[:textMaxDates]
	}
	if len(closed) > 0 {
		fmt.Fprintf(&b, " %s: %s.", pick(l, "Libur", "Closed"), strings.Join(closed, ", "))
	}
	if f := s.force; f != nil && f.covers(now) {
		until := f.until.In(s.loc)
		at := strings.TrimPrefix(l.when(s.civil(until), today), "on ") + pick(l, " jam ", " at ") + l.clockAt(until)
		if f.open {
			fmt.Fprintf(&b, pick(l, " Saat ini buka di luar jadwal sampai %s.", " Open outside the usual hours until %s."), at)
		} else {
			fmt.Fprintf(&b, pick(l, " Saat ini tutup sampai %s.", " Closed right now until %s."), at)
		}
	}
	return b.String()
}

// comingDates are the dates from today within textAheadDays that have
// special hours or are holidays, in order.
func (s *Schedule) comingDates(today civil) []civil {
	var out []civil
	add := func(c civil) {
		if n := today.daysUntil(c); n >= 0 && n <= textAheadDays && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	for c := range s.days {
		add(c)
	}
	for c := range s.holidays {
		add(c)
	}
	slices.SortFunc(out, func(a, b civil) int { return -a.daysUntil(b) })
	return out
}
