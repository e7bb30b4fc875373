package hostile

import (
	"errors"
	"testing"
	"time"
)

// MiB is 2²⁰ bytes.
const MiB = 1 << 20

// Expect runs fn under Measure and fails t unless fn returns an error
// (errors.Is want, when want is not nil) within deadline, with a peak heap
// under maxHeap. It logs one line, "hostile NAME: ERROR (USAGE)", which is
// what `go test -v -run Hostile` prints for the record of outcomes.
func Expect(t testing.TB, name string, deadline time.Duration, maxHeap uint64, want error, fn func() error) Usage {
	t.Helper()
	var err error
	u := Measure(deadline, func() { err = fn() })
	if u.TimedOut {
		t.Fatalf("hostile %s: still running after %v", name, deadline)
	}
	t.Logf("hostile %s: %v (%s)", name, err, u)
	switch {
	case err == nil:
		t.Errorf("hostile %s: accepted, want an error", name)
	case want != nil && !errors.Is(err, want):
		t.Errorf("hostile %s: error %q is not %q", name, err, want)
	}
	if u.PeakHeap > maxHeap {
		t.Errorf("hostile %s: peak heap %.1f MiB, over the bound of %.1f MiB", name, float64(u.PeakHeap)/MiB, float64(maxHeap)/MiB)
	}
	return u
}
