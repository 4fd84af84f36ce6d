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
