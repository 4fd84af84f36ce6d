// Command pasarbot runs a WhatsApp ordering gateway for a traditional market.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// env is what a subcommand may touch; tests pass their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands is the whole CLI, one line each.
var commands = []command{
	{"run", "connect each market's WhatsApp number and serve buyers, sellers and couriers", runRun},
	{"logout", "unlink the WhatsApp device", runLogout},
	{"demo", "play a built-in market morning and print the transcript", runDemo},
	{"replay", "play a replay script against the bot and print the transcript", runReplay},
	{"sim", "serve the web simulator: every party of the market in one page", runSim},
	{"parse", "show how order messages are understood", runParse},
	{"catalog", "import or export the product catalog (CSV)", runCatalog},
	{"orders", "list orders", runOrders},
	{"qris", "check a merchant's static QRIS, or build the dynamic one for an amount", runQris},
	{"audit", "every event of one order with actor and time: pasarbot audit CODE", runAudit},
	{"states", "print the conversation and order state machines", runStates},
	{"laporan", "reports: laporan harga|grafik --date YYYY-MM-DD (prices as CSV; charts as PNG, numbers as CSV)", runLaporan},
	{"migrate", "create or upgrade the database schema", runMigrate},
	{"status", "which process serves which market (markets on PostgreSQL)", runStatus},
	{"backup", "write a consistent backup of the database and device store (works while run serves)", runBackup},
	{"restore", "replace the database (or device store) with a checked backup", runRestore},
	{"doctor", "check a deployment: configuration, files, permissions, time zone, clock, disk, backups", runDoctor},
	{"version", "print the version", runVersion},
}

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// errUsage means the flags were wrong; the flag package already said why.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// Main runs one subcommand and returns the process exit code.
func Main(ctx context.Context, e env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(ctx, e, args[1:])
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return 2
			default:
				var ee exitError
				if errors.As(err, &ee) {
					if ee.msg != "" {
						fmt.Fprintln(e.stderr, "pasarbot "+c.name+": "+ee.msg)
					}
					return ee.code
				}
				fmt.Fprintln(e.stderr, "pasarbot "+c.name+": "+err.Error())
				return 1
			}
		}
	}
	fmt.Fprintf(e.stderr, "pasarbot: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

// exitError ends a command with a given exit code.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func usage(w io.Writer) {
	fmt.Fprintln(w, "pasarbot — WhatsApp ordering for a traditional market")
	fmt.Fprintln(w, "\nUsage: pasarbot COMMAND [flags]   (pasarbot COMMAND -h for a command's flags)")
	fmt.Fprintln(w, "\nCommands:")
	cs := commands
	for _, c := range cs {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
}

// newFlags makes a FlagSet that prints its help to the command's stdout.
func newFlags(e env, name, usageLine string) *flag.FlagSet {
	fs := flag.NewFlagSet("pasarbot "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: pasarbot %s %s\n", name, usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses and maps flag errors to errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// parseArgs parses flags and wants exactly n arguments after them; a
// wrong count prints the command's usage.
func parseArgs(fs *flag.FlagSet, args []string, n int) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != n {
		fs.Usage()
		return errUsage
	}
	return nil
}

func runVersion(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "version", "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "pasarbot "+version)
	return nil
}
