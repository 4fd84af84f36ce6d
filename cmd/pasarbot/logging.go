package main

import (
	"io"
	"os"
	"strings"

	"github.com/rs/zerolog"
	"golang.org/x/term"

	"pasarbot/bot/config"
)

// newLogger builds the process logger from the log section: level
// (trace … error) and format (console for people, json for log
// collectors). Libraries take it as a value (bot.NewEngine, store.Open …);
// there is no global logger. Phone numbers are masked by the code that logs them
// (bot.MaskPhone) at info level and above.
func newLogger(cfg *config.Config, w io.Writer) zerolog.Logger {
	level, err := zerolog.ParseLevel(strings.ToLower(cfg.Log.Level))
	if err != nil || level == zerolog.NoLevel {
		level = zerolog.InfoLevel // validated config never gets here
	}
	out := w
	if cfg.Log.Format != "json" {
		out = zerolog.ConsoleWriter{Out: w, TimeFormat: "15:04:05", NoColor: !isTerminal(w)}
	}
	return zerolog.New(out).Level(level).With().Timestamp().Logger()
}

// isTerminal reports whether w is an interactive terminal (colours help
// there and garble files).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
