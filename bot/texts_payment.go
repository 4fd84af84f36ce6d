package bot

// Reply texts for QRIS payments and refunds (issue 20), merged into the
// main catalog like texts_hardening.go.
func init() {
	for k, v := range paymentMessages {
		if _, dup := messages[k]; dup {
			panic("bot: duplicate text key " + k)
		}
		messages[k] = v
	}
}

var paymentMessages = map[string][2]string{
	"pay_choose":                {"Mau bayar pakai apa kak?\n1. Tunai di tempat (COD)\n2. QRIS (scan dari aplikasi bank / e-wallet)", "How would you like to pay?\n1. Cash on delivery (COD)\n2. QRIS (scan with any bank or e-wallet app)"},
	"pay_choice_cod":            {"Bayar: tunai di tempat (COD)", "Payment: cash on delivery (COD)"},
	"pay_choice_qris":           {"Bayar: QRIS", "Payment: QRIS"},
	"pay_order_held":            {"Pesanan *%s* dicatat. Silakan bayar dulu lewat QRIS di atas; pesanan diteruskan ke pedagang setelah pembayaran dikonfirmasi.", "Order *%s* is noted. Please pay with the QRIS above first; it goes to the traders once the payment is confirmed."},
	"pay_qris_caption":          {"💳 Pesanan *%s* — bayar *%s* ke *%s* dengan QRIS (scan dari aplikasi bank atau e-wallet). Bayar sebelum jam *%s*. Sudah bayar? Kirim foto bukti bayarnya di sini ya kak.", "💳 Order *%s* — pay *%s* to *%s* by QRIS (scan with any bank or e-wallet app). Pay before *%s*. Paid? Send a photo of the receipt here."},
	"pay_confirm_ask":           {"💳 Pesanan *%s* menunggu pembayaran QRIS *%s* (batas jam %s). Cek aplikasi merchant: balas *LUNAS %[1]s* bila uang sudah masuk, atau *BELUM %[1]s* bila belum.", "💳 Order *%s* awaits a QRIS payment of *%s* (until %s). Check the merchant app: reply *LUNAS %[1]s* when the money is in, or *BELUM %[1]s* if not."},
	"pay_confirmed_buyer":       {"✅ Pembayaran *%[2]s* untuk pesanan *%[1]s* sudah kami terima. Terima kasih kak!", "✅ We received *%[2]s* for order *%[1]s*. Thank you!"},
	"pay_receipt_qris":          {"Bayar: QRIS (kode QR dikirim setelah kakak balas *ya*)", "Payment: QRIS (the QR code follows once you reply *ya*)"},
	"pay_confirmed_all_paid":    {"✅ Pesanan *%s* sudah dikonfirmasi pedagang dan sudah dibayar lewat QRIS (sisa bayar ke kurir: %s). Kami sedang carikan kurir 🛵", "✅ Order *%s* is confirmed and paid by QRIS (left to pay the courier: %s). We're finding a courier 🛵"},
	"pay_confirmed_ack":         {"✅ Pembayaran pesanan %s (%s) dicatat LUNAS.", "✅ Payment of order %s (%s) recorded as paid."},
	"pay_not_found_ack":         {"Dicatat: pembayaran pesanan %s belum masuk. Pembeli diminta memeriksa.", "Noted: the payment of order %s is not in yet. The buyer is asked to check."},
	"pay_not_found_buyer":       {"Kak, pembayaran *%[2]s* untuk pesanan *%[1]s* belum masuk di aplikasi penjual. Mohon dicek lagi (nominal harus pas) dan kirim foto bukti bayarnya. Batas bayar jam %[3]s.", "The payment of *%[2]s* for order *%[1]s* has not reached the merchant yet. Please check (the exact amount) and send a photo of the receipt. Pay before %[3]s."},
	"pay_expired_buyer":         {"⌛ Waktu bayar pesanan *%s* sudah habis dan pembayarannya belum dikonfirmasi, jadi pesanan dibatalkan. Kalau kakak sudah terlanjur bayar, balas *admin* ya, uangnya kami kembalikan.", "⌛ The time to pay order *%s* is over and no payment was confirmed, so the order is cancelled. If you did pay, reply *admin* and we will return the money."},
	"pay_expired_group":         {"❌ Pesanan %s dibatalkan: pembeli tidak membayar tepat waktu. Barangnya tidak perlu disiapkan.", "❌ Order %s is cancelled: the buyer did not pay in time. No need to prepare it."},
	"pay_expired_admin":         {"⌛ Pesanan %s kedaluwarsa: pembayaran QRIS tidak dikonfirmasi tepat waktu.", "⌛ Order %s expired: its QRIS payment was not confirmed in time."},
	"pay_unknown_order":         {"Pesanan %s tidak ditemukan.", "Order %s not found."},
	"pay_not_allowed":           {"Pembayaran pesanan %s hanya bisa dikonfirmasi ketua grup pedagang pesanan itu atau admin.", "Only a leader of the order's seller group or an admin can confirm the payment of %s."},
	"pay_no_payment":            {"Pesanan %s tidak dibayar lewat QRIS (atau belum diminta bayar).", "Order %s is not paid by QRIS (or payment was not requested yet)."},
	"pay_already_paid":          {"Pesanan %s sudah LUNAS (%s, dikonfirmasi %s).", "Order %s is already paid (%s, confirmed by %s)."},
	"pay_already_expired":       {"Waktu bayar pesanan %s sudah habis; pesanannya sudah dibatalkan.", "The time to pay order %s is over; the order was cancelled."},
	"pay_screenshot_confirmers": {"🧾 Bukti bayar dari pembeli pesanan *%s* (%s). Cek aplikasi merchant, lalu balas *LUNAS %s* atau *BELUM %s*.", "🧾 Payment receipt from the buyer of order *%s* (%s). Check the merchant app, then reply *LUNAS %s* or *BELUM %s*."},
	"pay_screenshot_on_phone":   {"(Fotonya ada di chat pembeli di HP pasar.)", "(The photo is in the buyer's chat on the market phone.)"},
	"pay_screenshot_thanks":     {"Terima kasih kak, bukti bayar pesanan *%s* sudah diteruskan. Kami kabari begitu dikonfirmasi 🙏", "Thanks, the receipt for order *%s* was passed on. We will tell you once it is confirmed 🙏"},
	"refund_buyer":              {"💸 Pesanan *%s*: ada uang kembali *%s* untuk kakak (%s). Admin akan mengembalikannya; kakak dikabari kalau sudah.", "💸 Order *%s*: *%s* is owed back to you (%s). An admin will return it and tell you."},
	"refund_admin":              {"💸 Refund pesanan *%s*: *%s* (%s). Setelah dikembalikan, balas *REFUND %s selesai transfer* atau *… selesai tunai*.", "💸 Refund for order *%s*: *%s* (%s). Once returned, reply *REFUND %s selesai transfer* or *… selesai tunai*."},
	"refund_how":                {"Tulis caranya: REFUND KODE selesai transfer, atau REFUND KODE selesai tunai.", "Say how: REFUND CODE selesai transfer, or REFUND CODE selesai tunai."},
	"refund_usage":              {"Cara pakai: REFUND KODE (lihat), REFUND KODE 15000 alasan (catat uang kembali), REFUND KODE selesai transfer|tunai (sudah dikembalikan).", "Usage: REFUND CODE (list), REFUND CODE 15000 reason (record money owed back), REFUND CODE selesai transfer|tunai (returned)."},
	"refund_none_pending":       {"Tidak ada refund yang menunggu untuk pesanan %s.", "No refund is pending for order %s."},
	"refund_closed_admin":       {"✅ Refund pesanan %s sebesar %s dicatat selesai (%s).", "✅ Refund of %[2]s for order %[1]s recorded as returned (%[3]s)."},
	"refund_closed_buyer":       {"✅ Uang kembali *%[2]s* untuk pesanan *%[1]s* sudah dikembalikan (%[3]s). Mohon dicek ya kak 🙏", "✅ *%[2]s* owed for order *%[1]s* was returned (%[3]s). Please check 🙏"},
	"refund_none":               {"Pesanan %s tidak punya refund.", "Order %s has no refunds."},
	"refund_list_title":         {"Refund pesanan %s:", "Refunds of order %s:"},
	"refund_state_pending":      {"menunggu", "pending"},
	"refund_state_done":         {"selesai (%s)", "done (%s)"},
	"refund_admins_only":        {"REFUND hanya untuk admin.", "REFUND is for admins only."},
	"refund_reason_rejected":    {"ditolak", "rejected"},
	"refund_reason_cancelled":   {"dibatalkan", "cancelled"},
	"refund_reason_expired":     {"tidak dijawab", "not answered"},
	"refund_reason_total":       {"total pesanan sekarang %s", "the order now totals %s"},
	"report_money":              {"Uang: COD %s · QRIS dikonfirmasi %s · refund menunggu %s · refund selesai %s", "Money: COD %s · QRIS confirmed %s · refunds pending %s · refunds done %s"},
}
