package whatsapp

import (
	"fmt"
	"regexp"

	"github.com/rs/zerolog"
	waLog "go.mau.fi/whatsmeow/util/log"

	"pasarbot/bot"
)

// waLogger feeds whatsmeow's printf-style logging into zerolog. whatsmeow
// writes JIDs (phone numbers) into its messages; at info level and above
// they are masked like everything else pasarbot logs. Debug keeps them, for
// the operator who turns debug on to chase a delivery problem.
type waLogger struct {
	log    zerolog.Logger
	module string
}

// newWALogger returns a whatsmeow logger writing to log with a
// "module": "whatsmeow/<module>" field.
func newWALogger(log zerolog.Logger, module string) waLog.Logger {
	module = "whatsmeow/" + module
	return &waLogger{log: log.With().Str("module", module).Logger(), module: module}
}

func (l *waLogger) Errorf(msg string, args ...any) { l.write(zerolog.ErrorLevel, msg, args) }
func (l *waLogger) Warnf(msg string, args ...any)  { l.write(zerolog.WarnLevel, msg, args) }
func (l *waLogger) Infof(msg string, args ...any)  { l.write(zerolog.InfoLevel, msg, args) }
func (l *waLogger) Debugf(msg string, args ...any) { l.write(zerolog.DebugLevel, msg, args) }

// Sub names a part of whatsmeow ("Client/Socket"), as its own loggers do.
func (l *waLogger) Sub(module string) waLog.Logger {
	module = l.module + "/" + module
	return &waLogger{log: l.log.With().Str("module", module).Logger(), module: module}
}

func (l *waLogger) write(level zerolog.Level, msg string, args []any) {
	e := l.log.WithLevel(level)
	if e == nil { // level disabled: skip formatting
		return
	}
	text := fmt.Sprintf(msg, args...)
	if level >= zerolog.InfoLevel {
		text = maskJIDs(text)
	}
	e.Msg(text)
}

// personJID matches the user part of a person's JID in free text:
// digits, an optional agent/device suffix, and a personal server.
var personJID = regexp.MustCompile(`\b\d{5,}(?:\.\d+)?(?::\d+)?@(?:s\.whatsapp\.net|c\.us|lid|hosted\.lid|hosted)\b`)

// maskJIDs masks every personal JID in a log line.
func maskJIDs(s string) string {
	return personJID.ReplaceAllStringFunc(s, bot.MaskPhone)
}
