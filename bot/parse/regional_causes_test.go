package parse_test

import "testing"

// spellingCSV is a synthetic catalog for the general causes the Minang set
// showed (its failures listed by PARSE_MISSES=1): none of its products is
// from that file. Its names are Indonesian; a few aliases are regional, as
// an operator types them.
const spellingCSV = `sku,name,aliases,category,unit,price,group,kind,min_qty,step_qty,floor_price,available
oyong,Oyong,gambas,Sayur,kg,12000,g,,,,,
lobak,Lobak,,Sayur,kg,10000,g,,,,,
sawi-hijau,Sawi Hijau,,Sayur,ikat,3000,g,,,,,
selada,Selada,,Sayur,ikat,4000,g,,,,,
pisang-tanduk,Pisang Tanduk,,Buah,sisir,30000,g,,,,,
telur-puyuh,Telur Puyuh,,Telur,butir,500,g,,,,,
ikan-selar,Ikan Selar,selar,Ikan,tumpuk,10000,g,,,,,
ikan-patin,Ikan Patin,patin,Ikan,kg,32000,g,,,,,
terasi,Terasi,,Bumbu,bungkus,2000,g,,,,,
mentega,Mentega,,Sembako,bungkus,9000,g,,,,,
minyak-kelapa,Minyak Kelapa,,Sembako,liter,30000,g,,,,,
jamur-kuping,Jamur Kuping,,Sayur,kg,40000,g,,,,,
kerang-hijau,Kerang Hijau,,Ikan,kg,25000,g,,,,,
belut,Ikan Belut,belut,Ikan,kg,60000,g,,,,,
tepung-sagu,Tepung Sagu,,Sembako,kg,15000,g,,,,,
kemangi,Kemangi,,Sayur,ikat,2000,g,,,,,
lobak-putih,Lobak Putih,,Sayur,kg,11000,g,,,,,
puyuh,Burung Puyuh,puyuah,Unggas,ekor,8000,g,,,,,
lada,Lada,merica,Bumbu,ons,15000,g,,,,,
ubi-ungu,Ubi Ungu,,Sayur,kg,12000,g,,,,,
ubi-cilembu,Ubi Cilembu,boled cilembu,Sayur,kg,18000,g,,,,,
benih-bisi18,Benih Jagung BISI 18,bisi 18|bisi18,Benih,bungkus,65000,g,,,,,
kue-lumpur,Kue Lumpur,,Kue,biji,2500,g,,,,,
daging-domba,Daging Domba,,Daging,kg,130000,g,,,,,
daging-rusa,Daging Rusa,,Daging,kg,160000,g,,,,,
`

var spellingParser = csvParser(spellingCSV)

// Minang grammar words join items and form quantities in any catalog: the
// units said with Minang endings by rule (ikek, butia, sisia, bungkuih,
// tumpuak, karuang, galeh), sarato
// ("and"), da (uda), iyo, kini, sadonyo, ambiak, agiah, untuak, harago;
// containers no product is sold by (toples, jeriken) ask.
func TestMinangGrammar(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"oyong sakilo sarato lobak satangah kilo, da":    items("oyong 1", "lobak 0.5"),
		"sawi hijau duo ikek samo selada tigo ikek":      items("sawi-hijau 2", "selada 3"),
		"pisang tanduk sasisia yo":                       items("pisang-tanduk 1"),
		"telur puyuh sapuluah butia":                     items("telur-puyuh 10"),
		"terasi duo bungkuih, ikan selar ciek tumpuak":   items("terasi 2", "ikan-selar 1"),
		"iyo da, ambo ambiak oyong sakilo":               items("oyong 1"),
		"agiah lobak satangah, untuak kini":              items("lobak 0.5"),
		"patin 1/2, selar 2 tumpuak, sadonyo dibersihin": items("ikan-patin 0.5", "ikan-selar 2"),
		"lobak duo kilo, untuak baralek":                 items("lobak 2"),
		"mentega 1 toples":                               asks("unknown_unit mentega"),
		"minyak kelapa 1 jeriken":                        asks("unknown_unit minyak-kelapa"),
		"lobak 1 karuang":                                asks("incompatible_unit lobak"),
		"minyak kelapa 2 galeh":                          asks("unknown_unit minyak-kelapa"),
	})
	pricesOnly(t, spellingParser(), "bara sakilo oyong kini, da?", "harago lobak bara?")
}

// A word in Minang sounds reaches the catalog's Indonesian word by rule,
// not by a list: the endings (-ua -ur, -uang -ung, -iang -ing, -uik -ut,
// -iah -ih, -uah -uh, -uak -uk) and the first vowel a for e. A regional
// spelling in one product's alias ("puyuah") reaches the Indonesian word
// of another's name. A word the regional list knows keeps its meaning:
// Minang lado is chili, not lada.
func TestRegionalSpelling(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"jamua kupiang sakilo":             items("jamur-kuping 1"),
		"karang ijau 1 kg":                 items("kerang-hijau 1"),
		"baluik satangah":                  items("belut 0.5"),
		"tapuang sagu duo kilo":            items("tepung-sagu 2"),
		"kamangi 2 ikek":                   items("kemangi 2"),
		"lobak putiah 1 kg":                items("lobak-putih 1"),
		"pisang tanduak 2 sisia":           items("pisang-tanduk 2"),
		"talua puyuah sapuluah butia":      items("telur-puyuh 10"),
		"puyuah 2 ikua":                    items("puyuh 2"),
		"lado sakilo, lobak putiah sakilo": {items: []string{"lobak-putih 1"}, unk: []string{"lado sakilo"}},
	})
}

// After a price question, an amount on its own is how much the buyer
// wants of the goods asked about, not a quantity of nothing.
func TestAmountAfterPriceQuestion(t *testing.T) {
	p := spellingParser()
	for text, w := range map[string]want{
		"lobak berapa sekilo? ambil setengah":      items("lobak 0.5"),
		"oyong bara sakilo? ambiak sakilo lah":     items("oyong 1"),
		"uni, patin bara sakilo? ambo ambiak 2 kg": items("ikan-patin 2"),
	} {
		w.check(t, p, text)
		if !p.Parse(text).PriceQuery {
			t.Errorf("%q: not a price question", text)
		}
	}
}

// The catalog's own regional head nouns, learnt from its aliases: an
// alias "boled cilembu" for Ubi Cilembu says boled is ubi, so "boled
// ungu" is Ubi Ungu though no alias says so.
func TestLearntHeadNoun(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"boled ungu 2 kg":    items("ubi-ungu 2"),
		"boled cilembu 1 kg": items("ubi-cilembu 1"),
		"ubi ungu satangah":  items("ubi-ungu 0.5"),
	})
}

// A dish or a cured form of a product ("gulai nangka", Minang "palai"
// for a pepes, "telur asin") is other goods than the raw product, unless
// a product's name says it; salted fish is the fish ("selar asin").
func TestDishOfAProduct(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"gulai jamur kuping 2 bungkus": {unk: []string{"gulai jamur kuping 2 bungkus"}},
		"ado palai selar uni?":         {unk: []string{"palai selar"}},
		"pepes patin 2":                {unk: []string{"pepes patin 2"}},
		"telur puyuh asin 10 butir":    {unk: []string{"telur puyuh asin 10 butir"}},
		"selar asin 2 tumpuk":          items("ikan-selar 2"),
		"mau masak gulai, patin 1 kg":  items("ikan-patin 1"),
		"patin 1 kg buat gulai":        items("ikan-patin 1"),
	})
}

// A number that continues a name or alias with a number in it ("Benih
// Jagung BISI 18") is the name's, not the quantity.
func TestNumberInAName(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"benih jagung bisi 18 2 bungkus": items("benih-bisi18 2"),
		"bisi 18 sabungkuih":             items("benih-bisi18 1"),
		"bisi18 3 bungkus, lobak 1 kg":   items("benih-bisi18 3", "lobak 1"),
		"lobak 18 kg":                    items("lobak 18"),
	})
}

// Goods named without a quantity, then declined in the next sentence
// ("terasi? ndak usah lah", "lobak? gak usah"), are neither ordered nor
// asked about; a declined preparation is still a note.
func TestDeclinedAfterTheGoods(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"oyong 1 kg, terasi? ndak usah lah. lobak 1 ons": items("oyong 1", "lobak 0.1"),
		"lobak? gak usah deh":                            {},
		"oyong 1 kg, lobak, ndak usah":                   items("oyong 1"),
	})
}

// What is cooked or made after the order ("…, nio mambuek kue") is the
// dish, not a product whose name it starts; a whole name after it is
// still goods to ask about.
func TestDishAfterMaking(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"lobak 2 kilo, terasi 1 bungkus, nio mambuek kue": items("lobak 2", "terasi 1"),
		"oyong 1 kg, mau bikin kue":                       items("oyong 1"),
		"mau masak oyong":                                 asks("missing_qty oyong"),
		"mau bikin kue lumpur, 20 biji":                   items("kue-lumpur 20"),
	})
}

// Rendang (Mi randang) is a dish the meat is for, like opor or gulai:
// "daging randang" asks which meat, and the purpose after an order is no
// goods.
func TestRendangIsADish(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"daging randang duo kilo":               asks("ambiguous daging-domba daging-rusa"),
		"daging domba 2 kg, untuak randang":     items("daging-domba 2"),
		"daging rusa sakilo, mau masak rendang": items("daging-rusa 1"),
	})
}

// Grammar words of more regions (not from any set: for markets not yet
// written) join items, count and ask the price in any catalog: Manado and
// Ambon deng, kong, ngana, beta, nyanda, ikang, kase, dang, so; Palembang sikok, berapo;
// Madurese tello', lema', sapolo; Balinese tiang, numbas, suksma; Batak
// sadia.
func TestMoreRegionalGrammar(t *testing.T) {
	p := spellingParser()
	checkAll(t, p, map[string]want{
		"ngana, lobak 1 kg deng oyong satengah":  items("lobak 1", "oyong 0.5"),
		"beta mau oyong sikok kilo":              items("oyong 1"),
		"oyong tello kilo kong lobak lema kilo":  items("oyong 3", "lobak 5"),
		"tiang numbas lobak sapolo kilo, suksma": items("lobak 10"),
		"ikang patin 1 kg":                       items("ikan-patin 1"),
		"oyong 1 kg, lobak? nyanda usah":         items("oyong 1"),
		"kase lobak sakilo dang, so itu jo":      items("lobak 1"),
	})
	pricesOnly(t, p, "lobak berapo sekilo?", "sadia arga lobak sakilo?")
}

// A delivery word before the goods it sends ("tolong kirim lobak 1 kg")
// is intent, not the end of the order; before where or when, or after the
// goods, it still ends it; cancelling words always do.
func TestSendVerbBeforeGoods(t *testing.T) {
	checkAll(t, spellingParser(), map[string]want{
		"minta tolong kirim lobak 1 kg ke rumah": items("lobak 1"),
		"kirimin oyong sakilo ya":                items("oyong 1"),
		"lobak 1 kg kirim ke rumah":              items("lobak 1"),
		"diantar jam 7 ya, oyong 1 kg":           items("oyong 1"),
		"kirim ka rumah yo, nomor 12":            {},
		"batal lobak 1 kg":                       {},
	})
}
