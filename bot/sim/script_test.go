package sim_test

import (
	"strings"
	"testing"
	"time"

	"pasarbot/bot/sim"
)

func TestParse(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		src := "# a market morning\n" +
			"\n" +
			"@clock 2026-11-25 06:30\n" +
			"0812-3456-7001: mbak, cabe rawit 1/4\n" +
			"  sama ayam 1 ekor\n" +
			"  \n" +
			"  itu aja\n" +
			"sayur/6282200000001: OK $LAST\n" +
			"@advance 1h30m\n" +
			"@expect 6281234567001 ~ Rp\n" +
			"@expect sayur = Pesanan\n" +
			"  baris dua\n" +
			"@expect-not kurir ~ $LAST\n" +
			"@clock 07:00\n"
		s, err := sim.Parse("s.txt", strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(s.Steps), 9; got != want {
			t.Fatalf("steps = %d, want %d: %+v", got, want, s.Steps)
		}
		c := s.Steps[0]
		if c.Op != sim.OpComment || c.Text != "a market morning" || c.Line != 1 {
			t.Errorf("comment = %+v", c)
		}
		clk := s.Steps[1]
		if want := (sim.Wall{Year: 2026, Month: time.November, Day: 25, Hour: 6, Minute: 30, Date: true}); clk.Op != sim.OpClock || clk.Wall != want || clk.Line != 3 {
			t.Errorf("clock = %+v", clk)
		}
		m := s.Steps[2]
		if m.Op != sim.OpSend || m.From != "6281234567001" || m.Group != "" || m.Text != "mbak, cabe rawit 1/4\nsama ayam 1 ekor\n\nitu aja" || m.Line != 4 {
			t.Errorf("message = %+v", m)
		}
		g := s.Steps[3]
		if g.Op != sim.OpSend || g.Group != "sayur" || g.From != "6282200000001" || g.Text != "OK $LAST" || g.Line != 8 {
			t.Errorf("group message = %+v", g)
		}
		if a := s.Steps[4]; a.Op != sim.OpAdvance || a.Advance != 90*time.Minute {
			t.Errorf("advance = %+v", a)
		}
		if e := s.Steps[5]; e.Op != sim.OpExpect || e.Chat != "6281234567001" || e.Text != "Rp" || e.Exact || e.Negate {
			t.Errorf("expect = %+v", e)
		}
		if e := s.Steps[6]; e.Chat != "sayur" || !e.Exact || e.Text != "Pesanan\nbaris dua" {
			t.Errorf("expect exact = %+v", e)
		}
		if e := s.Steps[7]; e.Chat != "kurir" || !e.Negate || e.Text != "$LAST" {
			t.Errorf("expect-not = %+v", e)
		}
		if c := s.Steps[8]; c.Op != sim.OpClock || c.Wall.Date || c.Wall.Hour != 7 {
			t.Errorf("clock without date = %+v", c)
		}
		if w, ok := s.Start(); !ok || w.Day != 25 {
			t.Errorf("Start() = %+v, %v", w, ok)
		}
	})

	for _, tt := range []struct {
		name, src, want string
	}{
		{"ErrUnknownDirective", "# x\n@foo bar\n", "s.txt:2: unknown directive @foo"},
		{"ErrBadClock", "@clock 25-11-2026 06:30\n", "s.txt:1: @clock wants"},
		{"ErrBadAdvance", "\n\n@advance soon\n", "s.txt:3: @advance wants a positive duration"},
		{"ErrNegativeAdvance", "@advance -5m\n", "s.txt:1: @advance wants a positive duration"},
		{"ErrNotAPhone", "budi: halo\n", `s.txt:1: "budi" is not a phone number`},
		{"ErrNoColon", "halo semua\n", "s.txt:1: expected \"PHONE: text\""},
		{"ErrEmptyMessage", "6281234567001:   \n", "s.txt:1: empty message"},
		{"ErrBadGroup", "sa yur/6282200000001: OK\n", `s.txt:1: "sa yur" is not a group name`},
		{"ErrOrphanContinuation", "@advance 5m\n  lanjut\n", "s.txt:2: continuation line without a message"},
		{"ErrContinuationAfterBlank", "6281234567001: a\n\n  b\n", "s.txt:3: continuation line"},
		{"ErrExpectNoOperator", "@expect 6281234567001 Rp\n", "s.txt:1: @expect wants"},
		{"ErrExpectEmpty", "@expect sayur ~\n", "s.txt:1: @expect sayur: empty text"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sim.Parse("s.txt", strings.NewReader(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}

	t.Run("NoStart", func(t *testing.T) {
		s, err := sim.Parse("s.txt", strings.NewReader("6281234567001: halo\n@clock 2026-11-25 06:30\n"))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := s.Start(); ok {
			t.Error("Start() found a clock after the first message")
		}
	})
}

func TestWallIn(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Jakarta")
	base := time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC) // 06:30 on the 25th in Jakarta
	if got, want := (sim.Wall{Hour: 7}).In(loc, base), time.Date(2026, 11, 25, 7, 0, 0, 0, loc); !got.Equal(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
