package bot_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/catalog"
	"pasarbot/orders"
)

// reachState brings buyer1 into state s the way a buyer would get there.
func reachState(t *testing.T, h *harness, s bot.State) {
	t.Helper()
	switch s {
	case bot.StateIdle:
	case bot.StateCart:
		h.say(buyer1, "tomat 1 kg")
	case bot.StateClarify:
		h.say(buyer1, "cabe rawit 1/4")
	case bot.StateDelivery:
		h.say(buyer1, "tomat 1 kg")
		h.say(buyer1, "itu aja")
	case bot.StateAddress:
		h.say(buyer1, "tomat 1 kg")
		h.say(buyer1, "itu aja")
		h.say(buyer1, "antar")
	case bot.StateName:
		h.say(buyer1, "tomat 1 kg")
		h.say(buyer1, "itu aja")
		h.say(buyer1, "antar")
		h.say(buyer1, "Jl. Melati 5, Langkai")
	case bot.StateConfirm:
		h.say(buyer1, "tomat 1 kg")
		h.say(buyer1, "itu aja")
		h.say(buyer1, "antar")
		h.say(buyer1, address)
	case bot.StateDecide:
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.group("sayur", sayurL, "HARGA "+code+" 15000")
	case bot.StateRating:
		code := placeOrder(h, buyer1, "tomat 1 kg", false)
		h.group("sayur", sayurL, "OK "+code)
		h.group("kurir", kurir1, "AMBIL "+code)
		h.say(kurir1, "JEMPUT "+code)
		h.say(kurir1, "SELESAI "+code)
	case bot.StateHandover:
		h.say(buyer1, "admin")
	case bot.StatePayment: // the harness offers COD and QRIS
		h.say(buyer1, "tomat 1 kg")
		h.say(buyer1, "itu aja")
		h.say(buyer1, "antar")
		h.say(buyer1, address)
	}
	if got := h.state(buyer1); got != s {
		t.Fatalf("could not reach %s: in %s", s, got)
	}
}

// From every state a buyer can reach, each of these gets an answer that
// changes something or says the way out: no state swallows a message.
func TestNoStateSwallowsAMessage(t *testing.T) {
	msgs := []string{"batal", "menu", "status", "admin", "itu aja", "tomat 1/2 kg"}
	for _, s := range bot.States {
		for _, msg := range msgs {
			t.Run(string(s)+"/"+msg, func(t *testing.T) {
				h := newHarness(t)
				if s == bot.StatePayment {
					h = newHarness(t, withQRIS("both", "pay_first"))
				}
				reachState(t, h, s)
				before := h.state(buyer1)
				prev := h.lastTo(buyer1)
				got := h.say(buyer1, msg)
				after := h.state(buyer1)
				if s == bot.StateHandover && after == bot.StateHandover {
					// A person is talking: the message goes to them.
					if !strings.Contains(h.to(admin), msg) {
						t.Fatalf("in handover %q reached neither the buyer nor the admins", msg)
					}
					return
				}
				if strings.TrimSpace(got) == "" {
					t.Fatalf("%s: %q got no answer (state %s → %s)", s, msg, before, after)
				}
				if got == prev && before == after {
					t.Fatalf("%s: %q got the same answer again and nothing moved:\n%s", s, msg, got)
				}
			})
		}
	}
}

func TestHandoverEnds(t *testing.T) {
	t.Run("EndedByTheBuyer", func(t *testing.T) {
		h := newHarness(t)
		contains(t, "started", h.say(buyer1, "mau ngomong sama orang"), "petugas")
		h.say(buyer1, "pesanan saya kemarin kurang")
		contains(t, "relayed", h.to(admin), "kurang")
		contains(t, "ended", h.say(buyer1, "selesai"), "selesai")
		if s := h.state(buyer1); s == bot.StateHandover {
			t.Fatal("still in handover after the buyer said selesai")
		}
		contains(t, "bot answers again", h.say(buyer1, "tomat 1 kg"), "Tomat")
	})
	t.Run("EndsWhenIdle", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "admin")
		h.advance(31 * time.Minute)
		contains(t, "buyer told", h.to(buyer1), "kami tutup")
		if s := h.state(buyer1); s == bot.StateHandover {
			t.Fatal("handover did not end after the idle time")
		}
	})
	t.Run("NoAdmins", func(t *testing.T) {
		text := strings.Replace(string(config.Example), "admins:\n  - \"0811-0000-0001\"\n", "admins: []\n", 1)
		noAdmins, err := config.Parse("no-admins.yaml", []byte(text))
		if err != nil || len(noAdmins.AdminPhones()) != 0 {
			t.Fatalf("config without admins: %v", err)
		}
		h := newHarness(t, func(c *config.Config) { *c = *noAdmins })
		contains(t, "told", h.say(buyer1, "admin"), "belum ada petugas")
		if s := h.state(buyer1); s == bot.StateHandover {
			t.Fatal("handed over to nobody")
		}
	})
}

// A "tunggu atau batal?" question that the seller made moot by answering
// late is dropped, not answered with an internal error, and the buyer is
// not asked "setuju?" on every later message.
func TestStaleDecisionIsDropped(t *testing.T) {
	h := newHarness(t)
	code := placeOrder(h, buyer1, "tomat 1 kg", false)
	h.advance(21 * time.Minute) // reminder in the group
	h.advance(11 * time.Minute) // the buyer is asked: wait or cancel?
	contains(t, "asked", h.to(buyer1), code, "menunggu")
	h.group("sayur", sayurL, "OK "+code)
	got := h.say(buyer1, "ya")
	if strings.Contains(got, "gangguan") {
		t.Fatalf("internal error for a stale answer:\n%s", got)
	}
	contains(t, "stale", got, code)
	if got := h.say(buyer1, "kangkung 2 ikat"); !strings.Contains(got, "Kangkung") {
		t.Fatalf("a new order after the stale question:\n%s", got)
	}
}

// Everything in one message: the order is read whole and the summary
// comes at once; "itu aja" after it is not a yes.
func TestWholeOrderInOneMessage(t *testing.T) {
	h := newHarness(t)
	got := h.say(buyer1, "mbak, cabe rawit merah 1/4 sama kangkung 2 ikat, antar ke Gg. Kenanga 2 RT 04 Pahandut atas nama Bu Yati")
	contains(t, "summary", got, "Cabai Rawit Merah", "Kangkung", "Bu Yati", "Gg. Kenanga 2 RT 04 Pahandut", "Rp8.000")
	if s := h.state(buyer1); s != bot.StateConfirm {
		t.Fatalf("state = %s, want confirm", s)
	}
	h.say(buyer1, "itu aja")
	if s := h.state(buyer1); s != bot.StateConfirm {
		t.Fatalf("\"itu aja\" at the summary placed the order or left it: %s", s)
	}
	contains(t, "placed", h.say(buyer1, "iya betul"), "teruskan")
	o := h.order(h.lastCode())
	if o.Name != "Bu Yati" || !strings.Contains(o.Address, "Gg. Kenanga 2") || len(o.Lines) != 2 {
		t.Fatalf("order = %+v", o)
	}
}

// Corrections change lines instead of adding new ones.
func TestCorrectionsReplaceLines(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "bawang merah 1/2 kg, ayam potong 1 ekor, wortel 1/2 kg, kentang 1 kg")
	contains(t, "change", h.say(buyer1, "bawangnya diganti 1 kg aja"), "Bawang Merah 1 kg")
	contains(t, "change", h.say(buyer1, "eh keliru, ayamnya 2"), "Ayam Potong 2 ekor")
	h.say(buyer1, "wortelnya dihapus")
	got := h.say(buyer1, "kentangnya nggak usah")
	if strings.Contains(got, "Wortel 1/2") || strings.Contains(got, "Kentang 1 kg") || strings.Contains(got, "nyanya") {
		t.Fatalf("removed lines still shown:\n%s", got)
	}
}

// Context carries over: the product just asked about takes the quantity.
func TestQuantityForThePriceAskedAbout(t *testing.T) {
	h := newHarness(t)
	contains(t, "price", h.say(buyer1, "ikan mas sekilo berapa?"), "Rp")
	contains(t, "added", h.say(buyer1, "ya udah 2 kilo"), "Ikan Mas 2 kg")
}

// Switching between delivery and pickup at any step: the last choice wins
// and the summary follows it.
func TestSwitchDeliveryAndPickup(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "udah, antar ya")
	contains(t, "pickup", h.say(buyer1, "eh ambil sendiri aja deh"), "Ambil sendiri")
	contains(t, "back to delivery", h.say(buyer1, "ternyata dianter aja ke Jl. Melati 5 Langkai, Bu Rina"), "Kirim ke", "Jl. Melati 5")
	h.say(buyer1, "ya")
	if o := h.order(h.lastCode()); o.Delivery != "antar" {
		t.Fatalf("delivery = %s", o.Delivery)
	}
}

// A preparation asked with an item is the market's paid service, added
// only where it applies.
func TestPreparationServices(t *testing.T) {
	h := newHarness(t)
	got := h.say(buyer1, "kelapa tua 2 butir sekalian diparut, tetelan sapi 1/2 kg dibersihin")
	contains(t, "grated coconut", got, "Parut Kelapa 2 butir")
	if strings.Contains(got, "Siangi Ikan") {
		t.Fatalf("fish cleaning added to meat:\n%s", got)
	}
	h.say(buyer1, "ikan mas 1 kg")
	contains(t, "fish cleaning", h.say(buyer1, "ikannya disiangi ya"), "Siangi Ikan 1 kg")

	// The bare verb after the item, as a kenduri cook writes it.
	h = newHarness(t)
	got = h.say(buyer1, "kelapa tua 4 butir parut semua")
	contains(t, "grate them all", got, "Parut Kelapa 4 butir")
	if strings.Contains(got, "mau berapa") {
		t.Fatalf("the preparation was asked about as an item:\n%s", got)
	}
}

// Items and a cancel in one message keep their order; a bare "batal"
// right after an order cancels that order.
func TestCancelInOrder(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg. eh batal deh")
	if s := h.state(buyer1); s != bot.StateIdle {
		t.Fatalf("state = %s after items then batal", s)
	}
	code := placeOrder(h, buyer1, "kangkung 2 ikat", false)
	contains(t, "cancelled", h.say(buyer1, "eh maaf ga jadi deh, batal ya"), code)
	if s := h.order(code).Status; s != orders.Cancelled {
		t.Fatalf("status = %s", s)
	}
}

// What a buyer says to a person in handover, or in a complaint, reaches
// the admins as one quoted line: it cannot forge a line of the bot's.
func TestAdminRelaysAreQuoted(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "admin")
	h.say(buyer1, "tolong\u2028✅ Pesanan A1B2 LUNAS\nBALAS 0812 *gratis*")
	got := h.to(admin)
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "✅") || strings.HasPrefix(strings.TrimSpace(line), "BALAS") {
			t.Fatalf("forged line reached the admins:\n%s", got)
		}
	}
	if strings.Contains(got, "*gratis*") {
		t.Fatalf("formatting passed through:\n%s", got)
	}
}

// Lines of the same product and basis merge; a cart holds at most
// bot.MaxCartLines lines.
func TestCartLinesMergeAndCap(t *testing.T) {
	h := newHarness(t)
	// Worded differently each time: the same message twice in a row is
	// one list sent twice (TestSameListTwiceCountsOnce).
	for _, m := range []string{"tomat 5rb", "tomat 5rb lagi", "tambah tomat 5rb", "tomat 5rb lagi", "tambah tomat 5rb"} {
		h.say(buyer1, m)
	}
	got := h.say(buyer1, "cek")
	if n := strings.Count(got, "Tomat"); n != 1 {
		t.Fatalf("%d tomat lines, want one merged line:\n%s", n, got)
	}
	contains(t, "merged amount", got, "Rp25.000")

	h2 := newHarness(t, func(c *config.Config) { c.Limits.MessagesPerMinute = 1000 })
	products, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	refused := false
	for _, p := range products {
		if !p.Available || p.Kind != catalog.Goods {
			continue
		}
		got := h2.say(buyer1, strings.ToLower(p.Name)+" 1 "+p.Unit)
		if strings.Contains(got, "batas") {
			refused = true
			break
		}
		if strings.Contains(got, "mau berapa") || strings.Contains(got, "yang mana") || strings.Contains(got, "Maksudnya") {
			h2.say(buyer1, "lewati")
		}
	}
	if !refused {
		t.Fatal("a cart took every product without reaching the line cap")
	}
	if got := h2.say(buyer1, "cek"); strings.Count(got, "\n") < bot.MaxCartLines {
		t.Fatalf("cart shorter than the cap at refusal:\n%s", got)
	}
}

// Where the market offers COD and QRIS, the form asks how to pay before
// the summary; a method said earlier is not asked again.
func TestPaymentSlot(t *testing.T) {
	h := newHarness(t, withQRIS("both", "pay_first"))
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "itu aja, antar ke Jl. Melati 5 Langkai atas nama Bu Rina")
	if s := h.state(buyer1); s != bot.StatePayment {
		t.Fatalf("state = %s, want payment", s)
	}
	contains(t, "summary", h.say(buyer1, "qris aja"), "QRIS", "Total")
	h2 := newHarness(t, withQRIS("both", "pay_first"))
	got := h2.say(buyer1, "tomat 1 kg, ambil sendiri, bayar cod")
	if s := h2.state(buyer1); s != bot.StateConfirm {
		t.Fatalf("state = %s, want confirm:\n%s", s, got)
	}
}

// The report an admin asks for (LAPORAN; the scheduled one takes the same
// path) comes with its chart image first, then the numbers.
func TestReportComesWithCharts(t *testing.T) {
	h := newHarness(t)
	code := placeOrder(h, buyer1, "tomat 1 kg", false)
	h.group("sayur", sayurL, "OK "+code)
	h.say(admin, "LAPORAN")
	imgs := h.images(admin)
	if len(imgs) != 1 || len(imgs[0].Image.Data) < 1000 || imgs[0].Image.MIME != "image/png" {
		t.Fatalf("report images to the admin: %+v", imgs)
	}
	contains(t, "report text", h.to(admin), "Laporan harian")
}

// The scheduled report at report_at (20:00) fires in the simulator too —
// it shares its minute with the deadline sweep — and carries the charts.
func TestScheduledReportComesWithCharts(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.advance(13*time.Hour + 5*time.Minute) // 07:00 → past 20:00
	if imgs := h.images(admin); len(imgs) != 1 {
		t.Fatalf("scheduled report images to the admin: %d", len(imgs))
	}
	contains(t, "report text", h.to(admin), "Laporan harian")
}

// A cancel said by mistake is taken back in words; a cart emptied by the
// idle clock comes back when the buyer goes on with checkout; a cancel
// said again stays a cancel.
func TestShelvedFormComesBack(t *testing.T) {
	t.Run("UndoCancel", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "ikan tongkol 1 kg, kol 1/2")
		h.say(buyer1, "kirim ke Jl. Seth Adji 5 no 9, Pahandut, atas nama Bu Marlina")
		contains(t, "cancelled", h.say(buyer1, "eh bu batal dulu deh"), "dikosongkan")
		got := h.say(buyer1, "eh maaf bu jadi kok, tadi salah pencet")
		contains(t, "restored", got, "Ikan Tongkol", "Bu Marlina")
		h.say(buyer1, "iya benar")
		if o := h.order(h.lastCode()); len(o.Lines) != 2 || o.Name != "Bu Marlina" {
			t.Fatalf("order = %+v", o)
		}
	})
	t.Run("AfterIdleExpiry", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "beras medium 10 kg, telur ayam ras 1 kg")
		h.say(buyer1, "saya ambil aja ke pasar")
		h.advance(90 * time.Minute)
		got := h.say(buyer1, "ternyata dianter aja deh ke Jl. Mahir Mahar km 18 Kalampangan, nama Darto")
		contains(t, "restored with the new delivery", got, "Beras Medium", "Mahir Mahar")
	})
	t.Run("CancelSaidAgainStaysCancelled", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "tomat 1 kg")
		h.say(buyer1, "batal")
		h.say(buyer1, "ga jadi deh, batal aja")
		if s := h.state(buyer1); s != bot.StateIdle {
			t.Fatalf("state = %s, want idle", s)
		}
	})
	t.Run("NotAfterHours", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "tomat 1 kg")
		h.say(buyer1, "batal")
		h.advance(4 * time.Hour)
		if got := h.say(buyer1, "jadi kok, pesanan yang tadi"); strings.Contains(got, "Tomat") {
			t.Fatalf("restored after 4 h:\n%s", got)
		}
	})
}

// A complaint with no order code is about the buyer's latest order of the
// last days; asking for a person is a handover.
func TestComplaintWithoutCode(t *testing.T) {
	h := newHarness(t)
	code := placeOrder(h, buyer1, "ayam potong 1 ekor", false)
	got := h.say(buyer1, "kak saya mau komplain pesanan kemarin, ayamnya bau")
	contains(t, "recorded against the latest order", got, code)
	if s := h.state(buyer1); s == bot.StateHandover {
		t.Fatalf("a complaint alone is not a handover")
	}
	h.say(buyer1, "bisa sambungin ke admin atau orangnya langsung?")
	if s := h.state(buyer1); s != bot.StateHandover {
		t.Fatalf("state = %s, want handover", s)
	}
}

// Asked how many kg of an egg sold by weight, the buyer names the egg sold
// by the piece: that one, with the pieces first said.
func TestAnswerWithAnotherSort(t *testing.T) {
	h := newHarness(t)
	contains(t, "asks kg", h.say(buyer1, "bu telur 15 butir"), "per kg")
	contains(t, "takes the other sort", h.say(buyer1, "telur ayam kampung bu"), "Telur Ayam Kampung 15 butir")
}

// "Which is the cheapest fish?" is answered with the cheapest by the kilo,
// and the quantity said after it orders that one.
func TestCheapestOfAKind(t *testing.T) {
	h := newHarness(t)
	contains(t, "cheapest by the kilo", h.say(buyer1, "ikan yg paling murah apa kak? ambil sekilo"), "Ikan Lele", "Ikan Lele 1 kg")
}

// "atas nama anak sy, Salsa": the name after the relation.
func TestNameAfterRelation(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "mi instan 10")
	contains(t, "name", h.say(buyer1, "antar ke Jl. Manggis no 8 Langkai, atas nama anak sy aja ya, Salsa, soalnya sy lagi kerja"), "Kirim ke: Salsa")
}

// A capitalised word beside the address is the receiver only when it is
// not a place: "Menteng, Jl. Melati 5" leaves the WhatsApp name.
func TestCapitalNameBesideAddress(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	contains(t, "name beside the address", h.say(buyer1, "dianter. Fajar, jl. Kecubung no 15, Jekan Raya"), "Kirim ke: Fajar")
	h2 := newHarness(t)
	h2.say(buyer1, "tomat 1 kg")
	if got := h2.say(buyer1, "dianter ya. Menteng, jl. Kecubung no 15"); strings.Contains(got, "Kirim ke: Menteng") {
		t.Fatalf("a zone taken as the name:\n%s", got)
	}
}

// Names as buyers correct and complete them, and an address corrected
// with the old number: nothing of it touches the items.
func TestNamesAndAddressCorrections(t *testing.T) {
	t.Run("LastNameSaid", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "ikan patin 1 kg")
		contains(t, "the name corrected in the same line", h.say(buyer1, "kirim ke Jl. Seth Adji no 21 Pahandut, nama Mama Fira... eh nama sy aja Wulan"), "Kirim ke: Wulan")
	})
	t.Run("FullName", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "sayap ayam 1 kg")
		h.say(buyer1, "kirim ke Jl. Beliang no 6 Pahandut, atas nama Kak Nia")
		contains(t, "full name", h.say(buyer1, "Kurnia Sari lengkapnya"), "Kirim ke: Kurnia Sari")
	})
	t.Run("NameAfterTheArea", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "kangkung 1 ikat")
		h.say(buyer1, "antar")
		contains(t, "name after the area", h.say(buyer1, "Jl. Bangaris no 2 Langkai ya, Nurul"), "Kirim ke: Nurul")
	})
	t.Run("OldNumberIsNoQuantity", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "ikan mas 1 kg, tahu kuning 4")
		h.say(buyer1, "anter Jl. Cempaka no 10 Pahandut, Bu Rahma")
		got := h.say(buyer1, "eh maaf alamatnya salah, Jl. Cempaka no 16, bukan 10")
		contains(t, "address fixed, items kept", got, "Jl. Cempaka no 16", "Tahu Kuning 4 biji")
		if strings.Contains(got, "bukan 10") {
			t.Fatalf("the correction stayed in the address:\n%s", got)
		}
	})
}

// A shop, a school or a mosque before the street is part of the address,
// and a titled name in it is the receiver; "insyaAllah betul" is a yes.
func TestPlaceBeforeTheStreet(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tauge 2 kg")
	got := h.say(buyer1, "kirim ke Warung Bakso Pak Min, Jl. Mahir Mahar km 1 Bukit Tunggal")
	contains(t, "place and name", got, "Kirim ke: Pak Min, Warung Bakso Jl. Mahir Mahar km 1")
	h.say(buyer1, "insyaAllah betul, kirim")
	if o := h.order(h.lastCode()); o == nil || o.Name != "Pak Min" {
		t.Fatalf("order = %+v", o)
	}
}

// The receiver's phone said after the address is no part of it: it is
// noted for the courier and the address stays clean.
func TestPhoneAfterTheAddress(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "kangkung 2 ikat")
	got := h.say(buyer1, "anter ke Jl. Kenari no 7 Menteng, atas nama Bu Sulastri, hp 0812-3456-7890")
	contains(t, "phone noted, address clean", got, "Nomor HP penerima", "Kirim ke: Bu Sulastri, Jl. Kenari no 7 Menteng\n")
	h.say(buyer1, "iya bener")
	if o := h.order(h.lastCode()); o == nil || !strings.Contains(o.Address, "HP penerima 0812-3456-7890") || strings.Contains(o.Address, ", ,") {
		t.Fatalf("order address = %q", o.Address)
	}
}

// A line question the buyer saw and went past on the way to the checkout:
// their own quantity goes into the summary they read back, a guess with
// no quantity is let go aloud, and a missing answer is asked again without
// "we don't understand each other".
func TestQuestionsLeftAtCheckout(t *testing.T) {
	h := newHarness(t)
	contains(t, "confirm asked", h.say(buyer1, "tomat 1 kg, tahu putih 100"), "100 biji")
	got := h.say(buyer1, "antar ke Jl. Melati 5 Langkai, atas nama Bu Rina")
	contains(t, "folded into the summary", got, "Tahu Putih 100 biji", "cek", "Kirim ke")
	if s := h.state(buyer1); s != bot.StateConfirm {
		t.Fatalf("state = %s, want confirm", s)
	}

	h = newHarness(t)
	h.say(buyer1, "tomat 1 kg, cabe rawit")
	h.say(buyer1, "antar ya")
	got = h.say(buyer1, "Jl. Melati 5 Langkai, Bu Rina")
	if strings.Contains(got, "belum nyambung") {
		t.Fatalf("a buyer getting on with the order was told we don't understand each other:\n%s", got)
	}
	if s := h.state(buyer1); s != bot.StateClarify {
		t.Fatalf("state = %s: the cabe question has no answer yet", s)
	}

	// A guess the amount does not fit ("mentega 1 bungkus": avocado, by
	// the kilo) is let go at the checkout, aloud.
	h = newHarness(t)
	contains(t, "guess", h.say(buyer1, "tomat 1 kg, mentega 1 bungkus"), "Maksudnya")
	got = h.say(buyer1, "kirim ke Jl. Melati 5 Langkai, nama Lia")
	contains(t, "guess let go", got, "tidak kami masukkan", "Kirim ke")
}

// Swaps said the ways buyers say them: the new product first and the old
// one after "bukan", a leading "ganti" with the one line of that kind, a
// new quantity after the swap, a reason after the choice.
func TestSwapsSaidManyWays(t *testing.T) {
	for _, tc := range []struct{ first, swap, want, gone string }{
		{"ikan nila 2 kg, tomat 1 kg", "eh ganti ikan mas aja deh, sama 2 kg", "Ikan Mas 2 kg", "Ikan Nila"},
		{"ikan nila 2 kg, tomat 1 kg", "ikan nilanya ganti ikan mas aja 1 kg", "Ikan Mas 1 kg", "Ikan Nila"},
		{"bayam hijau 3 ikat", "salah, bayam merah maksudnya bukan hijau", "Bayam Merah 3 ikat", "Bayam Hijau"},
		{"beras premium 5 kg", "eh yg medium aja deh biar hemat, tetep 5 kg", "Beras Medium 5 kg", "Beras Premium"},
		{"bayam hijau 3 ikat, tomat 1 kg", "eh salah, bayamnya yg merah ya bukan hijau", "Bayam Merah 3 ikat", "Bayam Hijau"},
	} {
		h := newHarness(t)
		h.say(buyer1, tc.first)
		got := h.say(buyer1, tc.swap)
		contains(t, tc.swap, got, tc.want)
		if strings.Contains(got, tc.gone) {
			t.Errorf("%q: the old line stayed:\n%s", tc.swap, got)
		}
	}
}

// Receivers named the ways the sixth batch named them: a lower-case name
// introducing the buyer's own shop, a titled owner in a place before the
// street, a name and a phone number alone after the summary.
func TestReceiverNamedOtherwise(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "sy wati warung soto di jl melati 5 langkai")
	h.say(buyer1, "tomat 1 kg")
	contains(t, "own shop", h.say(buyer1, "itu aja, anter ya"), "Kirim ke: wati", "jl melati 5")

	h = newHarness(t)
	h.say(buyer1, "gula pasir 2 kg")
	contains(t, "owner of the place", h.say(buyer1, "kirim ke toko pak darmo jl kenanga 3 pahandut"), "Kirim ke: pak darmo")

	h = newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "antar ke jl melati 5 langkai")
	contains(t, "name and phone", h.say(buyer1, "Yusuf 0812-3456-7890"), "Kirim ke: Yusuf")
}

// A cancel behind a wait or an interjection, with its reason after it, is
// a cancel; "ganti aja, …" then opens the new list, not a product.
func TestCancelSaidWithMore(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "ikan mas 1 kg, tomat 1 kg")
	contains(t, "cancel", h.say(buyer1, "eh bentar, batal dulu"), "dikosongkan")
	got := h.say(buyer1, "ganti aja, ikan nila 1 kg, kentang 1 kg")
	contains(t, "the new list", got, "Ikan Nila 1 kg", "Kentang 1 kg")
	if strings.Contains(got, "Ganti") || strings.Contains(got, "Ikan Mas") {
		t.Fatalf("the new list:\n%s", got)
	}

	h = newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "antar ke Jl. Melati 5 Langkai, Bu Rina")
	contains(t, "cancel at the summary", h.say(buyer1, "duh maaf bu batal dulu, uangnya kurang"), "dikosongkan")
}

// Pickup, delivery and yes in the regional forms of the sixth batch:
// Javanese krama "pendet piyambak", Betawi "kagak usah dianter … ambil
// ndiri", Banjar "ambil sorang", Malay "hantar", Ngaju "aran ku" (my
// name), and yes with thanks ("nggih leres, matur nuwun", "iyoh, bujur").
func TestRegionalPickupAndYes(t *testing.T) {
	for _, tc := range []struct {
		say  []string
		want string
	}{
		{[]string{"tomat 1 kg", "kulo pendet piyambak mawon", "nggih leres, matur nuwun"}, "ambil"},
		{[]string{"tomat 1 kg", "kagak usah dianter, aye ambil ndiri ntar", "iye bener"}, "ambil"},
		{[]string{"tomat 1 kg", "ulun ambil sorang ka pasar", "iyoh, bujur"}, "ambil"},
		{[]string{"tomat 1 kg", "hantar ke jl melati 5 langkai, nama saya aisyah", "boleh, betul"}, "antar"},
		{[]string{"tomat 1 kg", "antar ka huma ku jl melati 5 langkai, aran ku yohana", "iyoh"}, "antar"},
	} {
		h := newHarness(t)
		for _, s := range tc.say {
			h.say(buyer1, s)
		}
		code := h.lastCode()
		if code == "" {
			t.Errorf("%q: no order placed", tc.say)
			continue
		}
		if o := h.order(code); string(o.Delivery) != tc.want {
			t.Errorf("%q: delivery %s, want %s", tc.say, o.Delivery, tc.want)
		}
	}
}

// A price asked for an amount, then a yes joined to more items: the
// amount asked about is taken too; a yes with thanks alone takes nothing.
func TestTakesTheAmountAskedAbout(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "bisa beli cabe rawit merah 1 ons aja gk?")
	contains(t, "taken with more", h.say(buyer1, "ok sama kangkung 2 ikat"), "Cabai Rawit Merah 0,1 kg", "Kangkung 2 ikat")

	h = newHarness(t)
	h.say(buyer1, "tomat 1/4 kg berapa?")
	if got := h.say(buyer1, "ok makasih"); strings.Contains(got, "Keranjang") {
		t.Fatalf("a thank-you ordered the amount asked about:\n%s", got)
	}
}

// A name corrected with "salah ketik" and the wrong name after "bukan":
// the new name, nothing read as goods.
func TestNameTypoCorrected(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "kirim ke Jl. Melati 5 Langkai a.n. Budi")
	contains(t, "typo", h.say(buyer1, "eh salah ketik, namanya Bodi"), "Kirim ke: Bodi")
	got := h.say(buyer1, "eh namanya ditulis sari ya bukan bodi, salah ketik")
	contains(t, "lower case, after bukan", got, "Kirim ke: sari")
	if strings.Contains(got, "Ketik") || strings.Contains(got, "tidak ada") {
		t.Fatalf("a correction was read as goods:\n%s", got)
	}
}

// The buyer repeats that something is not sold, then keeps what is in the
// cart: nothing is guessed from the repeated names, nothing is asked.
func TestNotSoldTakenIn(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "pesen roti tawar 1, gas elpiji 1 tabung, tomat 1 kg")
	got := h.say(buyer1, "oh roti sama gas ga ada ya. tomatnya aja kak")
	if strings.Contains(got, "Maksudnya") || strings.Contains(got, "mau berapa") || strings.Contains(got, "tidak ada di pasar") {
		t.Fatalf("the buyer's acknowledgement was read as an order:\n%s", got)
	}
	if s := h.state(buyer1); s != bot.StateCart {
		t.Fatalf("state = %s, want cart", s)
	}
}

// A message typed for someone else says who said it: "kata nenek". The
// words are read as if that person typed them.
func TestReportedSpeech(t *testing.T) {
	h := newHarness(t)
	contains(t, "list", h.say(buyer1, "kata ibu: tomat 1 kg, kangkung 2 ikat"), "Tomat 1 kg", "Kangkung 2 ikat")
	got := h.say(buyer1, "tambah wortel 1/2 kg kata ibu")
	if strings.Contains(got, "kata ibu") {
		t.Fatalf("\"kata ibu\" became a note:\n%s", got)
	}
	h.say(buyer1, "kirim ke Jl. Melati 5 Langkai, atas nama Bu Rina")
	contains(t, "yes", h.say(buyer1, "kata ibu iya bener, makasih ya"), "teruskan")
}

// Politeness around an order is not goods: "maaf ganggu pagi2", "makasih
// banyak", "semoga laris ya bu".
func TestCourtesyIsNotGoods(t *testing.T) {
	h := newHarness(t)
	got := h.say(buyer1, "bu maaf ganggu pagi2, tolong tomat 1 kg sama kangkung 2 ikat ya bu makasih banyak")
	contains(t, "items", got, "Tomat 1 kg", "Kangkung 2 ikat")
	if strings.Contains(got, "Maksudnya") || strings.Contains(got, "tidak ada") || strings.Contains(got, "mau berapa") {
		t.Fatalf("courtesy read as goods:\n%s", got)
	}
	h.say(buyer1, "kirim ke Jl. Melati 5 Langkai, atas nama Bu Rina")
	contains(t, "yes", h.say(buyer1, "iya bu betul semoga laris ya bu"), "teruskan")
}

// At the summary, with no name given yet, a capitalised line of a place
// and a titled name is who receives it.
func TestTitledLineAtTheSummary(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "tomat 1 kg")
	contains(t, "summary with WhatsApp's name", h.sayAs(buyer1, "Rina", "kirim ke Jl. Melati 5 Langkai"), "Kirim ke: Rina")
	contains(t, "titled line", h.sayAs(buyer1, "Rina", "Jamu Mbak Sri"), "Kirim ke: Jamu Mbak Sri")
}

// Receivers named as the seventh batch named them: a chain of titles
// ("pak haji udin", "ibu hj. salmah"), a relation before the name ("bapak
// mertua, pak sarno"), a titled name right after "kirim ke", and "ini bu
// ani yg di jl. …".
func TestReceiverTitlesAndRelations(t *testing.T) {
	for say, want := range map[string]string{
		"antar ke warung pak haji darmo, jl. melati 5 langkai":                 "pak haji darmo",
		"antar ke rumah mama ya kak, ibu hj. ratna, jl. melati 5 langkai":      "ibu hj. ratna",
		"kirim ke bapak mertua, pak warso, jl. melati 5 langkai":               "pak warso",
		"kirimnya ke pak hendra, jl. melati 5 langkai":                         "pak hendra",
		"assalamualaikum bu, ini bu tati yg di jl. melati 5 langkai, antar ya": "bu tati",
	} {
		h := newHarness(t)
		h.sayAs(buyer1, "Rina", "tomat 1 kg")
		contains(t, say, h.sayAs(buyer1, "Rina", say), "Kirim ke: "+want+",")
	}
}

// A buyer correcting themselves inside one run-on message ("ayam kampung
// satu ekor eh bukan ayam potong satu ekor") orders only the second; a
// title that is also a given name after another title ("nama pak ujang")
// is the receiver.
func TestRunOnSelfCorrectionAndGivenNameTitle(t *testing.T) {
	h := newHarness(t)
	got := h.say(buyer1, "bu saya mau pesan ikan mas satu kilo eh bukan ikan nila satu kilo saja sama tomat setengah kilo")
	contains(t, "second only", got, "Ikan Nila 1 kg", "Tomat 1/2 kg")
	if strings.Contains(got, "Ikan Mas") {
		t.Fatalf("the item taken back stayed:\n%s", got)
	}
	h = newHarness(t)
	h.sayAs(buyer1, "Rina", "kak beli tomat lima ribu ambil sendiri nama pak ujang")
	h.sayAs(buyer1, "Rina", "oke")
	if o := h.order(h.lastCode()); o.Name != "pak ujang" {
		t.Fatalf("name = %q, want pak ujang", o.Name)
	}
}

// Messages that say nothing the bot can use get the introduction once,
// then a way on — never the same introduction again and again; "pesen
// yg kemarin lagi" asks for the last order.
func TestIdleFallbackVaries(t *testing.T) {
	h := newHarness(t)
	first := h.say(buyer1, "lho gk ada catatannya ya mbak")
	second := h.say(buyer1, "duh aku lupa apa aja")
	if first == second {
		t.Fatalf("the same reply twice:\n%s", first)
	}
	contains(t, "reorder", h.say(buyer1, "mbak pesen yg kemarin lagi ya"), "belum")
}

// A thumbs-up to the summary is a yes; "nanti jam 11 saya ambil" at the end
// of an order is a pickup; "eh bukan bayam merah, bayam hijau maksudnya"
// swaps over the comma.
func TestShortSignals(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "tomat 1 kg")
	h.sayAs(buyer1, "Rina", "kirim ke Jl. Melati 5 Langkai")
	contains(t, "thumbs up", h.sayAs(buyer1, "Rina", "👍🏻"), "teruskan")

	h = newHarness(t)
	contains(t, "pickup at the end", h.sayAs(buyer1, "Rina", "mbak pesan ayam potong 2 ekor. nanti jam 11 saya ambil"), "Ambil sendiri")

	h = newHarness(t)
	h.say(buyer1, "bayam merah 2 ikat, jagung 2")
	got := h.say(buyer1, "eh bukan bayam merah, bayam hijau maksudnya")
	contains(t, "swap over the comma", got, "Bayam Hijau 2 ikat")
	if strings.Contains(got, "Bayam Merah") {
		t.Fatalf("old line stayed:\n%s", got)
	}
}

// A buyer naming herself by her family role before a verb ("ya nenek
// ambil sepuluh biji") orders; the role is not goods.
func TestSpeakerByFamilyRole(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "nak berapa harga telur ayam kampung satu biji")
	got := h.say(buyer1, "ya nenek ambil sepuluh biji sama tomat satu kilo")
	contains(t, "role is the speaker", got, "Telur Ayam Kampung 10 butir", "Tomat 1 kg")
	if strings.Contains(got, "tidak ada") {
		t.Fatalf("the speaker was read as goods:\n%s", got)
	}
}

// A quantity question answered beside another item ("mau berapa kg?" —
// "sakilo lah, sama cabe 5 ribu"), and a product already in the cart named
// again with no quantity, then the checkout: the line stands as it was.
func TestAnswersBesideOtherItems(t *testing.T) {
	h := newHarness(t)
	contains(t, "asked", h.say(buyer1, "ikan patin ada kah wayah ini"), "berapa")
	got := h.say(buyer1, "ulun tukar sakilo lah, lawan tomat 1 kg haja")
	contains(t, "both", got, "Ikan Patin 1 kg", "Tomat 1 kg")

	h = newHarness(t)
	h.sayAs(buyer1, "Rina", "bawang merah 1/2 kg, telur ayam ras 1 kg")
	h.sayAs(buyer1, "Rina", "telur ayam ras ya")
	got = h.sayAs(buyer1, "Rina", "antar ke Jl. Melati 5 Langkai")
	contains(t, "summary", got, "Telur Ayam Ras 1 kg", "Kirim ke")
	if strings.Contains(got, "mau berapa") {
		t.Fatalf("asked again about a line in the cart:\n%s", got)
	}
}

// "gurame aja lah bang, 1 kilo" of gurame already in the cart says that
// much, not that much more.
func TestRestatedLineIsNotAdded(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "ikan gurame 1 kg. eh apa ikan mas ya")
	got := h.say(buyer1, "gurame aja lah bang, 1 kilo")
	if strings.Contains(got, "berapa") {
		t.Fatalf("still asked about the fish the buyer wavered over:\n%s", got)
	}
	contains(t, "restated", got, "Ikan Gurame 1 kg")
	if strings.Contains(got, "Ikan Gurame 2 kg") {
		t.Fatalf("the restated line was added again:\n%s", got)
	}
	contains(t, "more with tambah", h.say(buyer1, "tambah gurame 1 kg aja"), "Ikan Gurame 2 kg")
}

// The eighth batch's receivers and places: "an nita cpt ya" at the end of
// an address line, a shop after a list ("… / kirim: toko bu ani, jl. …"),
// a hospital or a campus before the street, "nek ijah" for a neighbour.
func TestPlacesAndShortNameCues(t *testing.T) {
	for say, want := range map[string]string{
		"tomat 1/2 kirim jl melati 5 langkai an tari cpt ya":                            "Kirim ke: tari, jl melati 5 langkai",
		"beras medium 10kg / gula pasir 2kg / kirim: toko bu umi, jl. melati 5 langkai": "toko bu umi jl. melati 5 langkai",
		"tomat 1 kg, antar ke rsud doris sylvanus, jl. tambun bungai, langkai":          "rsud doris sylvanus",
		"tomat 1 kg, kirim ke kampus upr jl. yos sudarso, jekan raya":                   "kampus upr jl. yos sudarso",
	} {
		h := newHarness(t)
		contains(t, say, h.sayAs(buyer1, "Rina", say), want)
	}
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "mbak sy mau pesenin buat tetangga sy, nek ijah, beliau udah sepuh")
	h.sayAs(buyer1, "Rina", "beras premium 5 kg")
	contains(t, "name before the address", h.sayAs(buyer1, "Rina", "alamatnya jl. melati 5 langkai"), "Kirim ke: nek ijah")
}

// Older buyers write formally: their age is small talk, "Nak" addresses
// the trader, "sudah benar semuanya" agrees, and "apakah pembayarannya bisa
// … ketika barang sampai?" asks about paying on delivery.
func TestElderlyFormalSpeech(t *testing.T) {
	h := newHarness(t)
	got := h.sayAs(buyer1, "Rina", "Selamat pagi Nak. Saya Ibu Maryam, umur saya sudah tujuh puluh tahun. Saya mau pesan tomat satu kilogram.")
	contains(t, "order", got, "Tomat 1 kg")
	if strings.Contains(got, "Tahu") || strings.Contains(got, "tidak ada") {
		t.Fatalf("the age was read as goods:\n%s", got)
	}
	contains(t, "payment question", h.sayAs(buyer1, "Rina", "Apakah pembayarannya bisa dilakukan ketika barang sampai?"), "COD")
	got = h.sayAs(buyer1, "Rina", "Barang mohon diantar ke Jalan Melati nomor 5, Kelurahan Langkai.")
	if strings.Contains(got, "Maksudnya") {
		t.Fatalf("\"barang\" was read as goods:\n%s", got)
	}
	contains(t, "formal yes", h.sayAs(buyer1, "Rina", "Iya Nak, sudah benar semuanya."), "teruskan")

	h = newHarness(t)
	h.sayAs(buyer1, "Rina", "Saya hendak memesan tomat setengah kilogram.")
	h.sayAs(buyer1, "Rina", "Barang mohon diantar ke Jalan Melati nomor 5, Kelurahan Langkai.")
	contains(t, "formal agreement", h.sayAs(buyer1, "Rina", "Baik, saya setuju. Silakan dikirim. Terima kasih."), "teruskan")
}

// "telur 3 kg ya bu jangan lupa" after telur 3 kg is a reminder, not three
// kilos more.
func TestReminderIsNotMore(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "telur ayam ras 3 kg")
	h.say(buyer1, "tomat 1 kg")
	contains(t, "reminder", h.say(buyer1, "telur ayam ras 3 kg ya bu jangan lupa"), "sudah ada")
	got := h.say(buyer1, "cek keranjang")
	contains(t, "cart", got, "Telur Ayam Ras 3 kg")
	if strings.Contains(got, "Telur Ayam Ras 6 kg") {
		t.Fatalf("the reminder was added:\n%s", got)
	}
}

// At the address step, "eh gausah deh sy ambil aja pas jam istirahat"
// changes to pickup; it is not the address.
func TestPickupSaidAtTheAddressStep(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "tomat 1 kg")
	h.sayAs(buyer1, "Rina", "anter ke kantor")
	got := h.sayAs(buyer1, "Rina", "eh gausah deh sy ambil aja pas jam istirahat")
	if strings.Contains(got, "Kirim ke") {
		t.Fatalf("the change to pickup became an address:\n%s", got)
	}
	contains(t, "pickup", got, "Ambil sendiri")
}

// What a buyer says to a person is relayed as said: the politeness the
// order reader sets aside ("makasih banyak", "kata ibu") reaches the admin.
func TestHandoverRelaysTheWholeMessage(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "admin")
	h.say(buyer1, "kata ibu makasih banyak ya, semoga laris")
	if got := h.to(admin); !strings.Contains(got, "makasih banyak") || !strings.Contains(got, "kata ibu") {
		t.Fatalf("the relayed message lost words:\n%s", got)
	}
}

// A quantity the buyer gave below the product's minimum is not folded into
// the summary when they move on; "gajadi deh ikannya" lets the question go.
func TestBelowMinimumIsNotFolded(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "kak ikan nila 1 ons bisa?")
	h.say(buyer1, "tempe 2")
	got := h.say(buyer1, "aku ambil ke pasar, nama nanda")
	if strings.Contains(got, "Ikan Nila 0,1 kg") {
		t.Fatalf("a quantity below the minimum went into the summary:\n%s", got)
	}

	h = newHarness(t)
	h.say(buyer1, "kak ikan nila 1 ons bisa?")
	contains(t, "let go", h.say(buyer1, "oh minimal setengah ya, gajadi deh ikannya"), "tidak jadi")
	got = h.say(buyer1, "tempe 2")
	if strings.Contains(got, "Minimal") {
		t.Fatalf("the question let go was asked again:\n%s", got)
	}
}

// "daging aja yg biasa bukan fillet" picks the plain chicken meat, never
// the fillet it rules out.
func TestChoiceRuledOutInWords(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "kak ayam 10rb bisa ga")
	got := h.say(buyer1, "daging aja kak yg biasa bukan fillet")
	if strings.Contains(got, "Fillet") {
		t.Fatalf("the ruled-out choice was taken:\n%s", got)
	}
	contains(t, "plain meat", got, "Daging Ayam Ras")
}

// "…, nasi kuning bu atik" at the end of an address names who the courier
// asks for, not WhatsApp's name.
func TestOwnerAtTheEndOfTheAddress(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "telur 3 kg")
	got := h.sayAs(buyer1, "Rina", "kirim ke jl. sisingamangaraja 3 no 5 langkai, nasi kuning bu atik")
	contains(t, "name", got, "Kirim ke: bu atik")
}

// A pickup summary says whose name the stall hands the goods to, and a
// name sent alone under it ("fitri") becomes that name.
func TestNameAloneUnderPickupSummary(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "bakso sapi 1/2 kg")
	contains(t, "pickup name", h.sayAs(buyer1, "Rina", "ambil sendiri"), "Atas nama: Rina")
	contains(t, "new name", h.sayAs(buyer1, "Rina", "fitri"), "Atas nama: fitri")
	if got := h.sayAs(buyer1, "Rina", "hmm"); strings.Contains(got, "Atas nama: hmm") {
		t.Fatalf("a chat word became the name:\n%s", got)
	}
}

// "total tomat sekilo" sets the line to a kilo, not a kilo more.
func TestTotalSaidFirstSetsTheLine(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1/2, kangkung 2 ikat, tomat 1/2 lagi")
	got := h.say(buyer1, "total tomat sekilo ya bu")
	contains(t, "set", got, "Tomat 1 kg")
}

// "ikannya disiangi semua" cleans every kilo of fish in the cart.
func TestServiceForAllTheLines(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "ikan patin 3 kg, ikan nila 2 kg")
	contains(t, "all fish", h.say(buyer1, "ikannya minta disiangi semua ya bu"), "Siangi Ikan 5 kg")
}

// "beras yg paling murah 5 kilo" orders the cheapest rice; asked as a
// question, the cheapest is named, and "minimal brp kilo?" is about it.
func TestCheapestOfAKindOrdered(t *testing.T) {
	h := newHarness(t)
	contains(t, "ordered", h.say(buyer1, "kak mau pesen beras yg paling murah 5 kilo"), "Beras SPHP 5 kg")

	h = newHarness(t)
	contains(t, "asked", h.say(buyer1, "bu beras paling murah yg mana, brp sekilo?"), "Beras SPHP", "12.500")
	contains(t, "minimum", h.say(buyer1, "minimal brp kilo belinya?"), "Beras SPHP minimal")
}

// The same list sent twice within minutes is counted once, and said so;
// "maaf kekirim 2x" is answered, not read as goods or a change.
func TestSameListTwiceCountsOnce(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "bu pesan cabe rawit merah 2 ons sama bawang merah 1/4")
	contains(t, "once", h.say(buyer1, "bu pesan cabe rawit merah 2 ons sama bawang merah 1/4"), "sekali", "Cabai Rawit Merah 0,2 kg")
	got := h.say(buyer1, "maaf kekirim 2x bu, sinyal jelek. maksudnya satu aja ya")
	contains(t, "said", got, "sekali", "Bawang Merah 1/4 kg")
	if strings.Contains(got, "tidak ada di pasar") {
		t.Fatalf("the excuse was read as goods:\n%s", got)
	}
	h.advance(15 * time.Minute)
	contains(t, "later, more", h.say(buyer1, "bu pesan cabe rawit merah 2 ons sama bawang merah 1/4"), "Cabai Rawit Merah 0,4 kg")
}

// An excuse before the yes ("maaf itu anak sy. iya bu udh bener semua")
// does not hide the yes; a summary emptied by the clock and agreed to
// unchanged, right as the buyer comes back, is placed.
func TestYesAfterAnExcuse(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "antar ke jl. beliang no 45 rt 5 pahandut, bu mega")
	contains(t, "yes", h.say(buyer1, "maaf itu anak sy. iya bu udh bener semua, kirim aja"), "teruskan")

	h = newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	h.say(buyer1, "antar ke jl. seth adji 5 no 7 pahandut, pak ilham")
	h.advance(2 * time.Hour)
	contains(t, "late yes", h.say(buyer1, "maaf bu baru pegang hp. iya bu jadi, kirim ya"), "teruskan")
}

// A unit sent alone ("kg") is the unit of what was just said, never a
// product guessed from two letters.
func TestUnitAloneIsNoProduct(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "udang 1/2, cumi 1/2")
	got := h.say(buyer1, "kg")
	if strings.Contains(got, "Maksudnya") {
		t.Fatalf("a unit was read as a product:\n%s", got)
	}
	contains(t, "ack", got, "Siap")
}

// "ambil jm 11.30" is a pickup time; "sekalian antar anak sekolah" is the
// buyer's errand, not delivery.
func TestPickupWordsInPassing(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "fillet ayam 1/2 kg")
	contains(t, "jm", h.sayAs(buyer1, "Rina", "ambil jm 11.30"), "Ambil sendiri")

	h = newHarness(t)
	h.sayAs(buyer1, "Rina", "tomat 1/4")
	got := h.sayAs(buyer1, "Rina", "ambil sendiri aja nanti jam 9 sy ke pasar sekalian antar anak sekolah")
	if strings.Contains(got, "Kirim ke mana") {
		t.Fatalf("the school run was read as delivery:\n%s", got)
	}
	contains(t, "pickup", got, "Ambil sendiri")
}

// Letters held for emphasis are read once: "ambil sendiriii, nama citraaa".
func TestHeldLettersAreReadOnce(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "tahu isi 10")
	contains(t, "pickup", h.sayAs(buyer1, "Rina", "ambil sendiriii, nama citraaa"), "Ambil sendiri", "Atas nama: citra")
}

// "ikan nila 1 kg eh setengah aja deh": the amount said last.
func TestAmountTakenBackInOneMessage(t *testing.T) {
	h := newHarness(t)
	contains(t, "half", h.say(buyer1, "mau pesan ikan nila 1 kg eh setengah aja deh"), "Ikan Nila 1/2 kg")
	contains(t, "bukan", h.say(buyer1, "tomat 1 kg eh bukan 2 kg"), "Tomat 2 kg")
}

// A line said again with its amount settles the open question about it,
// and "kalo 50 gr ga bisa" after it orders nothing; "oh per kilo ya" is
// not a quantity looking for a product.
func TestLineSaidAgainSettlesItsQuestion(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "bawang merah 250 gr / jahe 50 gr")
	got := h.say(buyer1, "jahenya 1 ons aja bu kalo 50 gr ga bisa")
	contains(t, "settled", got, "Jahe 0,1 kg")
	if strings.Contains(got, "Minimal") {
		t.Fatalf("the settled question was asked again:\n%s", got)
	}

	h = newHarness(t)
	h.say(buyer1, "apel fuji 1 kg, pepaya 1 buah")
	got = h.say(buyer1, "oh per kilo ya, yaudah pepaya 2 kilo")
	contains(t, "papaya", got, "Pepaya 2 kg")
	if strings.Contains(got, "mau beli apa") || strings.Contains(got, "1 buah itu") {
		t.Fatalf("a question stayed open:\n%s", got)
	}
}

// The address before any item is answered with what delivery there costs,
// and what follows it (a name with a stray clause, "iya gpp ongkirnya
// segitu") is not met with the market's introduction again.
func TestAddressFirstQuotesOngkir(t *testing.T) {
	h := newHarness(t)
	contains(t, "ongkir", h.say(buyer1, "ke kalampangan, jl. mahir mahar km 17 gg. sepakat"), "Rp20.000", "Mau pesan apa")
	got := h.say(buyer1, "namanya kak yuli, lengkapnya yulianti")
	if strings.Contains(got, "kurang paham") || strings.Contains(got, "Ini layanan") {
		t.Fatalf("the name came back with a fallback:\n%s", got)
	}
	got = h.say(buyer1, "iya kak gpp ongkirnya segitu")
	if strings.Contains(got, "kurang paham") || strings.Contains(got, "Ini layanan") {
		t.Fatalf("the agreement to the fee was not understood:\n%s", got)
	}
}

// "iganya bisa dipotong kecil2 kan bu?" is a note for the trader on the
// line, not a new line whose quantity is asked; "rumah cat hijau pagar
// hitam" under a summary is how the courier finds the house.
func TestPreparationAndHouseNotes(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "iga sapi 1 kg, daun bawang 1 ikat")
	got := h.say(buyer1, "iganya bisa dipotong kecil2 kan bu?")
	contains(t, "prep", got, "dipotong kecil2")
	if strings.Contains(got, "mau berapa") {
		t.Fatalf("the request became a quantity question:\n%s", got)
	}
	h.say(buyer1, "kirim ke jl. g. obos 10 gg. kenari no 4 menteng, bu lina")
	got = h.say(buyer1, "rumah cat hijau pagar hitam")
	contains(t, "house", got, "kenari no 4 menteng, rumah cat hijau pagar hitam")
	if strings.Contains(got, "Maksudnya") {
		t.Fatalf("the house was read as goods:\n%s", got)
	}
}

// "patungan anak kos kak hehe" is chatter, not an address.
func TestKosChatterIsNoAddress(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "telur 1 kg")
	if got := h.say(buyer1, "patungan anak kos kak hehe"); strings.Contains(got, "Kirim ke") || strings.Contains(got, "Ongkir") {
		t.Fatalf("chatter became an address:\n%s", got)
	}
}

// A guess from a look-alike word ("bakar2 bandeng" → terasi?) left behind
// at the checkout is let go, never ordered with the number that came with it.
func TestLookAlikeGuessIsNotFolded(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "sore ini mau bakar2 bandeng")
	h.say(buyer1, "bandeng 2 kg, kecap manis 2")
	got := h.say(buyer1, "kirim jl. tjilik riwut km 1 gg. padat karya no 6, pahandut. nama hana")
	if strings.Contains(got, "Terasi") && strings.Contains(got, "Ringkasan") && strings.Contains(got, "• Terasi") {
		t.Fatalf("a look-alike guess went into the summary:\n%s", got)
	}
}

// "berapa semuanya dengan ongkos kirim?" is answered with the total, and
// "kalo dianter ke … totalnya brp?" with the total there; "saya setuju.
// Tolong dikirim hari ini juga" under a delivery summary places it.
func TestTotalAskedAndAgreed(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "ayam potong 1 ekor sama tahu putih 5")
	contains(t, "there", h.say(buyer1, "kalo dianter ke jl. murjani no 40 pahandut totalnya brp?"), "Rp58.000")
	h.say(buyer1, "kirim ke jl. murjani no 40 pahandut, bu sri")
	contains(t, "total", h.say(buyer1, "Berapa semuanya dengan ongkos kirim?"), "Rp58.000")
	contains(t, "agreed", h.say(buyer1, "Baik, saya setuju. Tolong dikirim hari ini juga."), "teruskan")
}

// An emoji between words ends a clause: "buah buat healthy lifestyle 😂
// apel fuji 1kg" orders the apples, and the kind named before them is
// not asked about.
func TestEmojiEndsAClause(t *testing.T) {
	h := newHarness(t)
	got := h.say(buyer1, "mau beli buah buat healthy lifestyle 😂 apel fuji 1kg, alpukat 1 kg")
	contains(t, "apples", got, "Apel Fuji 1 kg", "Alpukat 1 kg")
	if strings.Contains(got, "Maksudnya") {
		t.Fatalf("the kind was asked about after its items:\n%s", got)
	}
}

// An amount after goods not sold here is of those goods ("kacang tanah
// ada gak? 1/2 kilo"); "oh iya satu lagi, …" is one more thing to say.
func TestAmountsThatOrderNothing(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "kol 1/2, tauge 1/4")
	if got := h.say(buyer1, "kacang tanah ada gak? 1/2 kilo"); strings.Contains(got, "mau beli apa") {
		t.Fatalf("the amount of goods not sold was asked about:\n%s", got)
	}

	h = newHarness(t)
	h.say(buyer1, "telur ayam ras 1 kg")
	if got := h.say(buyer1, "oh iya satu lagi, tetangga umi nitip juga"); strings.Contains(got, "mau beli apa") {
		t.Fatalf("'satu lagi' was read as an amount:\n%s", got)
	}
}

// "kakek nanya ikan masnya segar gak kak" is a question about the fish in
// the cart, answered, not a new fish to choose.
func TestFreshnessAsked(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "ikan mas 1 kg, tempe 2")
	got := h.say(buyer1, "kakek nanya ikan masnya segar gak kak")
	contains(t, "answer", got, "segar")
	if strings.Contains(got, "Maksudnya") {
		t.Fatalf("the question became a choice of fish:\n%s", got)
	}
}

// "eh salah kak, bukan langkai, panarung. jl. mahoni no 6 panarung" quotes
// Panarung's fee; "namanya ibu saya aja, ibu marta, soalnya saya lg kerja"
// changes the name and orders nothing.
func TestAreaAndNameCorrectedUnderSummary(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "ikan bandeng 1 kg")
	contains(t, "first", h.say(buyer1, "kirim ke jl. mahoni no 6 langkai. a.n. jefri"), "Rp8.000")
	contains(t, "corrected", h.say(buyer1, "eh salah kak, bukan langkai, panarung. jl. mahoni no 6 panarung"), "Ongkir: Rp12.000")
	got := h.say(buyer1, "eh kak namanya ibu saya aja, ibu marta, soalnya saya lg kerja yg terima ibu")
	contains(t, "name", got, "Kirim ke: ibu marta")
	if strings.Contains(got, "Maksudnya") || strings.Contains(got, "tidak ada di pasar") {
		t.Fatalf("the reason or the name word was read as goods:\n%s", got)
	}
}

// "iya betul, tapi alamatnya ganti ke … Jl. Imam Bonjol no 8" under a
// summary agrees and moves the delivery: placed on the new address, never
// the old one, and the reply says where and how much; a yes with a change
// to the goods shows the new summary first. "eh bentar kak, kirimnya ke … Jl. Sapan no 19" is an
// address, not a request to wait.
func TestYesWithAChangeIsAChange(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "brokoli 1/2 kg, wortel 1/2 kg")
	h.say(buyer1, "kirim ke Jl. Diponegoro no 15, atas nama Bayu")
	// A yes with a new address: the trader takes the order there and
	// says where it goes and what it costs now.
	got := h.say(buyer1, "iya betul, tapi alamatnya ganti ke kantor saya aja ya di Jl. Imam Bonjol no 8, Pahandut")
	contains(t, "placed on the new address", got, "dikirim ke *Bayu*, kantor, Jl. Imam Bonjol no 8, Pahandut", "Ongkir Rp8.000", "teruskan")
	if strings.Contains(got, "Diponegoro") {
		t.Fatalf("the old address is still shown:\n%s", got)
	}

	// A yes with a change to the goods shows the changed summary first.
	h = newHarness(t)
	h.say(buyer1, "brokoli 1/2 kg, wortel 1/2 kg")
	h.say(buyer1, "kirim ke Jl. Diponegoro no 15, atas nama Bayu")
	got = h.say(buyer1, "iya betul, tapi wortelnya 1 kg aja")
	if strings.Contains(got, "teruskan") {
		t.Fatalf("a changed cart was placed unseen:\n%s", got)
	}
	contains(t, "new summary", got, "Wortel 1 kg")

	// So does a yes with a switch to pickup.
	h = newHarness(t)
	h.say(buyer1, "udang vaname 1/2 kg sama cumi 1/2 kg")
	h.say(buyer1, "anter ke Perum Bumi Palangka Indah blok A3, nama Lina")
	contains(t, "pickup placed", h.say(buyer1, "iya bu benar, eh tapi gak usah dianter deh bu nanti saya ambil sendiri aja jam 9"),
		"diambil sendiri di pasar (jam 9) atas nama *Lina*", "Rp85.000", "teruskan")

	h = newHarness(t)
	h.say(buyer1, "pisang kepok 2 sisir")
	h.say(buyer1, "kirim ke rumah: Jl. Mahir Mahar km 10, Kalampangan, nama Tari")
	got = h.say(buyer1, "eh bentar kak, kirimnya ke rumah mertua aja di Jl. Sapan no 19, Panarung. nama tetap Tari")
	contains(t, "moved", got, "Sapan no 19", "Kirim ke: Tari,")
	contains(t, "still a yes", h.say(buyer1, "iya bu, ongkir 12 gpp"), "teruskan")
}

// "gula merah ada? 1/2 kg ya" orders half a kilo of palm sugar even while
// an older question is open; "sphp ada? berapa sekilo" is one price; "beras
// premium sama medium bedanya apa? harganya berapa" gives both prices.
func TestAmountAfterAskingAProduct(t *testing.T) {
	h := newHarness(t)
	contains(t, "both", h.say(buyer1, "bu beras premium sama medium bedanya apa? harganya berapa"), "Beras Premium Rp14.700", "Beras Medium")
	contains(t, "sphp", h.say(buyer1, "sphp ada? berapa sekilo"), "Beras SPHP Rp12.500")
	h.say(buyer1, "beras premium")
	got := h.say(buyer1, "gula merah ada? 1/2 kg ya")
	contains(t, "sugar", got, "Gula Merah 1/2 kg")
	if strings.Contains(got, "Beras Premium 1/2 kg") {
		t.Fatalf("the amount went to the older question:\n%s", got)
	}
}

// "kunyit 1 ons buat bumbu kuning" says what it is for; it asks no
// grinding.
func TestPurposeIsNoService(t *testing.T) {
	h := newHarness(t)
	if got := h.say(buyer1, "patin 1,5 kg. sama kunyit 1 ons buat bumbu kuning"); strings.Contains(got, "Giling Bumbu") {
		t.Fatalf("a purpose added a service:\n%s", got)
	}
	contains(t, "grind", h.say(buyer1, "cabe merah keriting 1/4 sekalian digiling ya"), "Giling Bumbu")
}

// "ikan nila satu kilo ikan nila satu kilo ya nak" is one kilo said twice;
// "bukan satu kilo ikan nilanya tapi satu setengah kilo" sets one and a
// half.
func TestElderRepeatsAndCorrects(t *testing.T) {
	h := newHarness(t)
	contains(t, "once", h.say(buyer1, "ikan nila satu kilo ikan nila satu kilo ya nak"), "Ikan Nila 1 kg")
	contains(t, "not but", h.say(buyer1, "eh nak maaf bapak salah tadi bukan satu kilo ikan nilanya tapi satu setengah kilo"), "Ikan Nila 1 1/2 kg")
	contains(t, "again", h.say(buyer1, "tomat 1 kg, tomat 1 kg lagi"), "Tomat 2 kg")
}

// "INI DENGAN IBU MARIAM DARI PAHANDUT" says who is ordering.
func TestThisIsSpeaking(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "PAGI NAK. INI DENGAN IBU MARIAM DARI PAHANDUT")
	h.sayAs(buyer1, "Rina", "KEMIRI SATU ONS")
	contains(t, "name", h.sayAs(buyer1, "Rina", "NANTI IBU AMBIL SENDIRI KE PASAR"), "Atas nama: IBU MARIAM")
}

// "iya bu betul. oh iya, tetangga saya Bu Nani juga nitip, … Jl. Nusa Indah
// 2 no 9 Langkai: tempe 3 sama tahu kuning 10" places the order shown, and
// starts the neighbour's own.
func TestYesThenANeighboursOrder(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "bu, pesan bayam hijau 2 ikat, jagung manis 2, ambil sendiri nama Eka")
	got := h.sayAs(buyer1, "Rina", "iya bu betul. oh iya bu, tetangga saya Bu Nani juga nitip, tapi dianter ke rumahnya Jl. Nusa Indah 2 no 9 Langkai: tempe 3 sama tahu kuning 10")
	contains(t, "placed and started", got, "teruskan", "Tempe 3 biji", "Kirim ke: Bu Nani, Jl. Nusa Indah 2 no 9 Langkai")
	first := h.order(h.lastCode())
	if first == nil || len(first.Lines) != 2 || first.Delivery != "ambil" {
		t.Fatalf("the first order is not Eka's pickup: %+v", first)
	}
}

// Dictated speech: "eh apa namanya hati ampela setengah kilo" orders the
// giblets (no name was given), and "daging sapi satu kilo eh bukan bukan
// setengah kilo aja terus … kelapa tua satu butir" keeps the beef at half
// a kilo and the coconut.
func TestDictatedFillers(t *testing.T) {
	h := newHarness(t)
	contains(t, "giblets", h.say(buyer1, "mau pesan ayam potong 1 ekor terus eh apa namanya hati ampela setengah kilo terus telur ayam ras satu kilo"),
		"Hati Ampela Ayam 1/2 kg", "Telur Ayam Ras 1 kg")
	h = newHarness(t)
	contains(t, "beef", h.say(buyer1, "mas saya mau pesan daging sapi satu kilo eh bukan bukan setengah kilo aja terus eh apa namanya yang buat rendang itu kelapa tua satu butir sama santan kemasan dua bungkus"),
		"Daging Sapi 1/2 kg", "Kelapa Tua 1 butir", "Santan Kemasan 2 bungkus")
}

// A name cue answers no "which one?" question ("nm: ibu Lusi" is not
// Minyakita), and "prm …, blk B no 3" is an address from its first word.
func TestNameIsNoChoiceAndShortAddressWords(t *testing.T) {
	h := newHarness(t)
	h.sayAs(buyer1, "Rina", "bu pesen beras premium 5kg, minyak 2L")
	h.sayAs(buyer1, "Rina", "anterin ke Prum Palangka Permai blok c2 no 15, Jekan Raya. nm: ibu Lusi")
	contains(t, "name", h.sayAs(buyer1, "Rina", "minyakita"), "Kirim ke: ibu Lusi")
	h = newHarness(t)
	h.sayAs(buyer1, "Rina", "dgng sp 1kg")
	contains(t, "address", h.sayAs(buyer1, "Rina", "krm k prm Tmbg Indah blk B no 3 Bkt Tnggl, nm Bu Ema"), "prm Tmbg Indah blk B no 3")
}

// After an order went out, "tambah lagi dong … ke alamat yg tadi ya" is a
// new order to the last address, straight to its summary.
func TestSecondOrderToTheSameAddress(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "mbak pesan tahu putih 10. anter ke Jl. Nangka no 4 Langkai, nama Wina")
	h.say(buyer1, "iya bener")
	got := h.say(buyer1, "mbak maaf tambah lagi dong, lupa. telur ayam ras 1/2 kg sama kecap manis 1. ke alamat yg tadi ya")
	contains(t, "summary", got, "Ringkasan", "Kirim ke: Wina, Jl. Nangka no 4 Langkai", "Kecap Manis 1 bungkus")
	contains(t, "placed", h.say(buyer1, "iya betul"), "teruskan")
}

// Chat spellings of a yes and of pickup, with emoji around them: "siapp kak
// 👍", "✅✅ bener kak", "iy bu bnr🙏🙏", "ambil sndri ajaa"; a lone name
// after an address in the same message ("…bukit tunggal. indah") is the
// receiver; "btl" stays a cancel.
func TestChatSpellingsOfYesAndPickup(t *testing.T) {
	for _, yes := range []string{"siapp kak 👍", "✅✅ bener kak", "iy bu bnr🙏🙏"} {
		h := newHarness(t)
		h.say(buyer1, "tomat 1 kg")
		h.say(buyer1, "antar jl. rajawali km 4,5 gg. damai no 7 bukit tunggal. indah")
		contains(t, yes, h.say(buyer1, yes), "teruskan")
	}
	h := newHarness(t)
	h.say(buyer1, "tomat 1 kg")
	contains(t, "name", h.say(buyer1, "antar jl. rajawali km 4,5 gg. damai no 7 bukit tunggal. indah"), "Kirim ke: indah")
	contains(t, "pickup", h.say(buyer1, "eh ambil sndri ajaa jam 9"), "Ambil sendiri")
	if got := h.say(buyer1, "btl kak, sory"); strings.Contains(got, "teruskan") {
		t.Fatalf("a cancel placed the order:\n%s", got)
	}
}

// "ini masih buka ya … udang vaname harganya berapa sekilo" answers both
// the hours and the price.
func TestHoursAndPriceInOneBreath(t *testing.T) {
	h := newHarness(t)
	contains(t, "both", h.say(buyer1, "halo bu ini masih buka ya eh apa namanya ada udang ga bu udang vaname harganya berapa sekilo"), "buka", "90.000")
}

// Corrections as batch 11's buyers wrote them: "maksudnya 2 ons, bukan 2
// kg" takes the first amount, not the one undone; "eh salah, sawi hijau
// maksudnya, 2 ikat" replaces the line just added even in another unit;
// "gk jd kangkung, ganti bayam hijau 1 ikat aja" removes and replaces.
func TestMistakesOwnedReplaceTheLine(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "pagi mbak, pesan bawang merah 2 kg")
	got := h.say(buyer1, "eh maaf, maksudnya 2 ons, bukan 2 kg")
	contains(t, "two ons", got, "Bawang Merah 0,2 kg")
	if strings.Contains(got, "Bawang Merah 2 kg") {
		t.Fatalf("the amount undone was kept:\n%s", got)
	}

	h = newHarness(t)
	h.say(buyer1, "mbak mau sawi putih 1 kg")
	got = h.say(buyer1, "eh salah, sawi hijau maksudnya, 2 ikat")
	contains(t, "swapped", got, "Sawi Hijau 2 ikat")
	if strings.Contains(got, "Sawi Putih") {
		t.Fatalf("the mistaken line stayed:\n%s", got)
	}

	h = newHarness(t)
	h.say(buyer1, "kak pesen tahu kuning 4, tempe 1, kangkung 1")
	got = h.say(buyer1, "eh gk jd kangkung, ganti bayam hijau 1 ikat aja")
	contains(t, "replaced", got, "Bayam Hijau 1 ikat")
	if strings.Contains(got, "Kangkung 1") || strings.Contains(got, "jadi berapa") {
		t.Fatalf("the replacement was lost:\n%s", got)
	}

	// A name corrected with "salah ketik" changes no goods.
	h = newHarness(t)
	h.say(buyer1, "pesan nanas 2, kelapa muda 3, jeruk medan 1 kilo")
	h.say(buyer1, "kirim ke jl ahmad yani no 88 pahandut, nama dina")
	got = h.say(buyer1, "eh namanya ditulis dini ya bukan dina, salah ketik")
	contains(t, "name only", got, "Kirim ke: dini", "Jeruk Medan 1 kg")
}

// "yowis pelem harum manis sekilo wae" after a sold-out durian names
// another product: the kilo is not the durian's.
func TestAmountWithAnotherProductIsNotTheAskedOnes(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "mbak, duren enten?")
	if got := h.say(buyer1, "oh entek to. yowis pelem harum manis sekilo wae"); strings.Contains(got, "Durian") {
		t.Fatalf("the kilo went to the durian asked before:\n%s", got)
	}
}

// Receivers: "nama Ujang" (a given name that is also a title), "diterima
// Mbak Lusi", and the sender's own name said beside the receiver's.
func TestReceiverWords(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "beras sphp 10 kg")
	h.sayAs(buyer1, "Rina", "antar ke Warung Kopi Mang Ujang, Jl. Tjilik Riwut km 8 no 1, Bukit Tunggal")
	contains(t, "given name", h.say(buyer1, "nama Ujang"), "Kirim ke: Ujang,")

	h = newHarness(t)
	h.say(buyer1, "gula pasir 2 kg")
	contains(t, "received by", h.say(buyer1, "kirim ke Kantor Notaris Hj. Fatimah, Jl. Ahmad Yani no 120, Pahandut. diterima Mbak Lusi"), "Kirim ke: Mbak Lusi,")

	h = newHarness(t)
	h.say(buyer1, "beras premium 5 kg")
	h.say(buyer1, "penerimanya Nek Sarah, alamatnya Jl. Mangga no 3, Pahandut")
	if got := h.say(buyer1, "kalau saya sendiri namanya Andi ya mbak, tapi kirimnya ke Nek Sarah"); strings.Contains(got, "Kirim ke: Andi") {
		t.Fatalf("the sender's own name became the receiver:\n%s", got)
	}
}

// Short buyers: "ambil" under the cart is pickup as "antar" is delivery;
// "Sari. Jl. Diponegoro 22" names the receiver in its own sentence (not
// serai or sapi); a capitalised name alone at the address step is the
// receiver, a zone alone the address.
func TestShortAnswersAroundTheAddress(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "ikan lele sekilo")
	contains(t, "pickup", h.say(buyer1, "ambil"), "Ambil sendiri di pasar")
	contains(t, "name", h.say(buyer1, "Wawan"), "Atas nama: Wawan")

	h = newHarness(t)
	h.say(buyer1, "ayam potong satu")
	h.say(buyer1, "antar")
	got := h.say(buyer1, "Sari. Jl. Diponegoro 22 Palangka")
	contains(t, "name sentence", got, "Kirim ke: Sari, Jl. Diponegoro 22 Palangka")
	if strings.Contains(got, "Serai") {
		t.Fatalf("the name was read as goods:\n%s", got)
	}

	h = newHarness(t)
	h.say(buyer1, "ayam potong satu")
	h.say(buyer1, "antar")
	contains(t, "name at the address step", h.say(buyer1, "Wawan"), "alamat")
	contains(t, "zone at the address step", h.say(buyer1, "Jl. Rajawali 3, Menteng"), "Kirim ke: Wawan, Jl. Rajawali 3, Menteng", "Rp12.000")
}

// "kue lapis 20 sama klepon 40" while "which kue?" is open orders both,
// with their amounts, and the question is answered by it.
func TestTwoChoicesWithAmountsAreAnOrder(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "Pagi bu, saya mau pesan kue buat pengajian ibu-ibu jam 10")
	got := h.say(buyer1, "kue lapis 20 sama klepon 40")
	contains(t, "both", got, "Kue Lapis 20 biji", "Klepon 40 biji")
	if strings.Contains(got, "mau berapa") || strings.Contains(got, "Maksudnya yang mana") {
		t.Fatalf("asked again after both were ordered:\n%s", got)
	}
}

// The goods a buyer asked about stay the subject: after "udang vaname
// seger kah?" the price asked is the shrimp's; "berasnya ganti medium aja,
// tetep 10 kg" swaps to the other rice at the same weight; "mangganya ga
// usah deh, apel aja" keeps the apple in the cart without asking which.
func TestTheSubjectCarriesOver(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "udang vaname seger kah hari ini?")
	contains(t, "price of the shrimp", h.say(buyer1, "sekilo berapa?"), "Udang Vaname: Rp90.000/kg")

	h = newHarness(t)
	h.say(buyer1, "pagi bu, mau pesan beras premium 10 kg, gula pasir 1 kg")
	got := h.say(buyer1, "yaudah berasnya ganti medium aja, tetep 10 kg")
	contains(t, "swapped", got, "Beras Medium 10 kg")
	if strings.Contains(got, "Beras Premium") || strings.Contains(got, "tidak ada di pasar") {
		t.Fatalf("the swap was not made:\n%s", got)
	}

	h = newHarness(t)
	h.say(buyer1, "apel malang 1 kg aja")
	h.say(buyer1, "sama mangga harum manis 1 kg")
	got = h.say(buyer1, "eh mangganya ga usah deh, apel aja")
	contains(t, "kept", got, "Apel Malang 1 kg", "Mangga Harum Manis dihapus")
	if strings.Contains(got, "Maksudnya yang mana") {
		t.Fatalf("asked which apple the kept one is:\n%s", got)
	}
}

// A warung's restock: list lines with amounts answer "which sayur?" as
// orders; "diambil aja, saya Mas Yoga, jam 8an" is pickup, name and time;
// "tongkolnya tambah 1 kg lagi jadi 4 ya bu. cabenya tetep 50rb" sets the
// tuna to 4 kg and keeps the chili.
func TestRestockWithAnOpenQuestion(t *testing.T) {
	h := newHarness(t)
	h.say(buyer1, "mba, warung sayur saya mau kulakan dikit")
	got := h.say(buyer1, "- bayam hijau 10 ikat\n- sayur asem paket 10\n- sayur sop paket 10\n- tahu putih 30")
	contains(t, "list", got, "Sayur Asem Paket 10 bungkus", "Sayur Sop Paket 10 bungkus", "Tahu Putih 30 biji")
	contains(t, "pickup", h.say(buyer1, "diambil aja, saya Mas Yoga, jam 8an"), "Ambil sendiri", "Atas nama: Mas Yoga", "jam 8an")

	h = newHarness(t)
	h.say(buyer1, "ikan tongkol 3 kg, cabe rawit merah 50rb")
	h.say(buyer1, "dianter ke Warung Bu Sri, Jl. Ahmad Yani no 45 samping bengkel")
	got = h.say(buyer1, "tongkolnya tambah 1 kg lagi jadi 4 ya bu. cabenya tetep 50rb")
	contains(t, "total said", got, "Ikan Tongkol 4 kg", "Rp50.000")
	if strings.Contains(got, "tidak ada di pasar") || strings.Contains(got, "mau berapa") {
		t.Fatalf("the change was not read:\n%s", got)
	}
}
