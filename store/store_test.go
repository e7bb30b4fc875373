package store

import (
	"errors"
	"testing"
)

func TestCursor(t *testing.T) {
	for _, n := range []int64{0, 1, 51, 1 << 40} {
		got, err := DecodeCursor(EncodeCursor(n))
		if err != nil || got != n {
			t.Errorf("cursor of %d decodes to %d %v", n, got, err)
		}
	}
	if n, err := DecodeCursor(""); n != 0 || err != nil {
		t.Errorf(`DecodeCursor("") = %d %v`, n, err)
	}
	for _, c := range []string{"x", "Zm9v", "YzE6LTE", "YzE6YWJj", "c1:5", "!!", EncodeCursor(5) + "="} {
		if _, err := DecodeCursor(c); !errors.Is(err, ErrBadCursor) {
			t.Errorf("DecodeCursor(%q) = %v, want ErrBadCursor", c, err)
		}
	}
}

func TestPageSize(t *testing.T) {
	for _, tc := range []struct{ in, want int }{{0, DefaultLimit}, {-3, DefaultLimit}, {7, 7}, {MaxLimit, MaxLimit}, {MaxLimit + 1, MaxLimit}} {
		if got := (Page{Limit: tc.in}).Size(); got != tc.want {
			t.Errorf("Size(%d) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func FuzzDecodeCursor(f *testing.F) {
	f.Add("")
	f.Add(EncodeCursor(42))
	f.Add("YzE6LTE")
	f.Fuzz(func(t *testing.T, c string) {
		n, err := DecodeCursor(c)
		if err != nil {
			if !errors.Is(err, ErrBadCursor) {
				t.Fatalf("error %v is not ErrBadCursor", err)
			}
			return
		}
		if n < 0 {
			t.Fatalf("negative position %d", n)
		}
	})
}
