package bot

import (
	"fmt"
	"strings"

	"pasarbot/orders"
)

// drawPins gives a claimed job fresh pickup PINs, one per confirmed stall,
// and tells each stall its PIN and who is coming. A PIN lives from one
// claim to the next give-back or reassignment.
func (e *Engine) drawPins(t *turn, o *orders.Order, j *orders.Job, c orders.Courier) error {
	j.Pins = map[string]string{}
	for _, s := range o.Subs { // in order: message ids follow their position
		if s.Status != orders.Confirmed {
			continue
		}
		pin, err := orders.NewPickupPIN()
		if err != nil {
			return err
		}
		j.Pins[s.Group] = pin
		if g, ok := e.group(s.Group); ok && g.ChatID != "" {
			t.send(g.ChatID, e.t("group_pin_claimed", o.Code, courierLabel(c), pin))
		}
	}
	return nil
}

func courierLabel(c orders.Courier) string {
	if c.Plate == "" {
		return c.Name
	}
	return c.Name + " (" + c.Plate + ")"
}

// releaseJob takes a claimed job from its courier and offers it to the
// courier group again: BATAL AMBIL, an admin's LEPAS or reassignment, or
// the courier's removal. offer is false when another courier takes it at
// once (TUGASKAN of a claimed job). The PINs the courier knew are void (the stalls
// are told), the courier can no longer relay messages to the buyer, and a
// new claim draws new PINs.
func (e *Engine) releaseJob(t *turn, o *orders.Order, j *orders.Job, actor, why string, offer bool) error {
	if j.Status != orders.JobClaimed {
		return fmt.Errorf("release job %s: status %s", o.Code, j.Status)
	}
	if err := j.Move(orders.JobOpen, t.now); err != nil {
		return err
	}
	for _, s := range o.Subs {
		if _, had := j.Pins[s.Group]; !had {
			continue
		}
		if g, ok := e.group(s.Group); ok && g.ChatID != "" {
			t.send(g.ChatID, e.t("group_pin_void", o.Code))
		}
	}
	j.Pins = map[string]string{}
	o.Courier = ""
	o.NewEvents = append(o.NewEvents, orders.Event{From: o.Status, To: o.Status, Actor: actor, Detail: why, At: t.now})
	j.Broadcasts++
	if err := t.tx.SaveJob(j); err != nil {
		return err
	}
	if err := t.tx.SaveOrder(o); err != nil {
		return err
	}
	if err := t.tx.SetTimer(timerCourier, o.Code, t.now.Add(e.set.ClaimTimeout)); err != nil {
		return err
	}
	if !offer {
		return nil // reassigned at once: no card for the group
	}
	t.send(o.BuyerChat, e.t("buyer_courier_changed", o.Code))
	return e.offerJob(t, o, j)
}

// adminUnassign is LEPAS KODE: an admin takes a claimed job from its
// courier (who is told) and offers it again.
func (e *Engine) adminUnassign(t *turn, in Inbound, code string) error {
	o, j, err := e.orderAndJob(t, code)
	if err != nil {
		return err
	}
	if o == nil || j == nil || j.Status != orders.JobClaimed {
		t.reply(in, e.t("admin_cannot_unassign", code))
		return nil
	}
	courier := j.Courier
	if err := e.releaseJob(t, o, j, "admin:"+in.SenderPhone, "unassigned by admin", true); err != nil {
		return err
	}
	t.send(DirectChat(courier), e.t("courier_unassigned", o.Code))
	t.reply(in, e.t("admin_unassigned", o.Code))
	return nil
}

// adminCourier finds the active courier an admin command names, telling
// the admin when there is none.
func (e *Engine) adminCourier(t *turn, in Inbound, phone string) (orders.Courier, bool, error) {
	c, ok, err := e.courierByPhone(t.tx, phone)
	if err == nil && !ok {
		t.reply(in, e.t("admin_courier_unknown"))
	}
	return c, ok, err
}

func (e *Engine) orderAndJob(t *turn, code string) (*orders.Order, *orders.Job, error) {
	o, err := t.tx.Order(code)
	if err != nil {
		return nil, nil, err
	}
	j, err := t.tx.Job(code)
	return o, j, err
}

// removeCourier is KURIR HAPUS. A courier carrying goods (picked up, not
// delivered) cannot be removed: the admin gets the list and settles those
// first. Jobs only claimed go back to the courier group.
func (e *Engine) removeCourier(t *turn, in Inbound, phone string) error {
	c, ok, err := e.adminCourier(t, in, phone)
	if err != nil || !ok {
		return err
	}
	jobs, err := t.tx.JobsOfCourier(c.Phone)
	if err != nil {
		return err
	}
	var carrying []string
	for _, j := range jobs {
		if j.Status == orders.JobPickedUp {
			carrying = append(carrying, j.Order)
		}
	}
	if len(carrying) > 0 {
		t.reply(in, e.t("admin_courier_carrying", c.Name, strings.Join(carrying, ", ")))
		return nil
	}
	var released []string
	for _, j := range jobs {
		if j.Status != orders.JobClaimed {
			continue
		}
		o, err := t.tx.Order(j.Order)
		if err != nil {
			return err
		}
		if o == nil {
			continue
		}
		if err := e.releaseJob(t, o, j, "admin:"+in.SenderPhone, "courier removed", true); err != nil {
			return err
		}
		released = append(released, j.Order)
	}
	c.Active = false
	if err := t.tx.SaveCourier(c, t.now); err != nil {
		return err
	}
	msg := e.t("admin_courier_removed", c.Name)
	if len(released) > 0 {
		msg += "\n" + e.t("admin_jobs_released", strings.Join(released, ", "))
		t.send(DirectChat(c.Phone), e.t("courier_removed_jobs", strings.Join(released, ", ")))
	}
	t.reply(in, msg)
	return nil
}
