//go:build race

package chatserver

// concurrentClients is the number of clients TestConcurrentAuth runs at once. Under -race,
// which is about ten times slower, it is 100: .ci/test runs that variant; the plain
// `go test` run has the 1,000 of race_off_test.go.
const concurrentClients = 100
