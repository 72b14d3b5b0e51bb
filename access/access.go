// Package access is Vanthu's policy: the roles of a records office and
// what each may do. It is the one rule table; the HTTP server asks it
// before every action, and nothing else decides.
package access

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vanthu/vanthu/dict"
)

// Role is what a user does in the office. The API uses these English
// names; the UI shows the Vietnamese (Role.VI).
type Role string

const (
	Clerk     Role = "clerk"     // văn thư: receives, registers, corrects, assigns
	Staff     Role = "staff"     // chuyên viên: searches and reads what they may see
	Leader    Role = "leader"    // lãnh đạo: sees everything in the agency, assigns
	Archivist Role = "archivist" // lưu trữ: sees everything, downloads originals, keeps case files
	Admin     Role = "admin"     // quản trị: manages users; reads no documents by that alone
)

// Roles lists the roles.
var Roles = []Role{Clerk, Staff, Leader, Archivist, Admin}

var roleVI = map[Role]string{Clerk: "Văn thư", Staff: "Chuyên viên", Leader: "Lãnh đạo", Archivist: "Lưu trữ", Admin: "Quản trị"}

// VI is the role's Vietnamese name.
func (r Role) VI() string { return roleVI[r] }

// ParseRole reads a role by its English or Vietnamese name, with or
// without marks and case (clerk, Văn thư, van thu).
func ParseRole(s string) (Role, error) {
	k := strings.ToLower(dict.Fold(strings.Join(strings.Fields(s), " ")))
	for _, r := range Roles {
		if k == string(r) || k == strings.ToLower(dict.Fold(r.VI())) {
			return r, nil
		}
	}
	return "", fmt.Errorf("no role %q (one of %s)", s, roleNames())
}

func roleNames() string {
	var out []string
	for _, r := range Roles {
		out = append(out, string(r))
	}
	return strings.Join(out, ", ")
}

// Action is something a user asks of Vanthu.
type Action string

const (
	Read         Action = "read"          // search, a document's record, pages, words, original
	Receive      Action = "receive"       // upload a scan
	Queue        Action = "queue"         // the intake queue and its events
	Register     Action = "register"      // the register (sổ đăng ký) and its CSV
	Correct      Action = "correct"       // correct a document's metadata
	ManageUsers  Action = "manage_users"  // add, disable and list users and their tokens
	Metrics      Action = "metrics"       // the service's metrics
	OwnTokens    Action = "own_tokens"    // create and revoke one's own API tokens
	ReadAPIIndex Action = "read_api_docs" // the OpenAPI description
)

// rules is who may do what: one row per action.
var rules = map[Action][]Role{
	Read:         {Clerk, Staff, Leader, Archivist},
	Receive:      {Clerk},
	Queue:        {Clerk, Leader, Archivist},
	Register:     {Clerk, Leader, Archivist},
	Correct:      {Clerk},
	ManageUsers:  {Admin},
	Metrics:      {Admin},
	OwnTokens:    {Clerk, Staff, Leader, Archivist, Admin},
	ReadAPIIndex: {Clerk, Staff, Leader, Archivist, Admin},
}

// Allowed reports whether role may do a.
func Allowed(role Role, a Action) bool { return slices.Contains(rules[a], role) }

// Actions lists the actions, for tables and tests.
func Actions() []Action {
	var out []Action
	for a := range rules {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}
