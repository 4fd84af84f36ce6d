//go:build !unix

package ops

import "errors"

// freeBytes is not implemented off unix; pasarbot runs on Linux servers.
func freeBytes(string) (uint64, error) { return 0, errors.New("not supported on this system") }
