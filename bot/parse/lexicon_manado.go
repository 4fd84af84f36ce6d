package parse

// addManado adds the grammar words of Manado Malay (Bahasa Manado, North
// Sulawesi), spoken with Minahasa and Sangihe numbers in its markets, and
// the everyday Indonesian they mix in. The Manado words already read
// elsewhere: deng, kong (and), so, dang (particles), kase (give), nyanda
// (not), ngana, torang (you, we), makase (thanks), jo (just, also "and").
func addManado() {
	// take, make: ambe (ambil), bekeng (bikin: "for bekeng woku", the dish
	// the goods are for).
	addLex(lxFiller, "ambe")
	addLex(lxFiller|lxPurpose, "bekeng", "beking")
	// for: Manado for (Dutch voor: "for Pengucapan"), as untuk.
	addLex(lxNote, "for")
	// you (plural) ngoni; the possessive pe ("kita pe maitua": my wife);
	// wife maitua; says bilang; all samua; now skarang; not yet blum;
	// sentence particles neh, kang.
	addLex(lxFiller|lxTail|lxAddress, "ngoni")
	addLex(lxFiller|lxTail, "pe", "neh", "samua", "skarang", "blum", "blom")
	addLex(lxFiller, "maitua", "bilang")
	// a little, a lot: sadiki (sedikit), banya (banyak): no quantity, so
	// the trader asks how much.
	addLex(lxFiller|lxTail, "sadiki", "sadikit", "banya")
	// Numbers: Manado ampa (4); Minahasa esa (1), epat (4); Sangihe darua
	// (2), tatelu (3). Rua (2) and telu (3) are read above.
	addNum(nkDigit, 1, "esa")
	addNum(nkDigit, 2, "darua")
	addNum(nkDigit, 3, "tatelu")
	addNum(nkDigit, 4, "ampa", "epat")
	// Everyday Indonesian around an order: only cuma, cuman ("kita cuma mo
	// beli sagu": not cumi); repeat ulang, ulangi and a birthday ulang
	// tahun, taon (not tulang or udang).
	addLex(lxFiller|lxTail, "cuma", "cuman", "ulang", "ulangi", "taon", "tahun")
}

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
	addLex(lxFiller|lxTail, "jugo", "pulo", "cakmano", "cakmane", "mano", "apo", "be")
	addLex(lxFiller|lxTail|lxAddress, "dio", "wong",
		"ayuk", "bik", // addressing a woman trader: ayuk (elder sister), bik (aunt)
		"mamang", "nyai") // and others: mamang (uncle), nyai (grandmother)
	// already: dem ("dem abis": sold out already).
	addLex(lxFiller|lxTail, "dem")
	// a little: sedikit, dikit, sdikit (no quantity: the trader asks how
	// much); you: kamu.
	addLex(lxFiller|lxTail, "sedikit", "dikit", "sdikit")
	addLex(lxFiller|lxTail|lxAddress, "kamu")
}
