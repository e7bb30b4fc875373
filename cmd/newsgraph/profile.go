package main

import (
	"os"
	"runtime/pprof"
)

// startCPUProfile writes a CPU profile of the command to path until the
// returned stop is called; with no path it does nothing. Long runs
// (ingest, serve) take --cpuprofile to show where their time goes.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
