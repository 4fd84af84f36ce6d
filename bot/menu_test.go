package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"pasarbot/bot"
	"pasarbot/bot/config"
	"pasarbot/catalog"
)

func menuCatalog(tb testing.TB) []catalog.Product {
	tb.Helper()
	ps, err := catalog.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return ps
}

func menuGroups() []catalog.SellerGroup {
	var gs []catalog.SellerGroup
	for _, id := range catalog.DefaultGroupIDs {
		gs = append(gs, catalog.SellerGroup{ID: id, Name: "Kelompok " + id})
	}
	return gs
}

func TestMenuText(t *testing.T) {
	ps := menuCatalog(t)
	gs := menuGroups()
	t.Run("OKPages", func(t *testing.T) {
		text, pages := bot.MenuText("id", ps, gs, 1)
		if pages < 2 {
			t.Fatalf("%d pages for %d products, want several", pages, len(ps))
		}
		if !strings.HasPrefix(text, fmt.Sprintf("*Daftar Harga Hari Ini* (1/%d)\n", pages)) {
			t.Errorf("page 1 starts %q", strings.SplitN(text, "\n", 2)[0])
		}
		if !strings.Contains(text, "ketik *menu 2*") && !strings.Contains(text, "Ketik *menu 2*") {
			t.Errorf("page 1 does not point to page 2:\n%s", text)
		}
		if !strings.Contains(text, "\n*Sayur*\n") || !strings.Contains(text, "• Kangkung Rp4.000/ikat\n") {
			t.Errorf("page 1:\n%s", text)
		}
		seen := map[string]int{}
		for p := 1; p <= pages; p++ {
			text, _ := bot.MenuText("id", ps, gs, p)
			lines := 0
			for _, l := range strings.Split(text, "\n") {
				if strings.HasPrefix(l, "• ") {
					seen[l]++
					lines++
				}
				if strings.HasPrefix(l, "*") && strings.HasSuffix(l, "*") && !strings.HasPrefix(l, "*Daftar") {
					lines++
				}
			}
			if lines > 25 {
				t.Errorf("page %d has %d lines", p, lines)
			}
			if p == pages && strings.Contains(text, fmt.Sprintf("menu %d", p+1)) {
				t.Errorf("last page points further")
			}
		}
		if got, want := len(seen), len(ps); got != want {
			t.Errorf("%d distinct product lines over all pages, want %d", got, want)
		}
		for l, n := range seen {
			if n != 1 {
				t.Errorf("%q shown %d times", l, n)
			}
		}
	})
	t.Run("OKHabisMarked", func(t *testing.T) {
		found := false
		for p := 1; ; p++ {
			text, pages := bot.MenuText("id", ps, gs, p)
			if strings.Contains(text, "• ~Durian Medan~ _habis_") {
				found = true
			}
			if p >= pages {
				break
			}
		}
		if !found {
			t.Error("the sold-out durian is not marked habis")
		}
	})
	t.Run("OKContinuedHeader", func(t *testing.T) {
		text, _ := bot.MenuText("id", ps, gs, 2)
		first := ""
		for _, l := range strings.Split(text, "\n")[1:] {
			if l != "" {
				first = l
				break
			}
		}
		if !strings.HasPrefix(first, "*") {
			t.Errorf("page 2 starts with %q, want a category header", first)
		}
	})
	t.Run("OKOutOfRange", func(t *testing.T) {
		last, pages := bot.MenuText("id", ps, gs, 99)
		want, _ := bot.MenuText("id", ps, gs, pages)
		if last != want {
			t.Error("page 99 is not the last page")
		}
		first, _ := bot.MenuText("id", ps, gs, 0)
		want, _ = bot.MenuText("id", ps, gs, 1)
		if first != want {
			t.Error("page 0 is not the first page")
		}
	})
	t.Run("OKOnePage", func(t *testing.T) {
		text, pages := bot.MenuText("id", ps[:3], nil, 1)
		if pages != 1 || strings.Contains(text, "menu 2") || !strings.HasPrefix(text, "*Daftar Harga Hari Ini*\n") {
			t.Errorf("pages = %d:\n%s", pages, text)
		}
	})
	t.Run("OKEmpty", func(t *testing.T) {
		if text, pages := bot.MenuText("id", nil, nil, 1); pages != 1 || text == "" {
			t.Errorf("empty catalog: %q, %d", text, pages)
		}
	})
	t.Run("OKGroupOrder", func(t *testing.T) {
		rev := append([]catalog.SellerGroup(nil), gs...)
		for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
			rev[i], rev[j] = rev[j], rev[i]
		}
		text, _ := bot.MenuText("id", ps, rev, 1)
		if !strings.Contains(text, "\n*Jasa*\n") {
			t.Errorf("with jasa first, page 1 does not start with it:\n%s", text)
		}
	})
	t.Run("OKMinimumShown", func(t *testing.T) {
		all := ""
		for p := 1; p <= 10; p++ {
			text, _ := bot.MenuText("id", ps, gs, p)
			all += text
		}
		if !strings.Contains(all, "• Beras SPHP Rp12.500/kg (min 5 kg)") {
			t.Error("the 5 kg minimum of beras SPHP is not shown")
		}
	})
}

func TestPriceText(t *testing.T) {
	ix := catalog.NewIndex(menuCatalog(t))
	t.Run("OKOne", func(t *testing.T) {
		if got, want := bot.PriceText("id", ix.Match("cabe rawit merah")), "Cabai Rawit Merah Rp40.000/kg"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		if got, want := bot.PriceText("id", ix.Match("bwang merah")), "Bawang Merah Rp45.000/kg"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("OKSeveral", func(t *testing.T) {
		got := bot.PriceText("id", ix.Match("cabe rawit"))
		for _, want := range []string{"Cabai Rawit Merah Rp40.000/kg", "Cabai Rawit Hijau Rp35.000/kg", "Yang mana"} {
			if !strings.Contains(got, want) {
				t.Errorf("%q lacks %q", got, want)
			}
		}
	})
	t.Run("OKLong", func(t *testing.T) {
		got := bot.PriceText("id", ix.Match("ikan"))
		if n := strings.Count(got, "• "); n > 6 {
			t.Errorf("%d lines:\n%s", n, got)
		}
	})
	t.Run("OKHabis", func(t *testing.T) {
		if got, want := bot.PriceText("id", ix.Match("durian")), "~Durian Medan~ _habis_"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("OKNone", func(t *testing.T) {
		if got := bot.PriceText("id", nil); !strings.Contains(got, "*menu*") {
			t.Errorf("got %q", got)
		}
	})
}

func TestCategoryText(t *testing.T) {
	ps := menuCatalog(t)
	t.Run("OK", func(t *testing.T) {
		got := bot.CategoryText("id", ps, "ikan")
		if !strings.HasPrefix(got, "*Ikan* hari ini:\n") || !strings.Contains(got, "• Ikan Tongkol Rp50.000/kg\n") || strings.Contains(got, "Kangkung") {
			t.Errorf("got:\n%s", got)
		}
	})
	t.Run("OKPartialWords", func(t *testing.T) {
		got := bot.CategoryText("id", ps, "daging")
		if !strings.HasPrefix(got, "*Daging & Ayam* hari ini:") || !strings.Contains(got, "Ayam Potong Rp45.000/ekor") {
			t.Errorf("got:\n%s", got)
		}
	})
	t.Run("OKReduplication", func(t *testing.T) {
		if got := bot.CategoryText("id", ps, "sayur-sayuran"); !strings.HasPrefix(got, "*Sayur* hari ini:") {
			t.Errorf("got:\n%s", got)
		}
	})
	t.Run("OKLongCut", func(t *testing.T) {
		got := bot.CategoryText("id", ps, "sayur")
		if n := strings.Count(got, "• "); n > 25 || !strings.Contains(got, "lagi, ketik *menu*") {
			t.Errorf("%d lines:\n%s", n, got)
		}
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		if got := bot.CategoryText("id", ps, "elektronik"); !strings.HasPrefix(got, "Maaf, belum ada elektronik") {
			t.Errorf("got %q", got)
		}
	})
}

func TestCanSetPrice(t *testing.T) {
	g := catalog.SellerGroup{ID: "ikan", Name: "Ikan", Leaders: []string{"6282200000003"}, Members: []catalog.Member{{Phone: "6282200000013"}}}
	tongkol := catalog.Product{SKU: "ikan-tongkol", Group: "ikan"}
	tomat := catalog.Product{SKU: "tomat", Group: "sayur"}
	t.Run("OK", func(t *testing.T) {
		if !bot.CanSetPrice(g, "6282200000003", tongkol) || !bot.CanSetPrice(g, "0822-0000-0003", tongkol) {
			t.Error("the leader may not set the price")
		}
	})
	t.Run("ErrNotLeader", func(t *testing.T) {
		if bot.CanSetPrice(g, "6282200000013", tongkol) || bot.CanSetPrice(g, "", tongkol) {
			t.Error("a member may set the price")
		}
	})
	t.Run("ErrOtherGroup", func(t *testing.T) {
		if bot.CanSetPrice(g, "6282200000003", tomat) {
			t.Error("the ikan leader may set the tomato price")
		}
	})
}

// TestMenuEnglish: a market with `language: en` gets the price list, price
// answers and category lists in English, with no Indonesian frame left.
func TestMenuEnglish(t *testing.T) {
	ps := menuCatalog(t)
	gs := menuGroups()
	indonesian := []string{"Daftar Harga", "Ketik", "Mau pesan", "lanjutan", "_habis_", "hari ini", "Maaf", "Yang mana", "…dan "}
	noIndonesian := func(what, got string) {
		t.Helper()
		for _, w := range indonesian {
			if strings.Contains(got, w) {
				t.Errorf("%s has %q:\n%s", what, w, got)
			}
		}
	}
	first, pages := bot.MenuText("en", ps, gs, 1)
	contains(t, "menu page 1", first, fmt.Sprintf("*Today's Prices* (1/%d)", pages), "Type *menu 2* for the next page.")
	noIndonesian("menu page 1", first)
	for p := 2; p <= pages; p++ {
		page, _ := bot.MenuText("en", ps, gs, p)
		noIndonesian(fmt.Sprintf("menu page %d", p), page)
	}
	last, _ := bot.MenuText("en", ps, gs, pages)
	contains(t, "last page", last, "Want to order?")
	empty, _ := bot.MenuText("en", nil, nil, 1)
	contains(t, "no list", empty, "no price list yet")

	sold := []catalog.Product{{SKU: "durian", Name: "Durian Medan", Unit: "kg", Price: 50000, Category: "buah"}}
	contains(t, "sold out", bot.PriceText("en", []catalog.Candidate{{Product: &sold[0], Score: 1, Exact: true}}), "~Durian Medan~ _sold out_")
	ix := catalog.NewIndex(ps)
	several := bot.PriceText("en", ix.Match("cabe rawit"))
	contains(t, "several", several, "Several match:", "Which one?")
	noIndonesian("several", several)
	contains(t, "unknown", bot.PriceText("en", nil), "isn't on our list")

	fish := bot.CategoryText("en", ps, "ikan")
	contains(t, "category", fish, "today:", "Want to order?")
	noIndonesian("category", fish)
	contains(t, "no category", bot.CategoryText("en", ps, "elektronik"), "Sorry, there is no elektronik")
}

// TestMenuEnglishInChat: the engine passes the market's language.
func TestMenuEnglishInChat(t *testing.T) {
	h := newHarness(t, func(c *config.Config) { c.Market.Language = "en" })
	contains(t, "menu", h.say(buyer1, "menu"), "*Today's Prices*")
}
