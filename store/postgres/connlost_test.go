package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestConnLost(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"terminated by the server", fmt.Errorf("begin: %w", &pgconn.PgError{Severity: "FATAL", Code: "57P01"}), true},
		{"server starting up", &pgconn.PgError{Code: "57P03"}, true},
		{"connection failure", &pgconn.PgError{Code: "08006"}, true},
		{"connection closed by the driver", fmt.Errorf("commit: %w", pgconn.ErrConnClosed), true},
		{"unexpected EOF", fmt.Errorf("read: %w", io.ErrUnexpectedEOF), true},
		{"connection reset", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}, true},
		{"connection refused", fmt.Errorf("dial: %w", syscall.ECONNREFUSED), true},
		{"deadlock is not a lost connection", &pgconn.PgError{Code: "40P01"}, false},
		{"unique violation", &pgconn.PgError{Code: "23505"}, false},
		{"statement timeout", &pgconn.PgError{Code: "57014"}, false},
		{"cancelled by the caller", fmt.Errorf("put: %w", context.Canceled), false},
		{"caller's deadline", context.DeadlineExceeded, false},
		{"a bad record", errors.New("decode record: unexpected end of JSON input"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := connLost(tt.err); got != tt.want {
				t.Errorf("connLost(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// TestWhileLostGivesUp checks that whileLost runs a write again after a lost
// connection, not after any other error, and stops when the context ends.
func TestWhileLostGivesUp(t *testing.T) {
	lost := &pgconn.PgError{Code: "57P01"}
	db := &DB{}
	tries := 0
	err := db.whileLost(context.Background(), func() error {
		if tries++; tries < 3 {
			return lost
		}
		return nil
	})
	if err != nil || tries != 3 {
		t.Errorf("after two lost connections: err %v, tries %d; want nil after 3", err, tries)
	}
	tries = 0
	bad := errors.New("bad record")
	if err := db.whileLost(context.Background(), func() error { tries++; return bad }); err != bad || tries != 1 {
		t.Errorf("another error: %v after %d tries, want it at once", err, tries)
	}
	ctx, cancel := context.WithCancel(context.Background())
	tries = 0
	err = db.whileLost(ctx, func() error {
		if tries++; tries == 2 {
			cancel()
		}
		return lost
	})
	if err != lost || tries != 2 {
		t.Errorf("cancelled: %v after %d tries, want the lost connection's error after 2", err, tries)
	}
	// a store that gave up waiting tries once, until a write succeeds
	db.down.Store(true)
	tries = 0
	if err := db.whileLost(context.Background(), func() error { tries++; return lost }); err != lost || tries != 1 {
		t.Errorf("down: %v after %d tries, want the error at once", err, tries)
	}
	db.whileLost(context.Background(), func() error { return nil })
	if db.down.Load() {
		t.Errorf("still down after a write succeeded")
	}
}
