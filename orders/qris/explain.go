package qris

import (
	"fmt"
	"strings"
)

// TagName is what a top-level tag means in EMVCo MPM as QRIS uses it.
func TagName(tag string) string {
	switch {
	case tag == "00":
		return "payload format indicator"
	case tag == "01":
		return "point of initiation"
	case tag >= "02" && tag <= "25":
		return "merchant account (card network)"
	case tag >= "26" && tag <= "45":
		return "merchant account (payment provider)"
	case tag >= "46" && tag <= "51":
		return "merchant account (national)"
	case tag == "52":
		return "merchant category code"
	case tag == "53":
		return "transaction currency"
	case tag == "54":
		return "transaction amount"
	case tag == "55":
		return "tip or convenience fee indicator"
	case tag == "56":
		return "convenience fee, fixed"
	case tag == "57":
		return "convenience fee, percentage"
	case tag == "58":
		return "country code"
	case tag == "59":
		return "merchant name"
	case tag == "60":
		return "merchant city"
	case tag == "61":
		return "postal code"
	case tag == "62":
		return "additional data"
	case tag == "63":
		return "CRC"
	case tag == "64":
		return "merchant information in another language"
	case tag >= "80" && tag <= "99":
		return "unreserved template"
	}
	return "reserved"
}

// subTagName is what a tag inside a template means.
func subTagName(parent, tag string) string {
	if isMerchantAccount(parent) {
		switch tag {
		case "00":
			return "globally unique identifier"
		case "01":
			return "merchant PAN"
		case "02":
			return "merchant ID"
		case "03":
			return "merchant criteria"
		}
		return "provider data"
	}
	if parent == TagAdditional {
		names := map[string]string{
			"01": "bill number", "02": "mobile number", "03": "store label",
			"04": "loyalty number", "05": "reference label", "06": "customer label",
			"07": "terminal label", "08": "purpose of transaction", "09": "consumer data request",
		}
		if n, ok := names[tag]; ok {
			return n
		}
	}
	if parent == "64" {
		switch tag {
		case "00":
			return "language"
		case "01":
			return "merchant name"
		case "02":
			return "merchant city"
		}
	}
	return "data"
}

// Explain describes a payload field by field (templates opened one level),
// then the verdict: "OK" or every rule it breaks. An operator runs it on
// the merchant's code before going live.
func Explain(s string) string {
	var b strings.Builder
	fields, err := ParseTLV(strings.TrimSpace(s))
	if err != nil {
		fmt.Fprintf(&b, "cannot read the payload: %v\n", err)
		return b.String()
	}
	for _, f := range fields {
		fmt.Fprintf(&b, "%s %02d %-40s %s%s\n", f.ID, len([]rune(f.Value)), TagName(f.ID), f.Value, meaning(f))
		if !isTemplate(f.ID) {
			continue
		}
		subs, err := ParseTLV(f.Value)
		if err != nil {
			continue // the verdict below names it
		}
		for _, sub := range subs {
			fmt.Fprintf(&b, "   %s %02d %-37s %s%s\n", sub.ID, len([]rune(sub.Value)), subTagName(f.ID, sub.ID), sub.Value, subMeaning(f.ID, sub))
		}
	}
	if _, err := Parse(s); err != nil {
		var verr *ValidationError
		if ve, ok := err.(*ValidationError); ok {
			verr = ve
		}
		if verr == nil {
			fmt.Fprintf(&b, "INVALID: %v\n", err)
			return b.String()
		}
		b.WriteString("INVALID:\n")
		for _, p := range verr.Problems {
			fmt.Fprintf(&b, "- %v\n", p)
		}
		return b.String()
	}
	b.WriteString("OK: structure, required tags and CRC are valid\n")
	return b.String()
}

func meaning(f Field) string {
	switch f.ID {
	case TagInitiation:
		switch f.Value {
		case InitiationStatic:
			return " (static: the payer types the amount)"
		case InitiationDyn:
			return " (dynamic: amount in the code)"
		}
	case TagCurrency:
		if f.Value == CurrencyRupiah {
			return " (rupiah)"
		}
	case TagAmount:
		return " (rupiah)"
	case TagCRC:
		return " (CRC-16/CCITT-FALSE of everything before it)"
	}
	return ""
}

func subMeaning(parent string, f Field) string {
	if isMerchantAccount(parent) && f.ID == "03" {
		switch f.Value {
		case "UMI":
			return " (micro business)"
		case "UKE":
			return " (small business)"
		case "UME":
			return " (medium business)"
		case "UBE":
			return " (large business)"
		case "URE":
			return " (regular)"
		}
	}
	if isMerchantAccount(parent) && f.ID == "00" && strings.EqualFold(f.Value, "ID.CO.QRIS.WWW") {
		return " (QRIS national merchant ID follows)"
	}
	return ""
}
