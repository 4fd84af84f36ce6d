package command

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pasarbot/catalog"
	"pasarbot/orders"
)

// token is a word of the text with its byte offsets, so a broadcast can
// be cut from the original text with its line breaks.
type token struct {
	s          string
	start, end int
}

func tokenize(text string) []token {
	var out []token
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, token{text[start:i], start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, token{text[start:], start, len(text)})
	}
	return out
}

// keyword is token i upper-cased, without WhatsApp formatting marks
// (*BUKA*), a leading slash (/buka) or trailing punctuation (TUTUP!); ""
// past the end.
func keyword(toks []token, i int) string {
	if i >= len(toks) {
		return ""
	}
	s := strings.Trim(toks[i].s, "*_~")
	s = strings.TrimPrefix(s, "/")
	s = strings.TrimRight(s, ".,!:;?")
	return strings.ToUpper(s)
}

// phone reads a number written over one or more tokens ("0812 3456 7890",
// "+62 812-3456-7890") and normalizes it to 62812….
func phone(toks []token) (string, bool) {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.s
	}
	return catalog.NormalizePhone(strings.Join(parts, " "))
}

func isPhoneToken(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune("+-.()", r):
		default:
			return false
		}
	}
	return digit
}

// weekdays are the day names admins write, Indonesian and English.
var weekdays = map[string]time.Weekday{
	"MINGGU": time.Sunday, "AHAD": time.Sunday, "SENIN": time.Monday, "SELASA": time.Tuesday,
	"RABU": time.Wednesday, "KAMIS": time.Thursday, "JUMAT": time.Friday, "JUM'AT": time.Friday,
	"JUM’AT": time.Friday, "JUMAAT": time.Friday, "SABTU": time.Saturday,
	"SUNDAY": time.Sunday, "MONDAY": time.Monday, "TUESDAY": time.Tuesday, "WEDNESDAY": time.Wednesday,
	"THURSDAY": time.Thursday, "FRIDAY": time.Friday, "SATURDAY": time.Saturday,
}

func weekday(kw string) (time.Weekday, bool) {
	wd, ok := weekdays[kw]
	return wd, ok
}

// spanWords are the ways to say "until" between two times.
var spanWords = strings.NewReplacer("S/D", "-", " SD ", "-", " TO ", "-", "SAMPAI", "-", "HINGGA", "-", "–", "-", "—", "-")

// hoursSpan reads "06:00-12:00", "6-12", "06.00 - 12.00", "6 sampai 12",
// "06.00-12.00 WIB" into "06:00-12:00"; the second result is the problem.
func hoursSpan(toks []token) (string, Problem) {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strings.ToUpper(t.s)
	}
	s := strings.Join(parts, " ")
	for _, z := range []string{" WIB", " WITA", " WIT"} {
		s = strings.TrimSuffix(s, z)
	}
	s = strings.ReplaceAll(spanWords.Replace(s), " ", "")
	a, b, ok := strings.Cut(s, "-")
	if !ok || strings.Contains(b, "-") {
		return "", BadHours
	}
	o, ok1 := clock(a)
	c, ok2 := clock(b)
	if !ok1 || !ok2 || o >= 24*60 {
		return "", BadHours
	}
	if c <= o {
		return "", CloseBeforeOpen
	}
	return fmt.Sprintf("%02d:%02d-%02d:%02d", o/60, o%60, c/60, c%60), ""
}

// clock reads "6", "06", "6:30", "06.30" into minutes after midnight;
// 24:00 is the end of the day.
func clock(s string) (int, bool) {
	h, m, hasMin := strings.Cut(s, ":")
	if !hasMin {
		h, m, hasMin = strings.Cut(s, ".")
	}
	if len(h) < 1 || len(h) > 2 || (hasMin && len(m) != 2) {
		return 0, false
	}
	hh, err := strconv.Atoi(h)
	if err != nil || !allDigits(h) {
		return 0, false
	}
	mm := 0
	if hasMin {
		if mm, err = strconv.Atoi(m); err != nil || !allDigits(m) {
			return 0, false
		}
	}
	if hh > 24 || mm > 59 || (hh == 24 && mm != 0) {
		return 0, false
	}
	return hh*60 + mm, true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

var months = map[string]time.Month{
	"JAN": 1, "JANUARI": 1, "JANUARY": 1, "FEB": 2, "FEBRUARI": 2, "FEBRUARY": 2,
	"MAR": 3, "MARET": 3, "MARCH": 3, "APR": 4, "APRIL": 4, "MEI": 5, "MAY": 5,
	"JUN": 6, "JUNI": 6, "JUNE": 6, "JUL": 7, "JULI": 7, "JULY": 7,
	"AGU": 8, "AGS": 8, "AGT": 8, "AGUSTUS": 8, "AUG": 8, "AUGUST": 8,
	"SEP": 9, "SEPT": 9, "SEPTEMBER": 9, "OKT": 10, "OKTOBER": 10, "OCT": 10, "OCTOBER": 10,
	"NOV": 11, "NOPEMBER": 11, "NOVEMBER": 11, "DES": 12, "DESEMBER": 12, "DEC": 12, "DECEMBER": 12,
}

// date reads "2026-12-25", "25-12-2026", "25/12/2026", "25.12.26" or
// "25 Desember 2026" into "2026-12-25"; the second result is the problem.
func date(toks []token) (string, Problem) {
	var y, d int
	var m time.Month
	switch len(toks) {
	case 1:
		f := strings.FieldsFunc(toks[0].s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
		if len(f) == 2 {
			return "", NoYear
		}
		if len(f) != 3 || !allDigits(f[0]) || !allDigits(f[1]) || !allDigits(f[2]) {
			return "", BadDate
		}
		a, _ := strconv.Atoi(f[0])
		b, _ := strconv.Atoi(f[1])
		c, _ := strconv.Atoi(f[2])
		if len(f[0]) == 4 {
			y, m, d = a, time.Month(b), c
		} else {
			d, m, y = a, time.Month(b), c
			if len(f[2]) == 2 {
				y += 2000
			} else if len(f[2]) != 4 {
				return "", BadDate
			}
		}
	case 2, 3:
		mm, ok := months[strings.ToUpper(strings.TrimRight(toks[1].s, ".,"))]
		if !ok || !allDigits(toks[0].s) || len(toks[0].s) > 2 {
			return "", BadDate
		}
		if len(toks) == 2 {
			return "", NoYear
		}
		if !allDigits(toks[2].s) || len(toks[2].s) != 4 {
			return "", BadDate
		}
		d, _ = strconv.Atoi(toks[0].s)
		y, _ = strconv.Atoi(toks[2].s)
		m = mm
	default:
		return "", BadDate
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if y < 2000 || y > 2099 || t.Year() != y || t.Month() != m || t.Day() != d {
		return "", NotInCalendar
	}
	return t.Format("2006-01-02"), ""
}

// plateRE is an Indonesian vehicle plate: area letters, number, suffix
// letters ("B 1234 XYZ", "KH 1234 AB", "D 1 A").
var plateRE = regexp.MustCompile(`^([A-Z]{1,2}) ?([0-9]{1,4}) ?([A-Z]{0,3})$`)

// platePattern reads a plate from the last tokens, written with or without
// spaces, and writes it the usual spaced way.
func platePattern(toks []token) (string, bool) {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strings.ToUpper(t.s)
	}
	s := strings.Join(strings.Fields(strings.ReplaceAll(strings.Join(parts, " "), "-", " ")), " ")
	m := plateRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1] + " " + m[2] + " " + m[3]), true
}

// maxNameRunes bounds a courier's name as typed.
const maxNameRunes = 60

// personName joins the name tokens; a name has a letter and no digits
// (digits mean the parts were written in the wrong order).
func personName(toks []token) (string, bool) {
	parts := make([]string, len(toks))
	letter := false
	for i, t := range toks {
		for _, r := range t.s {
			switch {
			case unicode.IsLetter(r):
				letter = true
			case unicode.IsDigit(r), !unicode.IsPrint(r), r == utf8.RuneError:
				return "", false
			}
		}
		parts[i] = t.s
	}
	name := strings.Join(parts, " ")
	return name, letter && utf8.RuneCountInString(name) <= maxNameRunes
}

// orderCode reads an order's short code ("A7K2", "#a7k2", five or six
// characters for later orders): the shape orders.LooksLikeCode accepts.
func orderCode(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimPrefix(s, "#"))
	if !orders.LooksLikeCode(s) {
		return "", false
	}
	return s, true
}
