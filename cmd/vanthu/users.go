package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/audit"
	"github.com/vanthu/vanthu/auth"
)

// authFile is the user database in a data folder.
func authFile(data string) string { return filepath.Join(data, "auth.db") }

// openUsers opens the user database of a data folder for a command run
// while the server is stopped.
func openUsers(data string) (*auth.Store, error) {
	if err := os.MkdirAll(data, 0o750); err != nil {
		return nil, err
	}
	s, err := auth.Open(authFile(data), 2*time.Second)
	if errors.Is(err, auth.ErrLocked) {
		return nil, fmt.Errorf("%s is in use by a running vanthu server: manage users in its admin pages (/admin/users) or API (/api/v1/users, /api/v1/tokens)", data)
	}
	return s, err
}

// userCmd is `vanthu user add|list|disable|enable`.
func userCmd(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: vanthu user add NAME --role ROLE [--unit UNIT] | list | disable NAME | enable NAME [--data DIR]")
	}
	sub, args := args[0], args[1:]
	fs := newFlagSet("user "+sub, "")
	data := fs.String("data", "./var", "data folder")
	role := fs.String("role", "", "role: clerk (văn thư), staff (chuyên viên), leader (lãnh đạo), archivist (lưu trữ), admin (quản trị)")
	unit := fs.String("unit", "", "the user's unit (phòng, ban)")
	name, err := parseWithName(fs, args, sub != "list")
	if err != nil {
		return err
	}
	users, err := openUsers(*data)
	if err != nil {
		return err
	}
	defer users.Close()
	switch sub {
	case "add":
		r, err := access.ParseRole(*role)
		if err != nil {
			return err
		}
		password, err := readPassword(os.Stdin, os.Stderr, "Mật khẩu cho "+name+": ")
		if err != nil {
			return err
		}
		u, err := users.Add(name, r, *unit, password)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "added %s (%s, %s)\n", u.Name, u.Role, u.Role.VI())
	case "list":
		list, err := users.List()
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tROLE\tUNIT\tSTATE")
		for _, u := range list {
			state := "active"
			if u.Disabled {
				state = "disabled"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Name, u.Role, u.Unit, state)
		}
		return tw.Flush()
	case "disable", "enable":
		off := sub == "disable"
		if _, err := users.Update(name, func(u *auth.User) error { u.Disabled = off; return nil }); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%sd %s\n", sub, name)
	default:
		return fmt.Errorf("no command user %s (add, list, disable, enable)", sub)
	}
	return nil
}

// tokenCmd is `vanthu token create NAME`: prints a new API token.
func tokenCmd(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: vanthu token create NAME [--data DIR]")
	}
	fs := newFlagSet("token create", "NAME")
	data := fs.String("data", "./var", "data folder")
	name, err := parseWithName(fs, args[1:], true)
	if err != nil {
		return err
	}
	users, err := openUsers(*data)
	if err != nil {
		return err
	}
	defer users.Close()
	tok, rec, err := users.CreateToken(name)
	if err != nil {
		return err
	}
	fmt.Println(tok)
	fmt.Fprintf(os.Stderr, "token %s for %s: send it as Authorization: Bearer …; it is not shown again\n", rec.ID, name)
	return nil
}

// parseWithName parses flags around one positional NAME (before or after
// them).
func parseWithName(fs interface {
	Parse([]string) error
	Args() []string
}, args []string, want bool) (string, error) {
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if rest := fs.Args(); name == "" && len(rest) > 0 {
		name = rest[0]
	}
	if want && name == "" {
		return "", errors.New("a user name is needed")
	}
	return name, nil
}

// readPassword reads a password: asked for without echo on a terminal,
// else the first line of in.
func readPassword(in *os.File, prompt io.Writer, ask string) (string, error) {
	if term.IsTerminal(int(in.Fd())) {
		fmt.Fprint(prompt, ask)
		b, err := term.ReadPassword(int(in.Fd()))
		fmt.Fprintln(prompt)
		return string(b), err
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("no password on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// firstRun creates the user admin when there are none, and tells the
// password once: on the console and in DATA/initial-admin-password (0600).
func firstRun(users *auth.Store, data string, console io.Writer) error {
	password, err := users.EnsureAdmin()
	if err != nil || password == "" {
		return err
	}
	file := filepath.Join(data, "initial-admin-password")
	if err := os.WriteFile(file, []byte(password+"\n"), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(console, "\nVanthu: first run. User admin, password %s (also in %s). Log in, add the users, then delete that file.\n\n", password, file)
	return nil
}

// auditCmd is `vanthu audit verify`: walks the audit log's chain.
func auditCmd(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New("usage: vanthu audit verify [--data DIR] [--audit-key-dir DIR]")
	}
	fs := newFlagSet("audit verify", "")
	data := fs.String("data", "./var", "data folder")
	keys := fs.String("audit-key-dir", "", "folder of the audit log's key (default DATA)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *keys == "" {
		*keys = *data
	}
	n, err := audit.Verify(filepath.Join(*data, "audit"), *keys)
	if err != nil {
		return err
	}
	fmt.Printf("audit log intact: %d entries\n", n)
	return nil
}
