package catalog

import "errors"

// Errors a catalog operation reports; stores wrap them so callers can
// tell with errors.Is what went wrong and answer the user accordingly.
var (
	ErrUnknownProduct = errors.New("unknown product")
	ErrUnknownGroup   = errors.New("unknown seller group")
	ErrConflict       = errors.New("conflict")
	ErrInvalid        = errors.New("invalid")
)
