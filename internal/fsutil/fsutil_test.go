package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree is a snapshot of a directory: each path (slash-separated, relative) and, for
// files, their mode and content; directories show as "dir".
type tree map[string]string

func snapshot(t *testing.T, root string) tree {
	t.Helper()
	got := tree{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if rel == "." {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			got[rel] = "dir"
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got[rel] = fmt.Sprintf("%v %s", info.Mode().Perm(), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func diffTrees(got, want tree) string {
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		g, gok := got[k]
		w, wok := want[k]
		switch {
		case !gok:
			fmt.Fprintf(&b, "missing %s (want %q)\n", k, w)
		case !wok:
			fmt.Fprintf(&b, "extra %s (%q)\n", k, g)
		case g != w:
			fmt.Fprintf(&b, "%s: got %q, want %q\n", k, g, w)
		}
	}
	return b.String()
}

func write(t *testing.T, path, data string, perm fs.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil { // past the umask
		t.Fatal(err)
	}
}

// setup is the tree every case starts from.
func setup(t *testing.T) string {
	root := t.TempDir()
	write(t, filepath.Join(root, "out", "keep.go"), "old keep", 0o644)
	write(t, filepath.Join(root, "out", "private.go"), "old private", 0o600)
	write(t, filepath.Join(root, "out", "stale.go"), "stale", 0o644)
	write(t, filepath.Join(root, "file"), "a plain file", 0o644)
	if err := os.Mkdir(filepath.Join(root, "out", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestCommit(t *testing.T) {
	initial := tree{
		"out":            "dir",
		"out/keep.go":    "-rw-r--r-- old keep",
		"out/private.go": "-rw------- old private",
		"out/stale.go":   "-rw-r--r-- stale",
		"out/sub":        "dir",
		"file":           "-rw-r--r-- a plain file",
	}
	with := func(changes tree, deleted ...string) tree {
		w := tree{}
		for k, v := range initial {
			w[k] = v
		}
		for k, v := range changes {
			w[k] = v
		}
		for _, k := range deleted {
			delete(w, k)
		}
		return w
	}
	tests := []struct {
		name    string
		writes  []File
		removes []string
		// failRename makes the nth rename of the second phase fail (1-based; 0: never).
		failRename int
		wantErr    string // a substring; "" means success
		want       tree
	}{
		{
			name: "write new, replace, remove",
			writes: []File{
				{Path: "out/keep.go", Data: []byte("new keep")},
				{Path: "out/private.go", Data: []byte("new private")},
				{Path: "new/deep/a.go", Data: []byte("a")},
			},
			removes: []string{"out/stale.go", "out/gone.go"},
			want: with(tree{
				"out/keep.go":    "-rw-r--r-- new keep",
				"out/private.go": "-rw------- new private",
				"new":            "dir",
				"new/deep":       "dir",
				"new/deep/a.go":  "-rw-r--r-- a",
			}, "out/stale.go"),
		},
		{
			name:   "nothing to do",
			writes: nil,
			want:   initial,
		},
		{
			name: "target is a directory",
			writes: []File{
				{Path: "out/keep.go", Data: []byte("new keep")},
				{Path: "new/a.go", Data: []byte("a")},
				{Path: "out/sub", Data: []byte("x")},
			},
			removes: []string{"out/stale.go"},
			wantErr: "write out/sub: not a regular file",
			want:    initial,
		},
		{
			name: "parent is a file",
			writes: []File{
				{Path: "new/a.go", Data: []byte("a")},
				{Path: "file/a.go", Data: []byte("a")},
			},
			wantErr: "write file/a.go: file is not a directory",
			want:    initial,
		},
		{
			name:    "remove a directory",
			writes:  []File{{Path: "out/keep.go", Data: []byte("new keep")}},
			removes: []string{"out/sub"},
			wantErr: "remove out/sub: is a directory",
			want:    initial,
		},
		{
			name: "rename fails after some files are in place",
			writes: []File{
				{Path: "out/keep.go", Data: []byte("new keep")},
				{Path: "new/a.go", Data: []byte("a")},
				{Path: "out/private.go", Data: []byte("new private")},
			},
			removes:    []string{"out/stale.go"},
			failRename: 4, // keep aside, keep in place, a.go in place, then private aside
			wantErr:    "write out/private.go: injected failure",
			want:       initial,
		},
		{
			name:       "removal fails last",
			writes:     []File{{Path: "out/keep.go", Data: []byte("new keep")}},
			removes:    []string{"out/stale.go"},
			failRename: 3,
			wantErr:    "remove out/stale.go: injected failure",
			want:       initial,
		},
		{
			name:    "written twice",
			writes:  []File{{Path: "out/a.go"}, {Path: "out/./a.go"}},
			wantErr: "write out/./a.go: written twice",
			want:    initial,
		},
		{
			name:    "written and removed",
			writes:  []File{{Path: "out/keep.go"}},
			removes: []string{"out/keep.go"},
			wantErr: "remove out/keep.go: also written",
			want:    initial,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := setup(t)
			t.Chdir(root)
			calls := 0
			rename := func(from, to string) error {
				calls++
				if calls == tt.failRename {
					return errors.New("injected failure")
				}
				return os.Rename(from, to)
			}
			err := commit(tt.writes, tt.removes, rename)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("commit: %v", err)
			case tt.wantErr != "" && err == nil:
				t.Fatalf("commit succeeded, want error %q", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Fatalf("commit error %q, want it to contain %q", err, tt.wantErr)
			}
			if d := diffTrees(snapshot(t, root), tt.want); d != "" {
				t.Errorf("tree after commit (got vs want):\n%s", d)
			}
		})
	}
}

func TestCommitRealRename(t *testing.T) {
	root := setup(t)
	w := []File{{Path: filepath.Join(root, "out", "keep.go"), Data: []byte("x")}}
	if err := Commit(w, []string{filepath.Join(root, "out", "stale.go")}); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, root)
	if got["out/keep.go"] != "-rw-r--r-- x" {
		t.Errorf("keep.go = %q", got["out/keep.go"])
	}
	if _, ok := got["out/stale.go"]; ok {
		t.Errorf("stale.go not removed")
	}
}
