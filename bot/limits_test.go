package bot_test

import (
	"regexp"
	"strings"
	"testing"

	"pasarbot/bot/config"
)

// negativeRupiah finds a negative amount in any text the market sent.
var negativeRupiah = regexp.MustCompile(`-Rp|Rp-`)

func TestBuyerQuantityBound(t *testing.T) {
	t.Run("HugeQuantityRefused", func(t *testing.T) {
		h := newHarness(t)
		got := h.say(buyer1, "cabe rawit merah 375000000000 kg")
		if strings.HasPrefix(got, "Betul") {
			got = h.say(buyer1, "ya") // the parser asks first; the cart still refuses
		}
		if negativeRupiah.MatchString(got) {
			t.Fatalf("negative amount in reply:\n%s", got)
		}
		contains(t, "refusal", got, "paling banyak", "100")
		contains(t, "cart", h.say(buyer1, "cek"), "kosong")
	})
	t.Run("MergedLinesBounded", func(t *testing.T) {
		h := newHarness(t)
		h.say(buyer1, "tomat 60 kg")
		if got := h.say(buyer1, "ya"); got == "" {
			t.Fatal("no reply")
		}
		got := h.say(buyer1, "tomat 60 kg")
		if strings.HasPrefix(got, "Betul") {
			got = h.say(buyer1, "ya")
		}
		contains(t, "merged refusal", got, "paling banyak 100 kg")
	})
	t.Run("OrderTotalBounded", func(t *testing.T) {
		h := newHarness(t, func(c *config.Config) { c.Limits.MaxOrderTotal = 50000; c.Limits.MaxLineAmount = 50000 })
		h.say(buyer1, "tomat 2 kg")
		got := h.say(buyer1, "bawang merah 1 kg")
		contains(t, "order refusal", got, "Rp50.000")
	})
}
