package bot

import "strings"

// deliveryCueWords are words at least one of which every match of antarRe
// or ambilRe contains (each alternative of the two expressions needs one).
// Keep them in step with those expressions: TestDeliveryCuePrefilter and
// FuzzDeliveryCuePrefilter check the promise on every line they see.
var deliveryCueWords = []string{
	// antarRe
	"antar", "anter", "antaan", "antakan", "kirim", "kintun", "terke", "diteraken", "delivery", "ojol", "kurir", "cod ke rumah",
	// ambilRe
	"ambil", "jemput", "ke pasar", "candak", "nyandak", "pendet", "pendhet", "mendet", "mendhet", "jupuk", "jukut",
	"pick", "usah", "perlu", "ke sana", "kesana", "kesitu", "ke situ", "mampir",
}

// mayNameDelivery is a cheap test before the delivery expressions, which
// cost more than the rest of a buyer message's reading: false means
// neither can match line. Only ASCII lines are judged: the expressions
// fold case the Unicode way (the Kelvin sign matches k), so any other
// line is passed on to them.
func mayNameDelivery(line string) bool {
	for i := 0; i < len(line); i++ {
		if line[i] >= 0x80 {
			return true
		}
	}
	lower := strings.ToLower(line)
	for _, w := range deliveryCueWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}
