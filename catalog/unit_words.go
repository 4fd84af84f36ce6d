package catalog

import "strings"

// unitWords maps how buyers and traders write units to canonical codes.
// Number words that contain a unit ("sekilo", "setengah kilo") are the
// order parser's business; these are the bare unit words. Words that are
// mostly something else stay out: "sak" ("sak kilo" is one kilo), "pak"
// (a way to address a man), "potong" (ayam potong).
var unitWords = map[string]string{
	"kg": "kg", "kilo": "kg", "kilogram": "kg", "kgs": "kg",
	"ons": "ons",
	"g":   "gram", "gr": "gram", "grm": "gram", "gram": "gram",
	"kw": "kwintal", "kuintal": "kwintal", "kwintal": "kwintal",
	"l": "liter", "lt": "liter", "ltr": "liter", "liter": "liter", "litre": "liter",
	"ml": "ml", "mili": "ml", "mililiter": "ml",
	"butir": "butir", "btr": "butir", "btir": "butir",
	"biji": "biji", "bj": "biji", "bji": "biji",
	"buah": "buah", "bh": "buah", "bua": "buah",
	"pcs": "pcs", "pc": "pcs", "pieces": "pcs",
	"papan": "papan", "tray": "papan",
	"ekor": "ekor", "ekr": "ekor", "ekur": "ekor",
	"ikat": "ikat", "ikt": "ikat", "iket": "ikat", "beungkeut": "ikat",
	"sisir": "sisir", "sisr": "sisir",
	"bungkus": "bungkus", "bks": "bungkus", "bgks": "bungkus", "pack": "bungkus", "sachet": "bungkus", "saset": "bungkus",
	"renteng": "renteng", "rtg": "renteng", "rentengan": "renteng",
	"karung": "karung", "krg": "karung",
	"porsi": "porsi", "prs": "porsi",
	"tumpuk": "tumpuk", "tumpukan": "tumpuk", "onggok": "tumpuk", "tempat": "tumpuk",
	"botol": "botol", "btl": "botol", "kaleng": "kaleng", "klg": "kaleng",
	"dus": "dus", "dos": "dus", "kardus": "dus", "box": "dus", "kotak": "dus",
	"plastik": "plastik", "kantong": "plastik", "cup": "cup", "gelas": "cup", "tabung": "tabung",
	"keranjang": "keranjang", "lembar": "lembar", "lbr": "lembar", "batang": "batang", "btg": "batang",
	"bonggol": "bonggol", "tandan": "tandan", "tundun": "tandan",
	"buting": "biji", "bigi": "biji", "iji": "biji",
}

// ParseUnit reads a unit as written ("Kg", "kilo", "btr", "iket") and
// returns it from the unit table.
func ParseUnit(word string) (Unit, bool) {
	w := strings.ToLower(strings.TrimSpace(word))
	w = strings.TrimSuffix(w, ".")
	if code, ok := unitWords[w]; ok {
		return Units[code], true
	}
	return LookupUnit(w)
}
