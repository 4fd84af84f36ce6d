package market_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"pasarbot/bot/config"
	"pasarbot/bot/sim"
)

// Each market's daily report goes to its own admins at its own report
// time in its own time zone, never to another market's admins.
func TestDailyReportPerMarketToItsOwnAdmins(t *testing.T) {
	shared := strings.NewReplacer("  id: kahayan\n", "", "  path: pasarbot.db\n", "").Replace(string(config.Example))
	yaml := shared + "data_dir: " + t.TempDir() + "\nmarkets:\n" +
		"  - market: {id: kahayan, timezone: Asia/Jakarta}\n    admins: [\"0811-0000-0101\"]\n" +
		"  - market: {id: besar, timezone: Asia/Makassar}\n    admins: [\"0811-0000-0202\"]\n    hours: {report_at: \"19:00\"}\n"
	dep, err := config.ParseDeployment("two.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	admins := map[string]string{"kahayan": "6281100000101", "besar": "6281100000202"}
	for _, cfg := range dep.Markets {
		t.Run(cfg.Market.ID, func(t *testing.T) {
			rec := sim.NewRecorder()
			loc := cfg.Location()
			m, err := sim.NewMarket(ctx, sim.Options{Config: cfg, DBPath: cfg.Database.Path, Messenger: rec,
				Start: time.Date(2026, 11, 25, 18, 0, 0, 0, loc), Log: zerolog.Nop()})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			rec.SetClock(m.Now)
			if err := m.AdvanceTo(ctx, time.Date(2026, 11, 25, 21, 0, 0, 0, loc)); err != nil {
				t.Fatal(err)
			}
			var to []string
			for _, e := range rec.Since(0) {
				if e.Kind == sim.EntryOut && strings.Contains(e.Text, "Laporan harian") {
					to = append(to, e.Chat)
					if want := cfg.Hours.ReportAt; e.At.In(loc).Format("15:04") != want {
						t.Errorf("report at %s, want %s %s", e.At.In(loc).Format("15:04"), want, loc)
					}
				}
			}
			if got, want := strings.Join(to, ","), sim.DirectChat(admins[cfg.Market.ID]); got != want {
				t.Errorf("daily report went to %q, want %q", got, want)
			}
		})
	}
}
