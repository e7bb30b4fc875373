// Package shared finds the folder of public data sets that sits beside the
// project (../shared), for tests and benchmarks that measure on real data.
// Tests that need it skip with a clear message when it is absent.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the path of the shared folder: $NEWSGRAPH_SHARED, or ../shared
// beside the module root. It returns "" when there is none.
func Dir() string {
	if d := os.Getenv("NEWSGRAPH_SHARED"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if st, err := os.Stat(s); err == nil && st.IsDir() {
				return s
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Path returns the path of rel inside the shared folder, or skips the test
// (or benchmark) when it is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	d := Dir()
	if d == "" {
		tb.Skipf("skipped: needs the shared data folder (../shared or $NEWSGRAPH_SHARED) for %s", rel)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipped: %s not found in the shared data folder", rel)
	}
	return p
}
