package qris_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"pasarbot/orders/qris"
)

// Static QRIS payloads published in public code and guides (merchant codes
// printed by DANA, GoPay, Nobu and BNI), each with a valid CRC.
var publishedStatic = []string{
	"00020101021126670016COM.NOBUBANK.WWW01189360050300000879140214703239147837910303UMI51440014ID.CO.QRIS.WWW0215ID20232709941630303UMI5204481253033605802ID5923GRANOOL STORE OK12295776006KEDIRI61056421262070703A0163047127",
	"00020101021126570011ID.DANA.WWW011893600915303471271802090347127180303UMI51440014ID.CO.QRIS.WWW0215ID10265837741240303UMI5204739453033605802ID5916Semilir Semarang6013Kota Semarang6105501166304285A",
	"00020101021126610014COM.GO-JEK.WWW01189360091435733160090210G5733160090303UMI51440014ID.CO.QRIS.WWW0215ID10243445564680303UMI5204581253033605802ID5911FAMILY FARM6005Medan61052011162070703A016304485F",
	"00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7",
	"00020101021126590013ID.CO.BNI.WWW011893600009150464484202096095449950303UMI51440014ID.CO.QRIS.WWW0215ID10265223592760303UMI5204591253033605802ID5914APOTEK ALMAIRA6010BANJARBARU61057071462070703A01630490BA",
}

// crcBitwise is CRC-16/CCITT-FALSE written independently of the package's
// table-driven one: bit by bit, straight from the definition.
func crcBitwise(data []byte) uint16 {
	crc := uint16(0xFFFF)
	for _, b := range data {
		crc ^= uint16(b) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}

func TestCRC16(t *testing.T) {
	// "123456789" → 0x29B1 is the catalogued check value of CRC-16/CCITT-FALSE.
	if got, want := crcBitwise([]byte("123456789")), uint16(0x29B1); got != want {
		t.Fatalf("test CRC: %04X, want %04X", got, want)
	}
	if got, want := qris.CRC16("123456789"), uint16(0x29B1); got != want {
		t.Fatalf("CRC16: %04X, want %04X", got, want)
	}
	for _, s := range publishedStatic {
		body := s[:len(s)-4]
		if got, want := fmt.Sprintf("%04X", crcBitwise([]byte(body))), s[len(s)-4:]; got != want {
			t.Errorf("published %q: independent CRC %s, payload says %s", s[len(s)-40:], got, want)
		}
	}
}

func TestParseStatic(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		for _, s := range publishedStatic {
			p, err := qris.ParseStatic(s)
			if err != nil {
				t.Fatalf("%v", err)
			}
			if p.String() != s {
				t.Errorf("re-encoded payload differs:\n%s\n%s", p.String(), s)
			}
		}
		p, _ := qris.ParseStatic(publishedStatic[3] + "\n")
		if got, want := p.MerchantName(), "Warung Sayur Bu Sugeng"; got != want {
			t.Errorf("name %q, want %q", got, want)
		}
		if got, want := p.MerchantCity(), "Kab. Demak"; got != want {
			t.Errorf("city %q, want %q", got, want)
		}
	})

	// The EMVCo specification's own example (Chinese merchant): its CRC and
	// its lengths, counted in characters for the UTF-8 tag 64, are right; only
	// the QRIS rules (rupiah, Indonesia) refuse it.
	t.Run("EMVCoExampleCountsCharacters", func(t *testing.T) {
		emv := "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A"
		_, err := qris.Parse(emv)
		var verr *qris.ValidationError
		if !errors.As(err, &verr) {
			t.Fatalf("err %v, want a ValidationError", err)
		}
		var tags []string
		for _, p := range verr.Problems {
			tags = append(tags, p.Tag)
		}
		if got, want := strings.Join(tags, ","), "53,58"; got != want {
			t.Errorf("problems at %s, want %s: %v", got, want, err)
		}
	})

	good := publishedStatic[3]
	body := good[:len(good)-4]
	recrc := func(s string) string { // a payload with its CRC made right again
		s = s[:len(s)-4]
		return s + fmt.Sprintf("%04X", crcBitwise([]byte(s)))
	}
	bad := []struct {
		name, payload, reason string
	}{
		{"ErrCRC", body + "58C8", "checksum is 58C8 but the payload computes to 58C7"},
		{"ErrCRCLowerCase", body + "58c7", "4 upper-case hex"},
		{"ErrTyped", strings.Replace(good, "Bu Sugeng", "Bu Sugenk", 1), "computes to"},
		{"ErrTruncated", good[:len(good)-10], "tag 61 says 5 characters but only 3 are left"},
		{"ErrEmpty", "", "tag 00 (payload format indicator): required but missing"},
		{"ErrNotTLV", "hello world, not a QR payload", "is not two digits"},
		{"ErrNoName", recrc(strings.Replace(good, "5922Warung Sayur Bu Sugeng", "", 1)), "tag 59 (merchant name): required but missing"},
		{"ErrNoCity", recrc(strings.Replace(good, "6010Kab. Demak", "", 1)), "tag 60 (merchant city): required but missing"},
		{"ErrNameLong", recrc(strings.Replace(good, "5922Warung Sayur Bu Sugeng", "5930Warung Sayur Bu Sugeng Pasar X", 1)), "at most 25 characters, has 30"},
		{"ErrBlankCity", recrc(strings.Replace(good, "6010Kab. Demak", "6003   ", 1)), "tag 60 (merchant city): empty"},
		{"ErrNoAccount", recrc(good[:12] + good[strings.Index(good, "5204"):]), "no merchant account information"},
		{"ErrInitiation", recrc(strings.Replace(good, "010211", "010213", 1)), "must be 11 (static) or 12 (dynamic)"},
		{"ErrDynamic", recrc(strings.Replace(good, "010211", "010212", 1)), "the payload is dynamic"},
		{"ErrHasAmount", recrc(strings.Replace(good, "5303360", "5303360540510000", 1)), "a static code carries no amount"},
		{"ErrCurrency", recrc(strings.Replace(good, "5303360", "5303840", 1)), "QRIS pays in rupiah"},
		{"ErrCRCNotLast", recrc(strings.Replace(good, "5802ID", "6304ABCD5802ID", 1)), "must be the last field"},
		{"ErrTwice", recrc(strings.Replace(good, "5802ID", "5802ID5802ID", 1)), "appears twice"},
		{"ErrBrokenTemplate", recrc(strings.Replace(good, "51440014ID.CO.QRIS.WWW", "51440099ID.CO.QRIS.WWW", 1)), "template is not valid TLV"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := qris.ParseStatic(tc.payload)
			if err == nil {
				t.Fatalf("accepted %q", tc.payload)
			}
			if !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("error %q does not say %q", err, tc.reason)
			}
		})
	}
}

// expectedDynamic builds the dynamic payload the way the standard describes
// it, by plain text surgery on the static one and the test's own CRC, so
// the package's TLV code and CRC table are checked against something else.
func expectedDynamic(static, amount string) string {
	s := static[:len(static)-4] // drop the CRC value, keep "6304"
	s = strings.Replace(s, "010211", "010212", 1)
	s = strings.Replace(s, "5303360", "5303360"+fmt.Sprintf("54%02d%s", len(amount), amount), 1)
	return s + fmt.Sprintf("%04X", crcBitwise([]byte(s)))
}

func TestDynamic(t *testing.T) {
	amounts := []string{"25000", "1", "10000.5", "123456.78", "9999999999.99"}
	for _, static := range publishedStatic {
		p, err := qris.ParseStatic(static)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range amounts {
			amount, err := qris.ParseAmount(text)
			if err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			got, err := qris.Dynamic(p, amount)
			if err != nil {
				t.Fatal(err)
			}
			if want := expectedDynamic(static, text); got != want {
				t.Errorf("amount %s:\n got %s\nwant %s", text, got, want)
			}
			back, err := qris.Parse(got)
			if err != nil {
				t.Fatalf("dynamic payload does not validate: %v", err)
			}
			if v, _ := back.Get(qris.TagAmount); v != text {
				t.Errorf("tag 54 %q, want %q", v, text)
			}
			// Tag order: the static tags, with 54 right after 53, CRC last.
			var order []string
			for _, f := range back.Fields {
				order = append(order, f.ID)
			}
			if got, want := strings.Join(order, " "), strings.Replace(tagsOf(t, static), "53 ", "53 54 ", 1); got != want {
				t.Errorf("tag order %s, want %s", got, want)
			}
		}
	}
	t.Run("FromRupiah", func(t *testing.T) {
		p, _ := qris.ParseStatic(publishedStatic[0])
		a, err := qris.Rupiah(47500)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := qris.Dynamic(p, a)
		if want := expectedDynamic(publishedStatic[0], "47500"); got != want {
			t.Errorf("got %s\nwant %s", got, want)
		}
	})
	t.Run("ReplacesAmountInPlace", func(t *testing.T) {
		p, _ := qris.ParseStatic(publishedStatic[0])
		a, _ := qris.Rupiah(5000)
		first, _ := qris.Dynamic(p, a)
		dyn, err := qris.Parse(first)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := qris.Rupiah(12000)
		second, _ := qris.Dynamic(dyn, b)
		if want := expectedDynamic(publishedStatic[0], "12000"); second != want {
			t.Errorf("got %s\nwant %s", second, want)
		}
	})
	t.Run("InsertsInitiationWhenMissing", func(t *testing.T) {
		s := strings.Replace(publishedStatic[1], "010211", "", 1)
		s = s[:len(s)-4] + fmt.Sprintf("%04X", crcBitwise([]byte(s[:len(s)-4])))
		p, err := qris.ParseStatic(s)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := qris.Rupiah(8000)
		got, _ := qris.Dynamic(p, a)
		if want := expectedDynamic(publishedStatic[1], "8000"); got != want {
			t.Errorf("got %s\nwant %s", got, want)
		}
	})
	t.Run("ErrNoAmount", func(t *testing.T) {
		p, _ := qris.ParseStatic(publishedStatic[0])
		if _, err := qris.Dynamic(p, qris.Amount{}); err == nil {
			t.Error("a payload without amount was built")
		}
	})
}

func tagsOf(t *testing.T, s string) string {
	t.Helper()
	fields, err := qris.ParseTLV(s)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range fields {
		ids = append(ids, f.ID)
	}
	return strings.Join(ids, " ")
}

func TestParseAmount(t *testing.T) {
	for _, ok := range []string{"1", "25000", "25000.5", "25000.50", "0.01", "1234567890123"} {
		if a, err := qris.ParseAmount(ok); err != nil || a.String() != ok {
			t.Errorf("ParseAmount(%q) = %q, %v", ok, a, err)
		}
	}
	for _, bad := range []string{"", "0", "0.00", "-5", "25.000", "25,000", "1e5", "12345678901234", "10.", ".5", "Rp5000", " 5"} {
		if _, err := qris.ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) accepted", bad)
		}
	}
	if _, err := qris.Rupiah(0); err == nil {
		t.Error("Rupiah(0) accepted")
	}
}

func TestExplain(t *testing.T) {
	out := qris.Explain(publishedStatic[3])
	for _, want := range []string{
		"01 02 point of initiation", "11 (static",
		"59 22 merchant name", "Warung Sayur Bu Sugeng",
		"   00 14 globally unique identifier", "ID.CO.QRIS.WWW",
		"   03 03 merchant criteria", "UMI (micro business)",
		"OK: structure, required tags and CRC are valid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explanation lacks %q:\n%s", want, out)
		}
	}
	bad := qris.Explain(publishedStatic[3][:len(publishedStatic[3])-4] + "0000")
	if !strings.Contains(bad, "INVALID:\n- tag 63 (CRC): checksum is 0000 but the payload computes to 58C7") {
		t.Errorf("bad CRC not explained:\n%s", bad)
	}
}
