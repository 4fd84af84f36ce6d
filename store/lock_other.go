//go:build !unix

package store

import "os"

// lockFile is a no-op where flock(2) does not exist; pasarbot runs on
// Linux servers, where lock_unix.go applies.
func lockFile(string) (*os.File, error) { return nil, nil }
