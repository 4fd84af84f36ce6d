package command

import "strings"

// Problem is what is wrong with an admin command's arguments: a code for
// tests and logs, worded in the market's language by Explanation.
type Problem string

const (
	ExtraWords        Problem = "extra_words"
	NoCode            Problem = "no_code"
	NoAnnouncement    Problem = "no_announcement"
	NoPhone           Problem = "no_phone"
	BadPhone          Problem = "bad_phone"
	NoDate            Problem = "no_date"
	NoHours           Problem = "no_hours"
	CloseTodayForm    Problem = "close_today_form"
	CourierPhoneFirst Problem = "courier_phone_first"
	NoCourierName     Problem = "no_courier_name"
	NoCodeOrPhone     Problem = "no_code_or_phone"
	BadCode           Problem = "bad_code"
	BadCourierPhone   Problem = "bad_courier_phone"
	BadHours          Problem = "bad_hours"
	CloseBeforeOpen   Problem = "close_before_open"
	NoYear            Problem = "no_year"
	BadDate           Problem = "bad_date"
	NotInCalendar     Problem = "not_in_calendar"
	CourierForms      Problem = "courier_forms"
)

// problems word each Problem, Indonesian and English.
var problems = map[Problem][2]string{
	ExtraWords:        {"Perintah ini tanpa tambahan kata.", "This command takes no further words."},
	NoCode:            {"Kode pesanannya belum ada.", "The order code is missing."},
	NoAnnouncement:    {"Isi pengumumannya belum ada.", "The announcement text is missing."},
	NoPhone:           {"Nomor HP-nya belum ada.", "The phone number is missing."},
	BadPhone:          {"Nomor HP tidak dikenali.", "That phone number is not recognised."},
	NoDate:            {"Tanggalnya belum ada.", "The date is missing."},
	NoHours:           {"Jamnya belum ada.", "The hours are missing."},
	CloseTodayForm:    {"Untuk menutup hari ini ketik *TUTUP* (sampai jadwal buka berikutnya) atau *LIBUR* dengan tanggalnya.", "To close today type *TUTUP* (until the next scheduled opening) or *LIBUR* with the date."},
	CourierPhoneFirst: {"Nomor HP kurir ditulis dulu, lalu nama.", "Write the courier's phone number first, then the name."},
	NoCourierName:     {"Nama kurir belum ada atau tidak jelas.", "The courier's name is missing or unclear."},
	NoCodeOrPhone:     {"Kode pesanan dan nomor HP kurir belum lengkap.", "The order code and the courier's phone number are both needed."},
	BadCode:           {"Kode pesanan 4 huruf/angka, contoh A7K2.", "An order code is 4 letters/digits, e.g. A7K2."},
	BadCourierPhone:   {"Nomor HP kurir tidak dikenali.", "The courier's phone number is not recognised."},
	BadHours:          {"Jam tidak dikenali.", "Those hours are not recognised."},
	CloseBeforeOpen:   {"Jam tutup harus setelah jam buka.", "The closing time must come after the opening time."},
	NoYear:            {"Tulis tanggal lengkap dengan tahunnya.", "Write the full date with its year."},
	BadDate:           {"Tanggal tidak dikenali.", "That date is not recognised."},
	NotInCalendar:     {"Tanggal tidak ada di kalender.", "That date is not in the calendar."},
	CourierForms:      {"Perintah kurir ada dua:", "There are two courier commands:"},
}

// Explanation is an Invalid command's answer in lang ("en" or Indonesian):
// what is wrong, then the right form.
func (c Command) Explanation(lang string) string {
	if c.Kind != Invalid {
		return ""
	}
	w := problems[c.Problem]
	why := w[0]
	if strings.EqualFold(lang, "en") {
		why = w[1]
	}
	if c.Problem == CourierForms {
		return why + "\n" + Usage(KurirTambah, lang) + "\n" + Usage(KurirHapus, lang)
	}
	return why + "\n" + Usage(c.Want, lang)
}
