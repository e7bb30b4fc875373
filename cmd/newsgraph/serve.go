package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/web"
)

type serveCmd struct{}

func (*serveCmd) Name() string     { return "serve" }
func (*serveCmd) Synopsis() string { return "answer the HTTP JSON API over a store" }

func (c *serveCmd) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "[flags]", `
Serves the HTTP JSON API under /api/v1 (documents, search, entities,
quotes, events, positions, export) and its OpenAPI description at
/openapi.json. Stops gracefully on SIGINT or SIGTERM, letting requests in
flight finish.

Example:
  newsgraph serve --db news.db --addr 127.0.0.1:8080 --token "$NEWSGRAPH_TOKEN"`)
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on")
	dbPath := fs.String("db", "", "the store: a SQLite file `path` or a postgres:// URL (default $NEWSGRAPH_DB or newsgraph.db)")
	token := fs.String("token", os.Getenv("NEWSGRAPH_TOKEN"), "bearer `token` required on API requests (default $NEWSGRAPH_TOKEN; none: open)")
	readToken := fs.String("read-token", os.Getenv("NEWSGRAPH_READ_TOKEN"), "a second bearer `token` that may only read (GET) (default $NEWSGRAPH_READ_TOKEN)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body, in `bytes`")
	verbose := fs.Bool("v", false, "log every request")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run, until it stops, to `file`")
	args, err := parseFlags(fs, args, stderr)
	if err != nil {
		return err
	}
	stopProfile, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	if len(args) > 0 {
		fmt.Fprintf(stderr, "newsgraph serve: unexpected argument %q\n", args[0])
		return errUsage
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	h := server.New(server.Options{Store: db, Token: *token, ReadToken: *readToken, MaxBody: *maxBody, Log: log,
		UI: web.Handler(db, web.Options{Logger: log, Token: *token})})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      2 * time.Minute, // export pushes its own deadline on
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving", "addr", "http://"+ln.Addr().String(), "db", *dbPath, "auth", *token != "" || *readToken != "")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
