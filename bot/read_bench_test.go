package bot

import (
	"testing"

	"github.com/rs/zerolog"

	"pasarbot/bot/parse"
	"pasarbot/catalog"
)

// defaultCatalogEngine is an engine over the default catalog with no
// store: for reading messages without a transaction.
func defaultCatalogEngine(tb testing.TB, set Settings) *Engine {
	tb.Helper()
	e := NewEngine(set, nil, zerolog.Nop())
	ps, err := catalog.Default()
	if err != nil {
		tb.Fatal(err)
	}
	e.products, e.bySKU = ps, map[string]catalog.Product{}
	for _, p := range ps {
		e.bySKU[p.SKU] = p
	}
	e.index = catalog.NewIndex(ps)
	e.parser = parse.New(e.index)
	e.catalogDirty = false
	return e
}

// BenchmarkReadBuyer reads typical buyer messages in the cart state: the
// reader's cost per message on top of the parser's.
func BenchmarkReadBuyer(b *testing.B) {
	e := defaultCatalogEngine(b, Settings{SelfPickup: true})
	msgs := []string{
		"mbak, cabe rawit merah 1/4 sama ayam potong 1 ekor ya",
		"tomat 1 kg, kangkung 2 ikat, antar ke Jl. Melati 5 Langkai atas nama Bu Rina",
		"eh keliru, ayamnya 2",
		"udah itu aja",
		"ongkir ke menteng berapa?",
	}
	c := &Conversation{State: StateCart}
	c.Cart = []CartLine{{SKU: "ayam-potong", Name: "Ayam Potong", Unit: "ekor", Qty: 1000}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.readBuyer(c, Inbound{Kind: KindText, Text: msgs[i%len(msgs)]})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}
