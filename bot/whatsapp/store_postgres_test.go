package whatsapp_test

import (
	"context"
	"testing"

	"github.com/rs/zerolog"

	"pasarbot/bot/whatsapp"
	"pasarbot/store"
	"pasarbot/store/storetest"
)

// On PostgreSQL the device store's tables live in the market's schema,
// beside the market's own, and nowhere else.
func TestOpenDeviceStoreOnPostgres(t *testing.T) {
	ctx := context.Background()
	market := storetest.Open(t)
	url := storetest.URL(t)
	for round := 1; round <= 2; round++ { // the second opens the upgraded tables
		pool, err := store.PostgresPool(url, market.Schema)
		if err != nil {
			t.Fatal(err)
		}
		dev, err := whatsapp.OpenDeviceStoreOn(ctx, pool, "schema "+market.Schema, zerolog.Nop())
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if dev.Paired() {
			t.Errorf("round %d: a new device store is paired as %q", round, dev.JID())
		}
		if err := dev.Close(); err != nil {
			t.Fatal(err)
		}
	}
	inSchema, elsewhere := storetest.Tables(t, url, market.Schema, "whatsmeow")
	if inSchema < 5 || elsewhere != 0 {
		t.Errorf("whatsmeow tables: %d in the market's schema, %d elsewhere; want them all in the schema", inSchema, elsewhere)
	}
}
