package bot

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"pasarbot/bot/command"
	"pasarbot/bot/hours"
	"pasarbot/orders"
)

// handleAdmin runs admin commands from allowlisted numbers. It returns
// false for texts that are not admin commands, so an admin can also shop.
func (e *Engine) handleAdmin(t *turn, in Inbound) (bool, error) {
	cmd, ok := command.ParseAdmin(in.Text)
	if !ok {
		return false, nil
	}
	if cmd.Kind == command.Balas {
		return true, e.adminReply(t, in, cmd)
	}
	t.log.Info().Str("actor", MaskPhone(in.SenderPhone)).Str("command", string(cmd.Kind)).Msg("admin command")
	if err := t.tx.LogAdmin(in.SenderPhone, in.Text, t.now); err != nil {
		return true, err
	}
	return true, e.adminCommand(t, in, cmd)
}

func (e *Engine) adminCommand(t *turn, in Inbound, cmd command.Command) error {
	sched, err := e.schedule(t.tx)
	if err != nil {
		return err
	}
	setOverrides := func(ov hours.Overrides, msg string) error {
		if err := setJSON(t.tx, settingOverrides, ov, t.now); err != nil {
			return err
		}
		e.sched = nil
		ns, err := hours.New(e.set.Hours, e.set.Location, ov)
		if err != nil {
			return err
		}
		t.reply(in, msg+"\n"+ns.HoursText(t.now, e.set.Lang))
		// Opening now places pre-orders at once, as the scheduled opening would.
		if !sched.IsOpen(t.now) && ns.IsOpen(t.now) {
			return e.openMarket(t, ns)
		}
		if sched.IsOpen(t.now) && !ns.IsOpen(t.now) {
			return e.closeMarket(t, ns)
		}
		return nil
	}
	switch cmd.Kind {
	case command.Invalid:
		t.reply(in, cmd.Explanation(e.set.Lang))
	case command.Bantuan:
		t.reply(in, command.Help(command.Admin, e.set.Lang))
	case command.Buka:
		return setOverrides(sched.OpenNow(t.now), e.t("admin_opened"))
	case command.Tutup:
		return setOverrides(sched.CloseNow(t.now), e.t("admin_closed"))
	case command.Jam:
		var ov hours.Overrides
		if cmd.HasWeekday {
			ov, err = sched.SetWeekday(cmd.Weekday, cmd.Span)
		} else {
			ov, err = sched.SetToday(t.now, cmd.Span)
		}
		if err != nil {
			return e.adminRefused(t, in, err)
		}
		return setOverrides(ov, e.t("admin_hours_set"))
	case command.Libur:
		ov, err := sched.AddHoliday(cmd.Date)
		if err != nil {
			return e.adminRefused(t, in, err)
		}
		return setOverrides(ov, e.t("admin_holiday_set", cmd.Date))
	case command.LiburBatal:
		ov, err := sched.RemoveHoliday(cmd.Date)
		if err != nil {
			return e.adminRefused(t, in, err)
		}
		return setOverrides(ov, e.t("admin_holiday_removed", cmd.Date))
	case command.Info:
		return e.adminInfo(t, in, sched)
	case command.Laporan:
		day := e.marketDay(t.now)
		if cmd.Date != "" {
			day = cmd.Date
		}
		if img := e.drawReportChart(t, day); img != nil {
			t.sendImage(in.Chat, e.t("report_chart_caption", day), img)
		}
		t.reply(in, e.dailyReport(t, day))
	case command.Umumkan, command.UmumkanPembeli:
		return e.announce(t, in, cmd)
	case command.KurirTambah:
		c := orders.Courier{Phone: cmd.Phone, Name: cmd.Name, Plate: cmd.Plate, Active: true}
		if err := t.tx.SaveCourier(c, t.now); err != nil {
			return err
		}
		t.reply(in, e.t("admin_courier_added", c.Name, c.Plate))
	case command.KurirHapus:
		return e.removeCourier(t, in, cmd.Phone)
	case command.Blokir, command.BukaBlokir:
		block := cmd.Kind == command.Blokir
		if block && e.isAdmin(cmd.Phone) {
			t.reply(in, e.t("admin_cannot_block_admin"))
			return nil
		}
		if err := t.tx.SetBlocked(cmd.Phone, block, t.now); err != nil {
			return err
		}
		e.blocked = nil
		if block {
			t.reply(in, e.t("admin_blocked", e.mask(cmd.Phone)))
		} else {
			t.reply(in, e.t("admin_unblocked", e.mask(cmd.Phone)))
		}
	case command.Tugaskan:
		return e.assign(t, in, cmd.Code, cmd.Phone)
	case command.Lepas:
		return e.adminUnassign(t, in, cmd.Code)
	case command.SelesaiCS:
		chat := ""
		if cmd.Phone != "" {
			chat = DirectChat(cmd.Phone)
		}
		ended, err := e.endHandoverFor(t, chat)
		if err != nil {
			return err
		}
		if ended {
			t.reply(in, e.t("admin_handover_ended"))
		} else {
			t.reply(in, e.t("admin_no_handover"))
		}
	}
	return nil
}

// adminRefused answers an admin whose change of the hours the schedule
// refused: a mistake in the input is explained in the market's language;
// anything else is logged, and the admin gets a fixed apology rather than
// an English error string.
func (e *Engine) adminRefused(t *turn, in Inbound, err error) error {
	if msg, ok := inputErrorText(e.set.Lang, err); ok {
		t.reply(in, msg)
		return nil
	}
	t.log.Error().Err(err).Msg("admin command failed")
	t.reply(in, e.t("admin_command_failed"))
	return nil
}

// inputErrorKeys are the catalog's words for each refused input.
var inputErrorKeys = map[hours.InputCode]string{
	hours.BadDate:    "hours_bad_date",
	hours.BadHours:   "hours_bad_hours",
	hours.BadWeekday: "hours_bad_weekday",
}

// inputErrorText words err for an admin in lang when it is a refused input.
func inputErrorText(lang string, err error) (string, bool) {
	var ie *hours.InputError
	if !errors.As(err, &ie) {
		return "", false
	}
	key, ok := inputErrorKeys[ie.Code]
	if !ok {
		return "", false
	}
	return text(lang, key, ie.Value), true
}

// adminReply is BALAS: the admin answers a buyer through the market
// number, and the bot stays quiet in that chat until SELESAI CS. Only the
// number is logged, not the message.
func (e *Engine) adminReply(t *turn, in Inbound, cmd command.Command) error {
	if cmd.Phone == "" {
		t.reply(in, e.t("admin_bad_phone", cmd.PhoneText))
		return nil
	}
	t.send(DirectChat(cmd.Phone), e.t("admin_says", cmd.Text))
	if err := e.armHandover(t, DirectChat(cmd.Phone)); err != nil {
		return err
	}
	t.reply(in, e.t("relayed"))
	return t.tx.LogAdmin(in.SenderPhone, "BALAS "+cmd.Phone, t.now)
}

// adminInfo: open or closed, hours, today's counts, bound groups.
func (e *Engine) adminInfo(t *turn, in Inbound, sched *hours.Schedule) error {
	day := e.marketDay(t.now)
	os, err := t.tx.OrdersOfDay(day)
	if err != nil {
		return err
	}
	jobs, err := t.tx.JobsOfDay(day)
	if err != nil {
		return err
	}
	r := BuildReport(day, os, jobs)
	state := e.t("info_closed")
	if sched.IsOpen(t.now) {
		state = e.t("info_open")
	}
	var unbound []string
	for _, g := range e.groups {
		if g.ChatID == "" {
			unbound = append(unbound, g.ID)
		}
	}
	courier, err := t.tx.Setting(settingCourierCh)
	if err != nil {
		return err
	}
	if courier == "" {
		unbound = append(unbound, "kurir")
	}
	msg := fmt.Sprintf("*%s* — %s\n%s\n%s", e.set.MarketName, state, sched.HoursText(t.now, e.set.Lang),
		e.t("report_counts", r.Placed, r.Completed, r.Cancelled, r.Open))
	if len(unbound) > 0 {
		msg += "\n" + e.t("info_unbound", strings.Join(unbound, ", "))
	}
	t.reply(in, msg)
	return nil
}

// announce broadcasts to seller groups, or to buyers of the last 30 days,
// capped so a market number is not flagged for spam.
func (e *Engine) announce(t *turn, in Inbound, cmd command.Command) error {
	const maxBuyers = 200
	if cmd.Kind == command.UmumkanPembeli {
		buyers, err := t.tx.RecentBuyers(t.now.Add(-30 * 24 * time.Hour))
		if err != nil {
			return err
		}
		if len(buyers) > maxBuyers {
			buyers = buyers[:maxBuyers]
		}
		for _, b := range buyers {
			t.send(b, "📢 "+cmd.Text)
		}
		t.reply(in, e.t("admin_announced", len(buyers)))
		return nil
	}
	n := 0
	for _, g := range e.groups {
		if g.ChatID != "" {
			t.send(g.ChatID, "📢 "+cmd.Text)
			n++
		}
	}
	t.reply(in, e.t("admin_announced", n))
	return nil
}

// assign is TUGASKAN: an admin gives an open job to a courier, or moves a
// claimed one (not yet picked up) to another courier.
func (e *Engine) assign(t *turn, in Inbound, code, phone string) error {
	c, ok, err := e.adminCourier(t, in, phone)
	if err != nil || !ok {
		return err
	}
	o, j, err := e.orderAndJob(t, code)
	if err != nil {
		return err
	}
	if o == nil || j == nil || (j.Status != orders.JobOpen && j.Status != orders.JobClaimed) || j.Courier == c.Phone && j.Status == orders.JobClaimed {
		t.reply(in, e.t("admin_cannot_assign", code))
		return nil
	}
	if j.Status == orders.JobClaimed {
		// Reassignment: the first courier is told and loses the job and its
		// PINs; the new one gets fresh PINs.
		previous := j.Courier
		if err := e.releaseJob(t, o, j, "admin:"+in.SenderPhone, "reassigned by admin", false); err != nil {
			return err
		}
		t.send(DirectChat(previous), e.t("courier_unassigned", o.Code))
	}
	if err := e.claim(t, Inbound{Chat: DirectChat(c.Phone), SenderPhone: c.Phone}, o, j, c); err != nil {
		return err
	}
	t.reply(in, e.t("admin_assigned", code, c.Name))
	return nil
}

// AdminNotice sends text to every admin, once per key.
func (e *Engine) AdminNotice(tx Tx, key, text string) error {
	done, err := tx.JobRan("notice:" + key)
	if err != nil || done {
		return err
	}
	t := e.newTurn(tx, "notice:"+key, e.clock.Now())
	e.toAdmins(t, text)
	if err := t.flush(); err != nil {
		return err
	}
	return tx.MarkJobRan("notice:"+key, t.now)
}
