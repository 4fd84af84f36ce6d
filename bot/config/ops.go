package config

import (
	"net"
	"net/url"
	"strconv"
	"time"
)

// Backup is the backup schedule.
type Backup struct {
	Dir  string `yaml:"dir"`
	At   string `yaml:"at"`
	Keep int    `yaml:"keep"`
}

// Ops is the local operations endpoint: health, metrics, operator page.
type Ops struct {
	Listen       string        `yaml:"listen"`
	Token        string        `yaml:"token"`
	OutboxMaxAge time.Duration `yaml:"outbox_max_age"`
}

// Webhook is one receiver of signed order events.
type Webhook struct {
	URL    string `yaml:"url"`
	Secret string `yaml:"secret"`
}

// ListenAddr is ops.listen with the host defaulted to 127.0.0.1: metrics
// and the operator page are for this machine unless the operator names
// another interface on purpose. "" when off.
func (o Ops) ListenAddr() string {
	if o.Listen == "" {
		return ""
	}
	host, port, err := net.SplitHostPort(o.Listen)
	if err != nil {
		return o.Listen
	}
	if host == "" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

func (c *Config) validateOps() error {
	if c.Backup.At != "" {
		if _, err := ParseClock(c.Backup.At); err != nil {
			return c.errAt("backup.at", "%v", err)
		}
	}
	if c.Backup.Keep < 1 || c.Backup.Keep > 1000 {
		return c.errAt("backup.keep", "must be between 1 and 1000")
	}
	if c.Backup.Dir == "" {
		return c.errAt("backup.dir", "must name a directory")
	}
	if c.Ops.Listen != "" {
		if _, _, err := net.SplitHostPort(c.Ops.Listen); err != nil {
			return c.errAt("ops.listen", "must be host:port or :port, not %q", c.Ops.Listen)
		}
	}
	if c.Ops.Token != "" && len(c.Ops.Token) < 16 {
		return c.errAt("ops.token", "must be at least 16 characters (it guards the operator page)")
	}
	if c.Ops.OutboxMaxAge <= 0 {
		return c.errAt("ops.outbox_max_age", "must be positive")
	}
	for i, w := range c.Webhooks {
		key := "webhooks[" + strconv.Itoa(i) + "]"
		u, err := url.Parse(w.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return c.errAt(key+".url", "must be an http(s) URL, not %q", w.URL)
		}
		if len(w.Secret) < 16 {
			return c.errAt(key+".secret", "must be at least 16 characters")
		}
	}
	return nil
}
