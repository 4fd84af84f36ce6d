package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// isForeignKeyViolation tells a foreign key failure on either database.
func isForeignKeyViolation(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23503" // foreign_key_violation
	}
	return strings.Contains(err.Error(), "FOREIGN KEY") // SQLite: "FOREIGN KEY constraint failed"
}
