package qris

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The tags pasarbot reads or writes (EMVCo MPM numbering).
const (
	TagFormat        = "00"
	TagInitiation    = "01"
	TagMCC           = "52"
	TagCurrency      = "53"
	TagAmount        = "54"
	TagCountry       = "58"
	TagMerchantName  = "59"
	TagMerchantCity  = "60"
	TagAdditional    = "62"
	TagCRC           = "63"
	InitiationStatic = "11"
	InitiationDyn    = "12"
	CurrencyRupiah   = "360"
)

// Payload is a parsed QRIS payload: its top-level fields in their order.
type Payload struct {
	Fields []Field
}

// FieldError is one rule a payload breaks, named by its tag.
type FieldError struct {
	Tag    string
	Reason string
}

func (e FieldError) Error() string {
	return fmt.Sprintf("tag %s (%s): %s", e.Tag, TagName(e.Tag), e.Reason)
}

// ValidationError lists every rule a payload breaks, so an operator fixes
// them in one go.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Error()
	}
	return "qris: " + strings.Join(parts, "; ")
}

// Parse reads a payload and checks it against the standard: structure,
// required tags, their formats, and the CRC. Surrounding white space (a
// trailing newline from a copied code) is ignored.
func Parse(s string) (*Payload, error) {
	fields, err := ParseTLV(strings.TrimSpace(s))
	if err != nil {
		return nil, err
	}
	p := &Payload{Fields: fields}
	if problems := p.check(strings.TrimSpace(s)); len(problems) > 0 {
		return p, &ValidationError{Problems: problems}
	}
	return p, nil
}

// ParseStatic is Parse for the merchant's printed code, which pasarbot turns
// into a dynamic one per order: it must not already be dynamic or carry an
// amount, since that code would charge every buyer the same sum.
func ParseStatic(s string) (*Payload, error) {
	p, err := Parse(s)
	if err != nil {
		return p, err
	}
	var problems []FieldError
	if v, _ := p.Get(TagInitiation); v == InitiationDyn {
		problems = append(problems, FieldError{TagInitiation, "the payload is dynamic (12); use the merchant's printed static code (11)"})
	}
	if v, ok := p.Get(TagAmount); ok {
		problems = append(problems, FieldError{TagAmount, fmt.Sprintf("a static code carries no amount, this one says %s", v)})
	}
	if len(problems) > 0 {
		return p, &ValidationError{Problems: problems}
	}
	return p, nil
}

// Get returns the value of the first top-level field with that tag.
func (p *Payload) Get(tag string) (string, bool) {
	for _, f := range p.Fields {
		if f.ID == tag {
			return f.Value, true
		}
	}
	return "", false
}

// MerchantName is tag 59.
func (p *Payload) MerchantName() string { v, _ := p.Get(TagMerchantName); return v }

// MerchantCity is tag 60.
func (p *Payload) MerchantCity() string { v, _ := p.Get(TagMerchantCity); return v }

// String writes the payload back as text, exactly as parsed.
func (p *Payload) String() string {
	s, err := EncodeTLV(p.Fields)
	if err != nil {
		// Parsed fields always re-encode; a hand-built bad one shows its error.
		return "invalid payload: " + err.Error()
	}
	return s
}

// check returns every rule the payload breaks; raw is the text it was
// parsed from, for the CRC.
func (p *Payload) check(raw string) []FieldError {
	var problems []FieldError
	add := func(tag, format string, args ...any) {
		problems = append(problems, FieldError{tag, fmt.Sprintf(format, args...)})
	}
	seen := map[string]bool{}
	merchantAccounts := 0
	for i, f := range p.Fields {
		if seen[f.ID] {
			add(f.ID, "appears twice")
		}
		seen[f.ID] = true
		if isMerchantAccount(f.ID) {
			merchantAccounts++
		}
		if f.ID == TagFormat && i != 0 {
			add(f.ID, "must be the first field")
		}
		if f.ID == TagCRC && i != len(p.Fields)-1 {
			add(f.ID, "must be the last field")
		}
		if isTemplate(f.ID) {
			if _, err := ParseTLV(f.Value); err != nil {
				add(f.ID, "template is not valid TLV: %v", strings.TrimPrefix(err.Error(), "qris: "))
			}
		}
	}
	required := []string{TagFormat, TagMCC, TagCurrency, TagCountry, TagMerchantName, TagMerchantCity, TagCRC}
	for _, tag := range required {
		if !seen[tag] {
			add(tag, "required but missing")
		}
	}
	if merchantAccounts == 0 {
		add("26", "no merchant account information (tags 02-51): the code names no account to pay")
	}
	if v, ok := p.Get(TagFormat); ok && v != "01" {
		add(TagFormat, "must be 01, is %q", v)
	}
	if v, ok := p.Get(TagInitiation); ok && v != InitiationStatic && v != InitiationDyn {
		add(TagInitiation, "must be 11 (static) or 12 (dynamic), is %q", v)
	}
	if v, ok := p.Get(TagMCC); ok && (len(v) != 4 || !isDigits(v)) {
		add(TagMCC, "must be 4 digits, is %q", v)
	}
	if v, ok := p.Get(TagCurrency); ok && v != CurrencyRupiah {
		add(TagCurrency, "QRIS pays in rupiah (360), is %q", v)
	}
	if v, ok := p.Get(TagAmount); ok {
		if _, err := ParseAmount(v); err != nil {
			add(TagAmount, "%v", strings.TrimPrefix(err.Error(), "qris: "))
		}
	}
	if v, ok := p.Get(TagCountry); ok && v != "ID" {
		add(TagCountry, "QRIS is Indonesian (ID), is %q", v)
	}
	checkText := func(tag string, max int) {
		v, ok := p.Get(tag)
		if !ok {
			return
		}
		switch n := utf8.RuneCountInString(v); {
		case strings.TrimSpace(v) == "":
			add(tag, "empty")
		case n > max:
			add(tag, "at most %d characters, has %d", max, n)
		}
	}
	checkText(TagMerchantName, 25)
	checkText(TagMerchantCity, 15)
	if v, ok := p.Get(TagCRC); ok {
		problems = append(problems, checkCRC(raw, v)...)
	}
	return problems
}

func checkCRC(raw, stated string) []FieldError {
	if len(stated) != 4 || strings.ToUpper(stated) != stated || !isHex(stated) {
		return []FieldError{{TagCRC, fmt.Sprintf("must be 4 upper-case hex digits, is %q", stated)}}
	}
	// The CRC covers everything before its value, including "6304".
	covered := strings.TrimSuffix(raw, stated)
	if !strings.HasSuffix(covered, TagCRC+"04") {
		return []FieldError{{TagCRC, "must be the last field, with length 04"}}
	}
	if want := crcText(covered); want != stated {
		return []FieldError{{TagCRC, fmt.Sprintf("checksum is %s but the payload computes to %s (a character was changed or lost)", stated, want)}}
	}
	return nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// isMerchantAccount: tags 02-51 name the account that receives the money.
func isMerchantAccount(id string) bool { return id >= "02" && id <= "51" }

// isTemplate: tags whose value is itself TLV (merchant account templates
// 26-51, additional data 62, language template 64, unreserved 80-99).
func isTemplate(id string) bool {
	return id >= "26" && id <= "51" || id == TagAdditional || id == "64" || id >= "80" && id <= "99"
}
