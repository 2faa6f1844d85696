package chatserver

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// benchClients is how many clients BenchmarkAuthHandshake keeps connecting at once.
const benchClients = 1000

// BenchmarkAuthHandshake measures full auth handshakes per second over loopback with
// benchClients concurrent clients, per transport. One handshake is a WebSocket dial with the
// chat subprotocol, auth_request, auth_success decoded by the client, and the close
// handshake. Run it with a bounded count, since each handshake uses a fresh ephemeral port:
//
//	go test -run '^$' -bench AuthHandshake -benchtime 20000x ./examples/chat/server/chatserver
func BenchmarkAuthHandshake(b *testing.B) {
	for _, tr := range Transports() {
		b.Run(string(tr), func(b *testing.B) {
			ts := startServer(b, tr, func(c *Config) { c.Logger = nil }) // nil: discard
			var next atomic.Int64
			var failed atomic.Int64
			var firstErr atomic.Value
			workers := min(benchClients, b.N)
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := int(next.Add(1)); i <= b.N; i = int(next.Add(1)) {
						if _, err := authOnce(ts.url, i, true); err != nil {
							failed.Add(1)
							firstErr.CompareAndSwap(nil, fmt.Sprint(err))
						}
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			if n := failed.Load(); n > 0 {
				b.Fatalf("%d of %d handshakes failed; first: %v", n, b.N, firstErr.Load())
			}
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "handshakes/s")
			b.ReportMetric(float64(workers), "clients")
		})
	}
}
