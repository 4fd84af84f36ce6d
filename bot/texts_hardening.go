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
	"limit_qty":   {"Maaf kak, %s paling banyak %s %s dalam satu pesanan 🙏 Untuk jumlah lebih besar silakan hubungi *admin*.", "Sorry, %s is limited to %s %s per order. For larger amounts please ask the *admin*."},
	"limit_line":  {"Maaf kak, %s melebihi batas %s untuk satu barang 🙏 Kurangi jumlahnya ya, atau hubungi *admin*.", "Sorry, %s is over the %s limit for one item. Please order less, or ask the *admin*."},
	"limit_order": {"Maaf kak, %s belum kami masukkan: total belanja satu pesanan paling banyak %s 🙏 Silakan pesan sisanya terpisah atau hubungi *admin*.", "Sorry, %s was not added: one order can total at most %s. Please order the rest separately or ask the *admin*."},
}
