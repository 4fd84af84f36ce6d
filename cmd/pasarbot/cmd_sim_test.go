package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write from the command while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestSim(t *testing.T) {
	useEcho(t)
	// Pick a free port, then let the command listen on it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}, []string{"sim", "--addr", addr})
	}()

	var res *http.Response
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		res, err = http.Post("http://"+addr+"/api/send", "application/json",
			strings.NewReader(`{"party":"buyer","from":"6281234567001","text":"cabe rawit 1/4"}`))
		if err == nil || time.Now().After(deadline) {
			break
		}
	}
	if err != nil {
		t.Fatalf("simulator not serving: %v; stderr: %s", err, errb.String())
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("send: %s", res.Status)
	}
	for deadline := time.Now().Add(3 * time.Second); !strings.Contains(out.String(), "→ sayur: Pesanan baru F001"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("transcript on stdout lacks the card:\n%s", out.String())
		}
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d; stderr: %s", code, errb.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("sim did not stop after cancel")
	}
	if !strings.Contains(out.String(), "http://"+addr) {
		t.Errorf("stdout lacks the address:\n%s", out.String())
	}
}
