package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"pasarbot/bot/config"
)

func TestNewLogger(t *testing.T) {
	t.Run("JSON", func(t *testing.T) {
		cfg := config.Default()
		cfg.Log.Level, cfg.Log.Format = "warn", "json"
		var buf bytes.Buffer
		log := newLogger(cfg, &buf)
		log.Info().Msg("hidden")
		log.Warn().Str("chat", "62812****7001@s.whatsapp.net").Msg("shown")
		lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
		if len(lines) != 1 {
			t.Fatalf("got %d lines: %q", len(lines), buf.String())
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
			t.Fatalf("not JSON: %v: %s", err, lines[0])
		}
		if rec["message"] != "shown" || rec["level"] != "warn" || rec["chat"] == nil || rec["time"] == nil {
			t.Errorf("record %v", rec)
		}
	})
	t.Run("Console", func(t *testing.T) {
		cfg := config.Default()
		cfg.Log.Level, cfg.Log.Format = "debug", "console"
		var buf bytes.Buffer
		log := newLogger(cfg, &buf)
		log.Debug().Str("message_id", "3EB0X").Msg("sent")
		out := buf.String()
		if !strings.Contains(out, "sent") || !strings.Contains(out, "message_id=3EB0X") || strings.Contains(out, "\x1b[") {
			t.Errorf("console line %q (want readable, uncoloured into a buffer)", out)
		}
	})
	t.Run("Trace", func(t *testing.T) {
		cfg := config.Default()
		cfg.Log.Level = "TRACE"
		var buf bytes.Buffer
		log := newLogger(cfg, &buf)
		log.Trace().Msg("deep")
		if !strings.Contains(buf.String(), "deep") {
			t.Error("trace level not honoured")
		}
	})
}
