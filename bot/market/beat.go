package market

import "time"

// NoteFiring records that the scheduler fired at (for /healthz: a market
// whose cron stopped firing is unhealthy even though it answers messages).
func (m *Market) NoteFiring(at time.Time) { m.beat.Store(at.UnixNano()) }

// SchedulerBeat is the last firing, or when the market was opened.
func (m *Market) SchedulerBeat() time.Time { return time.Unix(0, m.beat.Load()) }
