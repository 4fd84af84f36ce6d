package bot

import (
	"reflect"
	"testing"
	"time"

	"pasarbot/catalog"
)

// aConversation has every kind of field a conversation holds filled in.
func aConversation() *Conversation {
	c := &Conversation{Chat: "62811@s.whatsapp.net", State: StateClarify, UpdatedAt: time.Date(2026, 11, 25, 7, 0, 0, 0, time.FixedZone("WIB", 7*3600))}
	c.Phone = "62811"
	c.Cart = []CartLine{{SKU: "tomat", Name: "Tomat", Unit: "kg", Qty: 250, Price: 12000}, {SKU: "cabe", Qty: catalog.Whole(1)}}
	c.Pin = &Location{Lat: -6.2, Lng: 106.8}
	c.Questions = []Question{{Kind: "missing_qty", Choices: []string{"a", "b"}, Said: "telur"}}
	return c
}

// A deep copy is equal to the original and shares nothing with it that a
// change could reach.
func TestDeepCopyConversation(t *testing.T) {
	orig := aConversation()
	cp := deepCopy(orig)
	if !reflect.DeepEqual(orig, cp) || cp == orig {
		t.Fatalf("copy %+v differs from %+v", cp, orig)
	}
	cp.Cart[0].Qty = 1
	cp.Cart = append(cp.Cart, CartLine{SKU: "x"})
	cp.Pin.Lat = 0
	cp.Questions[0].Choices[0] = "z"
	cp.Phone = "other"
	if want := aConversation(); !reflect.DeepEqual(orig, want) {
		t.Fatalf("changing the copy changed the original: %+v", orig)
	}
	var empty *Conversation
	if deepCopy(empty) != nil {
		t.Fatal("a nil conversation copied to non-nil")
	}
}

func BenchmarkDeepCopyConversation(b *testing.B) {
	c := aConversation()
	b.ReportAllocs()
	for b.Loop() {
		deepCopy(c)
	}
}
