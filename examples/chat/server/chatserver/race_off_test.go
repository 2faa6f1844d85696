//go:build !race

package chatserver

// concurrentClients is the number of clients TestConcurrentAuth runs at once: 1,000 in the
// plain run; race_on_test.go makes it 100 under -race.
const concurrentClients = 1000
