package bench

import "testing"

// BenchmarkEncode runs every encode contender on both payloads, as
// BenchmarkEncode/<payload>/<contender>. run.sh runs the test binary -count times in a row,
// so that contenders interleave rather than each taking its ten runs at once.
func BenchmarkEncode(b *testing.B) {
	for _, c := range encodeCases(b) {
		b.Run(c.payload+"/"+c.contender, func(b *testing.B) {
			data, err := c.encode()
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.encode(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode runs every decode contender on framegen's encoding of both payloads
// (testdata/<payload>.json), as BenchmarkDecode/<payload>/<contender>.
func BenchmarkDecode(b *testing.B) {
	for _, c := range decodeCases() {
		data := goldenJSON(b, c.payload)
		b.Run(c.payload+"/"+c.contender, func(b *testing.B) {
			if err := c.decode(data); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
