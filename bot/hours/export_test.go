package hours

import (
	"github.com/robfig/cron/v3"
	"github.com/rs/zerolog"
)

// Internals exercised by the external tests.
var (
	JobChain       = jobChain
	LastActivation = lastActivation
)

func NewCronLogger(l zerolog.Logger) cron.Logger { return cronLogger{l} }
