package config

import (
	"regexp"
	"strings"
)

// postgresSchema is what a market's PostgreSQL schema may be called: a
// plain lower-case identifier, never needing quotes (the store checks the
// same when it opens the schema).
var postgresSchema = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// validateDatabase checks the database section: a SQLite path, or a
// PostgreSQL URL with the market's schema.
func (c *Config) validateDatabase() error {
	d := c.Database
	if !d.OnPostgres() {
		if strings.TrimSpace(d.Path) == "" {
			return c.errAt("database.path", "must not be empty")
		}
		if d.Schema != "" {
			return c.errAt("database.schema", "is for PostgreSQL only (database.postgres is not set)")
		}
		return nil
	}
	if !strings.HasPrefix(d.Postgres, "postgres://") && !strings.HasPrefix(d.Postgres, "postgresql://") {
		return c.errAt("database.postgres", "must be a postgres:// URL")
	}
	if !postgresSchema.MatchString(d.Schema) {
		return c.errAt("database.schema", "must name the market's PostgreSQL schema: lower-case letters, digits and _, not starting with a digit (got %q)", d.Schema)
	}
	return nil
}
