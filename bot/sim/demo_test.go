package sim_test

import (
	"testing"

	"pasarbot/bot/sim"
)

func TestDemoParses(t *testing.T) {
	s := sim.Demo()
	if _, ok := s.Start(); !ok {
		t.Error("the demo does not start with a dated @clock")
	}
	var sends, expects int
	for _, st := range s.Steps {
		switch st.Op {
		case sim.OpSend:
			sends++
		case sim.OpExpect:
			expects++
		}
	}
	if sends < 20 || expects < 20 {
		t.Errorf("demo has %d messages and %d expectations; it should show a whole morning", sends, expects)
	}
}
