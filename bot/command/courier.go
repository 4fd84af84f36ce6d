package command

import (
	"strings"

	"pasarbot/orders"
)

// The couriers' commands, in the courier group or their direct chat.
const (
	Ambil       Kind = "ambil"         // claim the job (first one wins)
	Jemput      Kind = "jemput"        // every stall picked up
	Sampai      Kind = "sampai"        // delivered and paid
	BatalAmbil  Kind = "batal_ambil"   // give the job back, with a reason
	Pesan       Kind = "pesan"         // a message to the buyer
	Rekap       Kind = "rekap"         // the courier's deliveries today
	CourierHelp Kind = "bantuan_kurir" // the courier command list (in the courier group)
)

// CourierCommand is what a courier typed.
type CourierCommand struct {
	Kind Kind
	Code string // every command but REKAP and BANTUAN
	Rest string // words after the code: BATAL AMBIL's reason, PESAN's message
}

// ParseCourier reads a courier's command: a verb and an order code
// ("AMBIL A7K2", "BATAL AMBIL A7K2 ban bocor"), REKAP, or the help
// request. ok is false for couriers chatting.
func ParseCourier(text string) (CourierCommand, bool) {
	fs := strings.Fields(text)
	if len(fs) == 0 {
		return CourierCommand{}, false
	}
	if isHelp(Courier, text) {
		return CourierCommand{Kind: CourierHelp}, true
	}
	if len(fs) >= 2 {
		// Two-word commands ("BATAL AMBIL") take the code as written.
		if s, ok := courierIndex.verb(fs[0] + " " + fs[1]); ok {
			if len(fs) >= 3 && orders.LooksLikeCode(fs[2]) {
				return CourierCommand{Kind: s.Kind, Code: strings.ToUpper(fs[2]), Rest: strings.Join(fs[3:], " ")}, true
			}
			return CourierCommand{}, false
		}
	}
	s, ok := courierIndex.verb(fs[0])
	if !ok {
		return CourierCommand{}, false
	}
	if s.Kind == Rekap {
		return CourierCommand{Kind: Rekap}, true
	}
	if len(fs) < 2 || !orders.LooksLikeCode(strings.Trim(fs[1], ":,.!#")) {
		return CourierCommand{}, false
	}
	return CourierCommand{Kind: s.Kind, Code: strings.ToUpper(strings.Trim(fs[1], ":,.!#")), Rest: strings.Join(fs[2:], " ")}, true
}
