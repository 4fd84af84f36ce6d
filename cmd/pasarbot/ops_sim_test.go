package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// `pasarbot sim` serves /healthz and /metrics on --ops-addr, fed by the
// real simulated market.
func TestSimHealthAndMetrics(t *testing.T) {
	addr, opsAddr := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }},
			[]string{"sim", "--addr", addr, "--ops-addr", opsAddr})
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("sim did not stop")
		}
	}()
	var err error
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		var res *http.Response
		res, err = http.Post("http://"+addr+"/api/send", "application/json",
			strings.NewReader(`{"party":"buyer","from":"6281234567001","text":"cabe rawit 1/4"}`))
		if err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("simulator not serving: %v; stderr: %s", err, errb.String())
		}
	}
	if code, body := get(t, "http://"+opsAddr+"/healthz"); code != 200 || !strings.Contains(body, `"status":"ok"`) {
		t.Errorf("/healthz = %d %s", code, body)
	}
	code, body := get(t, "http://"+opsAddr+"/metrics")
	if code != 200 || !strings.Contains(body, `pasarbot_messages_in_total{chat="direct",kind="text"} 1`) {
		t.Errorf("/metrics = %d, lacks the one inbound message:\n%s", code, body)
	}
	if !strings.Contains(out.String(), "http://"+opsAddr+"/metrics") {
		t.Errorf("stdout does not name the metrics address:\n%s", out.String())
	}
}
