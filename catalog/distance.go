package catalog

// osaDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours, the
// typos thumbs make), counted in bytes. It gives up early and returns
// limit+1 once the distance must exceed limit.
func osaDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if len(a) > maxWordLen || len(b) > maxWordLen {
		return limit + 1 // no product word is this long; do not pay for it
	}
	// Three rolling rows: two back for the swap, one back, current. Bytes
	// suffice (distances stay ≤ 33) and keep the zeroing cheap.
	var rows [3][maxWordLen + 1]uint8
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = uint8(j)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = uint8(i)
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if int(rowMin) > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return int(prev[len(b)])
}
