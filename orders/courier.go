package orders

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// Courier is a registered ojol driver.
type Courier struct {
	Phone  string // normalized 62812…
	Name   string
	Plate  string
	Active bool
}

// JobStatus is a courier job's place in its lifecycle.
type JobStatus string

const (
	JobOpen      JobStatus = "open"      // in the courier group, unclaimed
	JobClaimed   JobStatus = "claimed"   // a courier took it
	JobPickedUp  JobStatus = "picked_up" // goods collected from every stall
	JobDelivered JobStatus = "delivered" // handed over, COD collected
	JobCancelled JobStatus = "cancelled"
)

var jobTransitions = map[JobStatus][]JobStatus{
	JobOpen:      {JobClaimed, JobCancelled},
	JobClaimed:   {JobPickedUp, JobOpen, JobCancelled}, // back to open: BATAL AMBIL
	JobPickedUp:  {JobDelivered},
	JobDelivered: {},
	JobCancelled: {},
}

// PaymentMode says who pays the stall.
type PaymentMode string

const (
	Talangan PaymentMode = "talangan" // courier pays at pickup, collects it back as COD
	Prepaid  PaymentMode = "prepaid"  // stalls already paid; courier collects COD for the market
)

// Job is the delivery of one order, with one pickup per seller group.
type Job struct {
	Order       string
	Status      JobStatus
	Courier     string // phone of the claiming courier
	Ongkir      int64  // what the courier earns
	COD         int64  // what the courier collects from the buyer
	Mode        PaymentMode
	Pins        map[string]string // seller group → pickup PIN
	Broadcasts  int
	CreatedAt   time.Time
	ClaimedAt   time.Time
	PickedAt    time.Time
	DeliveredAt time.Time
}

// Move changes the job's status, enforcing the table.
func (j *Job) Move(to JobStatus, at time.Time) error {
	for _, s := range jobTransitions[j.Status] {
		if s == to {
			j.Status = to
			switch to {
			case JobClaimed:
				j.ClaimedAt = at
			case JobPickedUp:
				j.PickedAt = at
			case JobDelivered:
				j.DeliveredAt = at
			case JobOpen:
				j.Courier = ""
				j.ClaimedAt = time.Time{}
			}
			return nil
		}
	}
	return fmt.Errorf("job %s: illegal status change %s → %s", j.Order, j.Status, to)
}

// NewPickupPIN draws a 4-digit pickup PIN uniformly from crypto/rand. A
// PIN is drawn for each claim and stored with the job: known PINs of other
// jobs or groups say nothing about it, and a courier who gave a job back
// holds a PIN that no longer opens anything.
func NewPickupPIN() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(10000))
	if err != nil {
		return "", fmt.Errorf("pickup pin: %w", err)
	}
	return fmt.Sprintf("%04d", n.Int64()), nil
}

// JobTable renders the courier job transitions for `pasarbot states`.
func JobTable() string {
	order := []JobStatus{JobOpen, JobClaimed, JobPickedUp, JobDelivered, JobCancelled}
	var b strings.Builder
	for _, s := range order {
		var tos []string
		for _, t := range jobTransitions[s] {
			tos = append(tos, string(t))
		}
		if len(tos) == 0 {
			tos = []string{"(final)"}
		}
		fmt.Fprintf(&b, "%-10s → %s\n", s, strings.Join(tos, ", "))
	}
	return b.String()
}
