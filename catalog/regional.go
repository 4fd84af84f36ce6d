package catalog

// regionalWords are words of the regional languages buyers mix into
// Indonesian (Javanese ngoko and krama, Sundanese, Banjar, Minang, Betawi),
// each with the Indonesian word a catalog names the same thing with. They
// are general, not one market's: a Banjar market's spreadsheet says
// "Kunyit", and a Javanese buyer there still writes "kunir". A word is read
// this way only when the catalog does not know it itself (a market that
// sells "Lombok Ijo" keeps its own name) and knows the Indonesian word.
var regionalWords = map[string]string{
	// colours, which tell sorts apart (cabai rawit merah / hijau)
	"abang": "merah", "abrit": "merah", "beureum": "merah", "habang": "merah", "sirah": "merah",
	"ijo": "hijau", "hejo": "hijau", "ijau": "hijau", "ijem": "hijau",
	"bodas": "putih", "pethak": "putih", "puteh": "putih",
	"koneng": "kuning", "kuniang": "kuning", "kunyit": "kuning",
	"ireng": "hitam", "hideung": "hitam", "hirang": "hitam",
	"gede": "besar", "gedhe": "besar", "ganal": "besar", "gadang": "besar",
	"cilik": "kecil", "leutik": "kecil", "halus": "kecil", "ketek": "kecil",
	"dowo": "panjang", "dawa": "panjang", "panjang": "panjang",
	"tuo": "tua", "mudo": "muda", "anom": "muda",
	// kinds of goods
	"hayam": "ayam", "ayam": "ayam", "pitik": "ayam", // Su hayam, Jv pitik
	"iwak": "ikan", "iwa": "ikan", "ikang": "ikan", "lawuak": "ikan", "lauk": "ikan", // Sundanese "lauk mas": in Indonesian lauk is any side dish, so only where the catalog has no "lauk"
	"endog": "telur", "endhog": "telur", "tigan": "telur", "talua": "telur", "hintalu": "telur", "tolor": "telur", "telor": "telur",
	"sampi": "sapi", "jawi": "sapi", "dagiang": "daging", "dageng": "daging",
	"lombok": "cabai", "lado": "cabai", "cabe": "cabai", "cabi": "cabai",
	"cengek": "rawit", "cengis": "rawit",
	"kunir": "kunyit", "laos": "lengkuas", "sereh": "serai", "kobis": "kol",
	"bonteng": "timun", "ketimun": "timun", "kecambah": "tauge", "toge": "tauge", "gambas": "oyong",
	"surawung": "kemangi", "peuteuy": "petai", "pete": "petai",
	"gumbili": "singkong", "sampeu": "singkong", "pohong": "singkong", "kasapi": "singkong",
	"karambia": "kelapa", "krambil": "kelapa", "kalapa": "kelapa", "nyiur": "kelapa",
	"jagong": "jagung", "kates": "pepaya", "cau": "pisang",
	"kalikih": "pepaya", "jariang": "jengkol", "taruang": "terong", // Minang
	// Manado (North Sulawesi): daong (daun), sayor (sayur), milu (jagung),
	// goraka (jahe), balakama (kemangi), kasbi (singkong), katimun (timun).
	// Not rica: chilli in Manado, the small hot one elsewhere ("rica
	// parapat" of the default file offers only the rawit).
	"daong": "daun", "sayor": "sayur", "milu": "jagung", "goraka": "jahe", "balakama": "kemangi",
	"kasbi": "singkong", "katimun": "timun",
	"uyah": "garam", "gulo": "gula", "lenga": "minyak", "minyek": "minyak",
	"beas": "beras", "baras": "beras",
	"bawang": "bawang", "bawa": "bawang",
}

// regionalTarget holds the Indonesian words of regionalWords.
var regionalTarget = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range regionalWords {
		m[r] = true
	}
	return m
}()

// IndonesianWord is the Indonesian word for a regional one, or the word
// itself.
func IndonesianWord(w string) string {
	if r, ok := regionalWords[w]; ok {
		return r
	}
	return w
}
