package parse

// addPalembang adds the grammar words of Palembang Malay (Baso Palembang,
// South Sumatra) that the words above and addRegional lack (sikok, kito,
// galo, nian, berapo, ado, duo, tigo, limo are read already), and the
// everyday Indonesian "a little" and "you".
func addPalembang() {
	// not: idak (as dak, tidak); later: kagek (as nanti, see laterWords).
	addLex(lxNote, "idak")
	addLex(lxFiller, "kagek")
	// want galak, can pacak, also jugo and pulo, look jingok, how cakmano,
	// cakmane, where mano, what apo, he or she dio, a person wong, just be.
	addLex(lxFiller, "galak", "pacak", "jingok")
	addLex(lxFiller|lxTail, "jugo", "pulo", "cakmano", "cakmane", "mano", "apo", "be",
		"ngapo", "dimano", "siapo") // why, where, who
	// one: sekok, as sikok (read in addRegional).
	addNum(nkDigit, 1, "sekok")
	addLex(lxFiller|lxTail|lxAddress, "dio", "wong",
		"ayuk", "bik", // addressing a woman trader: ayuk (elder sister), bik (aunt)
		"mamang", "nyai") // and others: mamang (uncle), nyai (grandmother)
	// already: dem ("dem abis": sold out already).
	addLex(lxFiller|lxTail, "dem")
	// a little: sedikit, dikit, sdikit (no quantity: the trader asks how
	// much); you: kamu.
	addLex(lxFiller|lxTail, "sedikit", "dikit", "sdikit")
	addLex(lxFiller|lxTail|lxAddress, "kamu")
	// The particle la (lah: "ambil duo la"); oneself dewek; usual biaso
	// (biasa); big besak and small kecik, sizes as besar and kecil; and
	// the Chinese-Palembang ie (aunt), beside cik and koh.
	addLex(lxFiller|lxTail, "la", "dewek", "biaso")
	addLex(lxNoteAfter, "besak", "kecik")
	addLex(lxFiller|lxTail|lxAddress, "ie")
	// yesterday, last time: kemaren, everyday Indonesian as kemarin.
	addLex(lxFiller, "kemaren")
}
