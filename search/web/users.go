package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/auth"
)

// userView is a user as the API shows it.
type userView struct {
	Name     string      `json:"name"`
	Role     access.Role `json:"role"`
	RoleVI   string      `json:"role_vi"`
	Unit     string      `json:"unit,omitempty"`
	Disabled bool        `json:"disabled"`
}

func viewOf(u auth.User) userView {
	return userView{Name: u.Name, Role: u.Role, RoleVI: u.Role.VI(), Unit: u.Unit, Disabled: u.Disabled}
}

// me is GET /api/v1/me: who the request is made by.
func (s *Server) me(w http.ResponseWriter, r *http.Request) error {
	u, _ := userFrom(r.Context())
	return writeJSON(w, http.StatusOK, viewOf(u))
}

// listUsers is GET /api/v1/users.
func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) error {
	users, err := s.Users.List()
	if err != nil {
		return err
	}
	out := []userView{}
	for _, u := range users {
		out = append(out, viewOf(u))
	}
	return writeJSON(w, http.StatusOK, map[string]any{"users": out})
}

// addUser is POST /api/v1/users {"name","role","unit","password"}.
func (s *Server) addUser(w http.ResponseWriter, r *http.Request) error {
	var in struct{ Name, Role, Unit, Password string }
	if err := readJSON(r, &in); err != nil {
		return err
	}
	role, err := access.ParseRole(in.Role)
	if err != nil {
		return &apiError{http.StatusBadRequest, "bad_role", err.Error(), "Vai trò không hợp lệ"}
	}
	u, err := s.Users.Add(in.Name, role, in.Unit, in.Password)
	if err != nil {
		return userErr(err)
	}
	me, _ := userFrom(r.Context())
	s.log().Info("user added", "by", me.Name, "user", u.Name, "role", u.Role)
	return writeJSON(w, http.StatusCreated, viewOf(u))
}

// changeUser is PATCH /api/v1/users/{name} {"role","unit","disabled"}:
// the fields given change.
func (s *Server) changeUser(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Role     *string
		Unit     *string
		Disabled *bool
		Password *string
	}
	if err := readJSON(r, &in); err != nil {
		return err
	}
	name := r.PathValue("name")
	me, _ := userFrom(r.Context())
	if name == me.Name && in.Disabled != nil && *in.Disabled {
		return &apiError{http.StatusConflict, "self_disable", "you may not disable yourself", "Không thể tự khoá tài khoản của mình"}
	}
	if in.Password != nil {
		if err := s.Users.SetPassword(name, *in.Password); err != nil {
			return userErr(err)
		}
	}
	u, err := s.Users.Update(name, func(u *auth.User) error {
		if in.Role != nil {
			role, err := access.ParseRole(*in.Role)
			if err != nil {
				return &apiError{http.StatusBadRequest, "bad_role", err.Error(), "Vai trò không hợp lệ"}
			}
			u.Role = role
		}
		if in.Unit != nil {
			u.Unit = strings.TrimSpace(*in.Unit)
		}
		if in.Disabled != nil {
			u.Disabled = *in.Disabled
		}
		return nil
	})
	if err != nil {
		return userErr(err)
	}
	s.log().Info("user changed", "by", me.Name, "user", u.Name, "role", u.Role, "disabled", u.Disabled)
	return writeJSON(w, http.StatusOK, viewOf(u))
}

// createToken is POST /api/v1/tokens {"user"}: a token for oneself, or,
// for an admin, for any user. The token is in the answer once.
func (s *Server) createToken(w http.ResponseWriter, r *http.Request) error {
	var in struct{ User string }
	if r.ContentLength != 0 {
		if err := readJSON(r, &in); err != nil {
			return err
		}
	}
	me, _ := userFrom(r.Context())
	if in.User == "" {
		in.User = me.Name
	}
	if in.User != me.Name {
		if err := may(r, access.ManageUsers); err != nil {
			return err
		}
	}
	tok, rec, err := s.Users.CreateToken(in.User)
	if err != nil {
		return userErr(err)
	}
	s.log().Info("token created", "by", me.Name, "user", rec.User, "token", rec.ID)
	return writeJSON(w, http.StatusCreated, map[string]any{"token": tok, "id": rec.ID, "user": rec.User, "created": rec.Created})
}

// listTokens is GET /api/v1/tokens: one's own, or every user's for an
// admin.
func (s *Server) listTokens(w http.ResponseWriter, r *http.Request) error {
	me, _ := userFrom(r.Context())
	owner := me.Name
	if access.Allowed(me.Role, access.ManageUsers) {
		owner = ""
	}
	toks, err := s.Users.Tokens(owner)
	if err != nil {
		return err
	}
	if toks == nil {
		toks = []auth.Token{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"tokens": toks})
}

// revokeToken is DELETE /api/v1/tokens/{id}: one's own, or any for an
// admin.
func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request) error {
	me, _ := userFrom(r.Context())
	owner := me.Name
	if access.Allowed(me.Role, access.ManageUsers) {
		owner = ""
	}
	if err := s.Users.RevokeToken(r.PathValue("id"), owner); err != nil {
		return err
	}
	s.log().Info("token revoked", "by", me.Name, "token", r.PathValue("id"))
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// userErr maps the user store's errors to the API's.
func userErr(err error) error {
	switch {
	case errors.Is(err, auth.ErrNoUser):
		return &apiError{http.StatusNotFound, "not_found", "no such user", "Không có người dùng này"}
	case errors.Is(err, auth.ErrUserExists):
		return &apiError{http.StatusConflict, "user_exists", "the user exists", "Tên đăng nhập đã có"}
	case errors.Is(err, auth.ErrWeakPasswd):
		return &apiError{http.StatusBadRequest, "weak_password", err.Error(), "Mật khẩu cần ít nhất 10 ký tự"}
	case errors.Is(err, auth.ErrBadUserName):
		return &apiError{http.StatusBadRequest, "bad_user_name", err.Error(), "Tên đăng nhập gồm 2–64 chữ, số, dấu chấm, gạch"}
	}
	return err
}

// usersPage is GET /admin/users: the accounts, and a form to add one.
func (s *Server) usersPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderUsers(w, r, http.StatusOK, r.URL.Query().Get("saved"), "")
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, saved, formErr string) error {
	users, err := s.Users.List()
	if err != nil {
		return err
	}
	var views []userView
	for _, u := range users {
		views = append(views, viewOf(u))
	}
	type option struct{ Value, Label string }
	var roles []option
	for _, role := range access.Roles {
		roles = append(roles, option{string(role), role.VI()})
	}
	return s.render(w, r, status, "users.html", map[string]any{"Title": "Người dùng", "Nav": "users", "Users": views,
		"Roles": roles, "Saved": saved, "FormError": formErr})
}

// usersForm is POST /admin/users: add a user, or lock or unlock one.
func (s *Server) usersForm(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(w, r, 1<<16); err != nil {
		return err
	}
	me, _ := userFrom(r.Context())
	name := strings.TrimSpace(r.PostForm.Get("name"))
	var saved string
	switch r.PostForm.Get("action") {
	case "add":
		role, err := access.ParseRole(r.PostForm.Get("role"))
		if err == nil {
			_, err = s.Users.Add(name, role, r.PostForm.Get("unit"), r.PostForm.Get("password"))
		}
		if err != nil {
			return s.renderUsers(w, r, http.StatusUnprocessableEntity, "", messageVI(s, r, userErr(err)))
		}
		saved = "Đã thêm " + name + "."
	case "disable", "enable":
		if name == me.Name {
			return s.renderUsers(w, r, http.StatusConflict, "", "Không thể tự khoá tài khoản của mình.")
		}
		off := r.PostForm.Get("action") == "disable"
		if _, err := s.Users.Update(name, func(u *auth.User) error { u.Disabled = off; return nil }); err != nil {
			return s.renderUsers(w, r, http.StatusUnprocessableEntity, "", messageVI(s, r, userErr(err)))
		}
		saved = "Đã mở khoá " + name + "."
		if off {
			saved = "Đã khoá " + name + "."
		}
	default:
		return &apiError{http.StatusBadRequest, "bad_form", "unknown action", "Yêu cầu không hợp lệ"}
	}
	s.log().Info("user changed", "by", me.Name, "user", name, "action", r.PostForm.Get("action"))
	http.Redirect(w, r, "/admin/users?saved="+url.QueryEscape(saved), http.StatusSeeOther)
	return nil
}

// messageVI is an error's sentence for a clerk.
func messageVI(s *Server, r *http.Request, err error) string { return s.apiErr(r, err).MessageVI }
