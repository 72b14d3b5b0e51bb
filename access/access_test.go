package access

import (
	"testing"

	"github.com/vanthu/vanthu"
)

func TestParseRole(t *testing.T) {
	for in, want := range map[string]Role{"clerk": Clerk, "Văn thư": Clerk, "van thu": Clerk, "LÃNH ĐẠO": Leader, "archivist": Archivist, "Quản trị": Admin} {
		if got, err := ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseRole("root"); err == nil {
		t.Error("ParseRole(root): no error")
	}
}

// The table as the issue states it: admin alone reads no documents; only
// the clerk receives and corrects.
func TestRules(t *testing.T) {
	for _, c := range []struct {
		role Role
		a    Action
		want bool
	}{
		{Admin, Read, false}, {Admin, ManageUsers, true}, {Admin, Register, false},
		{Staff, Read, true}, {Staff, Queue, false}, {Staff, Correct, false}, {Staff, ManageUsers, false},
		{Clerk, Receive, true}, {Clerk, Correct, true}, {Clerk, ManageUsers, false},
		{Leader, Read, true}, {Leader, Receive, false}, {Archivist, Register, true}, {Archivist, Correct, false},
	} {
		if got := Allowed(c.role, c.a); got != c.want {
			t.Errorf("Allowed(%s, %s) = %v, want %v", c.role, c.a, got, c.want)
		}
	}
	for a := range rules {
		if len(rules[a]) == 0 {
			t.Errorf("%s: nobody may", a)
		}
	}
}

func TestSight(t *testing.T) {
	other := vanthu.Access{Scope: vanthu.ScopeRestricted, Units: []string{"Phòng Tài chính"}}
	own := vanthu.Access{Scope: vanthu.ScopeRestricted, Units: []string{"Văn phòng"}}
	named := vanthu.Access{Scope: vanthu.ScopeRestricted, Users: []string{"lan"}}
	agency := vanthu.Access{}
	for _, c := range []struct {
		v    Viewer
		a    vanthu.Access
		want bool
	}{
		{Viewer{"lan", Staff, "Văn phòng"}, agency, true},
		{Viewer{"lan", Staff, "Văn phòng"}, own, true},
		{Viewer{"lan", Staff, "Văn phòng"}, named, true},
		{Viewer{"lan", Staff, "Văn phòng"}, other, false},
		{Viewer{"minh", Staff, ""}, own, false},
		{Viewer{"hoa", Leader, ""}, other, true},
		{Viewer{"thu", Clerk, ""}, other, true},
		{Viewer{"an", Archivist, ""}, other, true},
		{Viewer{"root", Admin, ""}, agency, false}, // admin alone reads nothing
	} {
		if got := SightOf(c.v).Sees(c.a); got != c.want {
			t.Errorf("%+v sees %+v: %v, want %v", c.v, c.a, got, c.want)
		}
	}
}

// The queue, the register and the events feed list documents without a
// per-document filter: only roles that see every document may have them.
func TestListsOnlyForThoseWhoSeeAll(t *testing.T) {
	for _, a := range []Action{Queue, Register} {
		for _, r := range rules[a] {
			if !SightOf(Viewer{Role: r}).All {
				t.Errorf("%s may %s but does not see every document", r, a)
			}
		}
	}
}

// On an isolated machine a state-secret document is for leaders and the
// users named on it: not for clerks, archivists or staff otherwise.
func TestSightOfSecret(t *testing.T) {
	secret := vanthu.Access{Scope: vanthu.ScopeRestricted, Secret: true, Users: []string{"lan"}}
	for _, c := range []struct {
		v    Viewer
		want bool
	}{
		{Viewer{"hoa", Leader, ""}, true},
		{Viewer{"lan", Staff, "Văn phòng"}, true}, // named
		{Viewer{"minh", Staff, "Văn phòng"}, false},
		{Viewer{"thu", Clerk, ""}, false},
		{Viewer{"an", Archivist, ""}, false},
		{Viewer{"lan", Clerk, ""}, true}, // a named clerk
		{Viewer{"root", Admin, ""}, false},
	} {
		if got := SightOf(c.v).Sees(secret); got != c.want {
			t.Errorf("%+v sees a secret document: %v, want %v", c.v, got, c.want)
		}
	}
}
