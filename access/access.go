// Package access is Vanthu's policy: the roles of a records office and
// what each may do. It is the one rule table; the HTTP server asks it
// before every action, and nothing else decides.
package access

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vanthu/vanthu"
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
	k := dict.FoldKey(s)
	for _, r := range Roles {
		if k == string(r) || k == dict.FoldKey(r.VI()) {
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
	Read           Action = "read"             // search, a document's record, pages, words, original
	Assign         Action = "assign"           // set a document's access (giao xử lý)
	ActiveOriginal Action = "active_original"  // the original of a PDF that carries active content
	ExactOriginal  Action = "exact_original"   // the byte-exact original of any document (else the reading copy)
	Receive        Action = "receive"          // upload a scan
	Queue          Action = "queue"            // the intake queue and its events
	Register       Action = "register"         // the register (sổ đăng ký) and its CSV
	Correct        Action = "correct"          // correct a document's metadata
	ManageUsers    Action = "manage_users"     // add, disable and list users and their tokens
	ViewAudit      Action = "view_audit"       // search the audit log
	Metrics        Action = "metrics"          // the service's metrics
	OwnTokens      Action = "own_tokens"       // create and revoke one's own API tokens
	ReadAPIIndex   Action = "read_api_docs"    // the OpenAPI description
	CaseFiles      Action = "case_files"       // the case files (hồ sơ), their documents, the đến hạn list
	FileDocuments  Action = "file_documents"   // open case files and file documents in them
	ExportCaseFile Action = "export_case_file" // a case file's export for deposit
	Import         Action = "import"           // take records of the agency's earlier system
)

// rules is who may do what: one row per action.
var rules = map[Action][]Role{
	Read:           {Clerk, Staff, Leader, Archivist},
	Receive:        {Clerk},
	Queue:          {Clerk, Leader, Archivist},
	Register:       {Clerk, Leader, Archivist},
	Correct:        {Clerk},
	Assign:         {Clerk, Leader},
	ActiveOriginal: {Archivist},
	ExactOriginal:  {Archivist},
	ManageUsers:    {Admin},
	ViewAudit:      {Admin},
	Metrics:        {Admin},
	OwnTokens:      {Clerk, Staff, Leader, Archivist, Admin},
	ReadAPIIndex:   {Clerk, Staff, Leader, Archivist, Admin},
	CaseFiles:      {Clerk, Leader, Archivist},
	FileDocuments:  {Clerk, Archivist},
	ExportCaseFile: {Archivist},
	Import:         {Clerk, Archivist},
}

// Allowed reports whether role may do a.
func Allowed(role Role, a Action) bool { return slices.Contains(rules[a], role) }

// GetsOriginal reports whether v is given a document's byte-exact
// original: an archivist, or the clerk who received the file (any clerk,
// for a file that came through the office's drop folder or command line,
// which no one user sent: receivedBy ""). Everyone else who may read it is
// given its reading copy (the PDF/A archive copy) when it has one, and its
// original otherwise.
func GetsOriginal(v Viewer, receivedBy string) bool {
	return Allowed(v.Role, ExactOriginal) || v.Role == Clerk && (receivedBy == "" || v.Name == receivedBy)
}

// seeAll are the roles that see every document, restricted or not.
var seeAll = []Role{Clerk, Leader, Archivist}

// Viewer is who asks to see documents.
type Viewer struct {
	Name string
	Role Role
	Unit string
}

// Sight is what a viewer may see of the documents: all of them, or those
// of the agency's scope and those assigned to their unit or to them; a
// state-secret document of an isolated machine only if a leader or named. The
// zero Sight sees nothing. It is the one rule: Sees applies it to one
// document, and search turns the same fields into its filter.
type Sight struct {
	All    bool
	Secret bool     // state-secret documents (an isolated machine's): leaders
	Agency bool     // documents of the agency's scope
	Units  []string // restricted documents assigned to these units
	Users  []string // restricted (and secret) documents assigned to these users
}

// SightOf is what v may see.
func SightOf(v Viewer) Sight {
	switch {
	case !Allowed(v.Role, Read):
		return Sight{}
	case slices.Contains(seeAll, v.Role):
		return Sight{All: true, Secret: v.Role == Leader, Users: []string{v.Name}}
	}
	s := Sight{Agency: true, Users: []string{v.Name}}
	if v.Unit != "" {
		s.Units = []string{v.Unit}
	}
	return s
}

// Sees reports whether s includes a document whose access is a.
func (s Sight) Sees(a vanthu.Access) bool {
	switch {
	case a.Secret:
		if s.Secret {
			return true
		}
		for _, u := range s.Users {
			if slices.Contains(a.Users, u) {
				return true
			}
		}
		return false
	case s.All:
		return true
	case !a.Restricted():
		return s.Agency
	}
	for _, u := range s.Units {
		if slices.Contains(a.Units, u) {
			return true
		}
	}
	for _, u := range s.Users {
		if slices.Contains(a.Users, u) {
			return true
		}
	}
	return false
}
