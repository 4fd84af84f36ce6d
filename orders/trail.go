package orders

import (
	"sort"
	"time"
)

// TrailEntry is one thing that happened to an order, from any of its
// records (status changes, offers, the courier job, payment, complaints,
// ratings, refunds), for `pasarbot audit` and `orders --json`.
type TrailEntry struct {
	At    time.Time `json:"at"`
	Kind  string    `json:"kind"`            // status, offer, courier, payment, refund, complaint, rating
	Group string    `json:"group,omitempty"` // the seller group, when it concerns one
	Actor string    `json:"actor"`           // phone, "buyer", "system", "gateway:…"
	Text  string    `json:"text"`
}

// SortTrail orders entries by time, keeping the order of equal times (each
// source is already in its own order).
func SortTrail(es []TrailEntry) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].At.Before(es[j].At) })
}
