package qris

import "fmt"

// crcTable is CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection,
// no final xor), the checksum EMVCo puts in tag 63.
var crcTable = func() (t [256]uint16) {
	for i := range t {
		c := uint16(i) << 8
		for range 8 {
			if c&0x8000 != 0 {
				c = c<<1 ^ 0x1021
			} else {
				c <<= 1
			}
		}
		t[i] = c
	}
	return t
}()

// CRC16 is CRC-16/CCITT-FALSE over the bytes of s.
func CRC16(s string) uint16 {
	crc := uint16(0xFFFF)
	for i := 0; i < len(s); i++ {
		crc = crc<<8 ^ crcTable[byte(crc>>8)^s[i]]
	}
	return crc
}

// crcText is the checksum as tag 63 writes it: four upper-case hex digits.
func crcText(s string) string { return fmt.Sprintf("%04X", CRC16(s)) }
