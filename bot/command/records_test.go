package command_test

import (
	"slices"
	"strings"
	"testing"

	"pasarbot/bot/command"
)

var parties = []command.Party{command.Admin, command.Leader, command.Courier}

// TestHelpListsEveryRecord keeps the help texts and the records in sync:
// each party's help is its title, then every record's usage lines once,
// and nothing else.
func TestHelpListsEveryRecord(t *testing.T) {
	for _, p := range parties {
		for _, lang := range []string{"id", "en"} {
			got := strings.Split(command.Help(p, lang), "\n")[1:]
			var want []string
			for _, s := range command.Specs(p) {
				u := s.Usage[0]
				if lang == "en" {
					u = s.Usage[1]
				}
				want = append(want, strings.Split(u, "\n")...)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Help(%s, %s):\n%s\nwant the records' lines:\n%s", p, lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
	if h := command.Help(command.Admin, "id"); !strings.Contains(h, "*BALAS 0812xxxx teks*") {
		t.Errorf("ADMIN BANTUAN lacks BALAS:\n%s", h)
	}
}

// TestUsageExamplesRead: every example in a help line (the bold part),
// with its placeholders filled, reads back as that record's command
// through its party's reader, in both languages.
func TestUsageExamplesRead(t *testing.T) {
	fill := strings.NewReplacer("0812xxxx", "081234567890", " teks", " halo semua", " text", " halo semua", " alasan", " ban bocor", " reason", " ban bocor", " Name ", " Joko ")
	for _, s := range specAll() {
		for i, u := range s.Usage {
			if u == "" {
				t.Errorf("%s: no usage in language %d", s.Kind, i)
			}
			for _, line := range strings.Split(u, "\n") {
				ex, _, ok := strings.Cut(strings.TrimPrefix(line, "*"), "* —")
				if !ok {
					t.Errorf("%s: usage line %q is not \"*EXAMPLE* — what it does\"", s.Kind, line)
					continue
				}
				ex = fill.Replace(ex)
				if got := readAs(s.Party, ex); got != s.Kind {
					t.Errorf("%s: example %q reads as %q", s.Kind, ex, got)
				}
			}
		}
	}
}

func specAll() []command.Spec {
	var all []command.Spec
	for _, p := range parties {
		all = append(all, command.Specs(p)...)
	}
	return all
}

// readAs is the kind the party's reader gives text ("" for none).
func readAs(p command.Party, text string) command.Kind {
	switch p {
	case command.Admin:
		c, _ := command.ParseAdmin(text)
		return c.Kind
	case command.Leader:
		c, _ := command.ParseLeader(text)
		return c.Kind
	case command.Courier:
		c, _ := command.ParseCourier(text)
		return c.Kind
	}
	return ""
}

// TestNamesAndAliasesRead: every name and alias of a record reads as it.
func TestNamesAndAliasesRead(t *testing.T) {
	args := map[command.Party]string{command.Leader: " A7K2", command.Courier: " A7K2"}
	for _, s := range specAll() {
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			text := n + args[s.Party]
			switch s.Kind {
			case command.PriceSet:
				text = n + " cabe 60000"
			case command.PriceSoldOut, command.PriceBackIn:
				text = n + " tongkol"
			case command.LeaderHelp, command.CourierHelp, command.Rekap:
				text = n
			}
			if s.Party == command.Admin {
				continue // arguments differ per command: TestParse covers them
			}
			if got := readAs(s.Party, text); got != s.Kind {
				t.Errorf("%q reads as %q, want %s", text, got, s.Kind)
			}
		}
	}
}

// TestMarked: the words that mark a group message as meant for the bot
// are the first words of the marker records, and only those.
func TestMarked(t *testing.T) {
	for _, in := range []string{"harga cabe?", "HABIS", "ada", "ok", "tolak dong", "ambil"} {
		if !command.Marked(in) {
			t.Errorf("Marked(%q) = false", in)
		}
	}
	for _, in := range []string{"", "halo", "selesai", "pesan", "rekap", "ready", "kosong", "oke", "bantuan"} {
		if command.Marked(in) {
			t.Errorf("Marked(%q) = true", in)
		}
	}
}

// TestHelpRequest: the one-word help reads in the groups, not inside a
// sentence.
func TestHelpRequest(t *testing.T) {
	for _, in := range []string{"bantuan", "BANTUAN!", "*help*", " Bantuan "} {
		if c, ok := command.ParseLeader(in); !ok || c.Kind != command.LeaderHelp {
			t.Errorf("ParseLeader(%q) = %+v, %v", in, c, ok)
		}
		if c, ok := command.ParseCourier(in); !ok || c.Kind != command.CourierHelp {
			t.Errorf("ParseCourier(%q) = %+v, %v", in, c, ok)
		}
	}
	for _, in := range []string{"bantuan dong", "minta bantuan", "admin bantuan"} {
		if c, ok := command.ParseLeader(in); ok {
			t.Errorf("ParseLeader(%q) = %+v", in, c)
		}
		if c, ok := command.ParseCourier(in); ok {
			t.Errorf("ParseCourier(%q) = %+v", in, c)
		}
	}
}
