package bot

// Reply texts for the market's limits, floods and couriers' job changes
// (issue 16), kept beside the main catalog in texts.go and merged into it.
func init() {
	for k, v := range hardeningMessages {
		if _, dup := messages[k]; dup {
			panic("bot: duplicate text key " + k)
		}
		messages[k] = v
	}
}

var hardeningMessages = map[string][2]string{
	"limit_qty":                 {"Maaf kak, %s paling banyak %s %s dalam satu pesanan 🙏 Untuk jumlah lebih besar silakan hubungi *admin*.", "Sorry, %s is limited to %s %s per order. For larger amounts please ask the *admin*."},
	"limit_line":                {"Maaf kak, %s melebihi batas %s untuk satu barang 🙏 Kurangi jumlahnya ya, atau hubungi *admin*.", "Sorry, %s is over the %s limit for one item. Please order less, or ask the *admin*."},
	"limit_order":               {"Maaf kak, %s belum kami masukkan: total belanja satu pesanan paling banyak %s 🙏 Silakan pesan sisanya terpisah atau hubungi *admin*.", "Sorry, %s was not added: one order can total at most %s. Please order the rest separately or ask the *admin*."},
	"price_out_of_range":        {"Harga %s tidak diubah: harga per %s harus lebih dari Rp0 dan paling tinggi %s. Periksa lagi angkanya ya.", "%s unchanged: the price per %s must be above Rp0 and at most %s. Please check the number."},
	"seller_price_out_of_range": {"Harga %s untuk order %s tidak masuk akal: harga per satuan paling tinggi %s. Periksa lagi angkanya.", "Price %s for order %s is out of range: at most %s per unit. Please check the number."},
	"seller_total_too_high":     {"Total untuk order %s tidak bisa dipakai: total belanja satu pesanan paling banyak %s. Periksa lagi angkanya.", "That total for order %s can't be used: one order's goods total at most %s. Please check the number."},
	"weigh_qty_too_much":        {"Berat %s %s tidak masuk akal untuk order %[4]s (paling banyak %[3]s). Periksa lagi timbangannya.", "Weight %s %s is out of range for order %[4]s (at most %[3]s). Please check the scale."},
	"seller_partial_more":       {"%s di order %s tidak bisa ditambah lewat ADA; ADA hanya untuk jumlah yang lebih sedikit dari pesanan.", "%s in order %s can't be increased with ADA; ADA is only for less than ordered."},
	"group_weigh_lapsed":        {"Pesanan %s sudah dijemput kurir sebelum pembeli menjawab hasil timbangan; harga tetap %s sesuai kesepakatan.", "Order %s was collected before the buyer answered the weighing; the agreed %s stands."},
	"buyer_weigh_lapsed":        {"⚖️ Pesanan *%s*: barang dari %s sudah dijemput kurir, jadi harga tetap *%s* sesuai kesepakatan awal. Tidak perlu dijawab lagi ya kak.", "⚖️ Order *%s*: the goods from %s have been collected, so the agreed *%s* stands. No need to answer."},
	"group_pin_claimed":         {"🔑 Pesanan *%s* akan dijemput kurir %s. PIN penjemputan: *%s* — serahkan barang hanya ke kurir yang menyebut PIN ini.", "🔑 Order *%s* will be collected by courier %s. Pickup PIN: *%s* — hand over only to the courier who says it."},
	"group_pin_void":            {"⚠️ PIN penjemputan pesanan *%s* tidak berlaku lagi (kurir berganti). PIN baru dikirim begitu kurir lain mengambil.", "⚠️ The pickup PIN of order *%s* is void (courier changed). A new PIN follows when another courier takes it."},
	"admin_cannot_unassign":     {"Order %s tidak bisa dilepas: tidak ada, belum diambil kurir, atau barang sudah dijemput.", "Job %s can't be unassigned: unknown, not claimed, or already picked up."},
	"admin_unassigned":          {"✅ Order %s dilepas dari kurirnya dan ditawarkan lagi ke grup kurir.", "✅ Job %s taken from its courier and offered to the courier group again."},
	"courier_unassigned":        {"Order %s dilepas dari Anda oleh admin. PIN dan data pembelinya tidak berlaku lagi untuk Anda.", "Job %s was taken from you by an admin. Its PINs and buyer details are no longer yours."},
	"admin_courier_carrying":    {"Kurir %s masih membawa barang pesanan %s. Selesaikan dulu (SELESAI oleh kurir) atau hubungi kurirnya, baru hapus.", "Courier %s still carries the goods of %s. Settle those first (SELESAI by the courier) or call the courier, then remove."},
	"admin_jobs_released":       {"Tugas yang dilepas dan ditawarkan lagi: %s", "Jobs released and offered again: %s"},
	"courier_removed_jobs":      {"Anda tidak lagi terdaftar sebagai kurir. Tugas %s sudah dialihkan.", "You are no longer a registered courier. Jobs %s were handed on."},
	"area_unknown":              {"area tidak dikenal", "unknown area"},
	"area_unknown_km":           {"area tidak dikenal, ±%s km dari pasar", "unknown area, ±%s km from the market"},
	"admin_dead_letter":         {"⚠️ Pesan ke %s ditolak WhatsApp dan tidak akan dikirim ulang: %s\nAlasan: %s\nMohon hubungi langsung kalau penting.", "⚠️ WhatsApp refused a message to %s for good; it won't be retried: %s\nReason: %s\nPlease follow up directly if it matters."},
	"group_expired_at_close":    {"⌛ Pesanan *%s* tidak dijawab sampai pasar tutup, jadi dibatalkan. Tidak perlu disiapkan.", "⌛ Order *%s* was not answered before closing and is cancelled. No need to prepare it."},
	"bound_group_already":       {"Grup ini sudah terdaftar sebagai %s (%s). Tidak ada yang diubah.", "This group is already registered as %s (%s). Nothing changed."},
	"bind_chat_taken":           {"Grup ini sudah terdaftar untuk %s. Satu grup WhatsApp hanya untuk satu kelompok; daftarkan %s di grupnya sendiri.", "This group is already registered for %s. One WhatsApp group serves one seller group; register %s in its own group."},
	"bind_chat_is_courier":      {"Ini grup kurir. Kelompok pedagang didaftarkan di grup WhatsApp pedagangnya sendiri.", "This is the courier group. Register a seller group in its own WhatsApp group."},
	"bind_chat_is_seller":       {"Grup ini sudah terdaftar untuk %s. Grup kurir harus grup WhatsApp tersendiri.", "This group is registered for %s. The courier group must be a separate WhatsApp group."},
	"bound_courier_already":     {"Grup ini sudah terdaftar sebagai grup kurir. Tidak ada yang diubah.", "This group is already the courier group. Nothing changed."},
}
