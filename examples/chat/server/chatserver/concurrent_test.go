package chatserver

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	coder "github.com/coder/websocket"

	"github.com/framegen/framegen/examples/chat/chatclient"
)

// authOnce runs one client of the concurrent test: good clients must get auth_success for
// their own name, then close normally; bad ones auth_error invalid_token, then close 1008.
// It returns the close code the client saw (1000 for a good client that closed itself).
func authOnce(url string, i int, good bool) (coder.StatusCode, error) {
	c, err := tryDial(url, []string{chatclient.Subprotocol})
	if err != nil {
		return -1, fmt.Errorf("dial: %w", err)
	}
	defer c.conn.CloseNow()
	name := fmt.Sprintf("user%d", i)
	token := "demo:" + name
	if !good {
		token = "bad:" + name
	}
	if err := c.send(chatclient.AuthRequest{Token: token}); err != nil {
		return -1, fmt.Errorf("send: %w", err)
	}
	if !good {
		code, frames, err := c.closeCode()
		if err != nil {
			return code, err
		}
		if len(frames) != 1 {
			return code, fmt.Errorf("got %d frames before the close, want 1 auth_error", len(frames))
		}
		if ae, ok := frames[0].(chatclient.AuthError); !ok || ae.Code != chatclient.AuthErrorCodeInvalidToken || ae.State != chatclient.ConnectionStateClosing {
			return code, fmt.Errorf("got %#v, want auth_error invalid_token, state closing", frames[0])
		}
		return code, nil
	}
	f, err := c.next()
	if err != nil {
		return coder.CloseStatus(err), fmt.Errorf("read: %w", err)
	}
	if ok, isOK := f.(chatclient.AuthSuccess); !isOK || ok.User.Name != name || ok.State != chatclient.ConnectionStateConnected {
		return -1, fmt.Errorf("got %#v, want auth_success for %s, state connected", f, name)
	}
	if err := c.conn.Close(coder.StatusNormalClosure, ""); err != nil {
		return -1, fmt.Errorf("close: %w", err)
	}
	return coder.StatusNormalClosure, nil
}

// Integration group 4: concurrentClients clients authenticate at once, half with bad
// tokens, on each transport. Every client gets exactly the right frame and close, no close
// is 1011, and no goroutine is left behind once the server is shut down.
func TestConcurrentAuth(t *testing.T) {
	forEachTransport(t, func(t *testing.T, tr Transport) {
		before := runtime.NumGoroutine()
		// A deadline far beyond any client's wait, so a loaded machine cannot turn a slow
		// login into an auth_timeout.
		ts := startServer(t, tr, func(c *Config) { c.AuthTimeout = time.Minute })
		codes := make([]coder.StatusCode, concurrentClients)
		errs := make([]error, concurrentClients)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range concurrentClients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				codes[i], errs[i] = authOnce(ts.url, i, i%2 == 0)
			}()
		}
		close(start)
		wg.Wait() // every step of a client is bounded by ioTimeout

		counts := map[coder.StatusCode]int{}
		failed := 0
		for i, err := range errs {
			counts[codes[i]]++
			if err != nil {
				if failed++; failed <= 10 {
					t.Errorf("client %d (good=%v): %v", i, i%2 == 0, err)
				}
			}
		}
		if failed > 0 {
			t.Errorf("%d of %d clients failed", failed, concurrentClients)
		}
		half := concurrentClients / 2
		if counts[coder.StatusNormalClosure] != half || counts[coder.StatusPolicyViolation] != half || counts[coder.StatusInternalError] != 0 {
			t.Errorf("close codes = %v, want %d × 1000, %d × 1008, 0 × 1011", counts, half, half)
		}
		waitOpen(t, ts.srv, 0)
		ts.stop()
		if strings.Contains(ts.logs.String(), `"code":1011`) {
			t.Error("the server logged a close with 1011")
		}
		if n, stacks := goroutinesSettle(before); stacks != "" {
			t.Errorf("%d goroutines after the test, %d before:\n%s", n, before, stacks)
		}
	})
}
