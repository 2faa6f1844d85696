// Package fsutil writes a set of files all or nothing: every file is written to a
// temporary file beside its target first, and only when all of them are written are they
// renamed into place. A failure at any step puts back what was there and leaves no
// temporary file behind.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// File is a file to write: its path and its whole content.
type File struct {
	Path string
	Data []byte
}

// Perm is the mode of a file Commit creates; a file it replaces keeps its mode.
const Perm fs.FileMode = 0o644

// DirPerm is the mode of a directory Commit creates.
const DirPerm fs.FileMode = 0o755

// Commit writes every file of writes and removes every path of removes, or, on any
// failure, changes nothing and returns the error. Missing parent directories of a file
// are created (and removed again on failure). A path to remove that does not exist is not
// an error. A path may not be both written and removed, nor written twice.
//
// Temporary files are named `.<name>.framegen-*` beside their targets, so that the go
// tool ignores them even if the process dies between the two phases.
func Commit(writes []File, removes []string) error {
	return commit(writes, removes, os.Rename)
}

// commit is Commit with the rename of its second phase given, so that tests can make it
// fail there.
func commit(writes []File, removes []string, rename func(from, to string) error) (err error) {
	if err := checkPaths(writes, removes); err != nil {
		return err
	}
	t := txn{rename: rename}
	defer func() {
		if err != nil {
			t.rollback()
		}
	}()
	// Phase 1: everything that can fail before a file is touched.
	for _, f := range writes {
		if err := t.stage(f); err != nil {
			return err
		}
	}
	var present []string
	for _, p := range removes {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("remove %s: %w", p, err)
		}
		if fi.IsDir() {
			return fmt.Errorf("remove %s: is a directory", p)
		}
		present = append(present, p)
	}
	// Phase 2: renames, each recorded so that rollback can undo it.
	for _, s := range t.staged {
		if err := t.replace(s.target, s.temp); err != nil {
			return err
		}
	}
	for _, p := range present {
		if err := t.moveAside(p); err != nil {
			return fmt.Errorf("remove %s: %w", p, err)
		}
	}
	// Done: the backups are no longer needed. A backup that cannot be removed is only
	// litter, not a failed run.
	for _, b := range t.backups {
		_ = os.Remove(b.backup)
	}
	return nil
}

// checkPaths rejects a path written twice, or both written and removed.
func checkPaths(writes []File, removes []string) error {
	seen := make(map[string]bool, len(writes))
	for _, f := range writes {
		p := filepath.Clean(f.Path)
		if seen[p] {
			return fmt.Errorf("write %s: written twice", f.Path)
		}
		seen[p] = true
	}
	for _, r := range removes {
		if seen[filepath.Clean(r)] {
			return fmt.Errorf("remove %s: also written", r)
		}
	}
	return nil
}

// staged is a file written to its temporary name.
type staged struct{ target, temp string }

// backup is an existing file moved aside, to delete on success or restore on failure.
type backup struct{ target, backup string }

// txn records what Commit did, in order, so that rollback can undo it.
type txn struct {
	rename  func(from, to string) error
	dirs    []string // directories created, parents first
	staged  []staged
	placed  []string // targets that now hold new content
	backups []backup
}

// stage writes f to a temporary file beside its target.
func (t *txn) stage(f File) error {
	dir := filepath.Dir(f.Path)
	if err := t.mkdirAll(dir); err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	mode := Perm
	if fi, err := os.Lstat(f.Path); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("write %s: not a regular file", f.Path)
		}
		mode = fi.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.Path)+".framegen-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	t.staged = append(t.staged, staged{target: f.Path, temp: tmp.Name()})
	_, err = tmp.Write(f.Data)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	return nil
}

// mkdirAll creates dir and its missing parents, recording each one it creates.
func (t *txn) mkdirAll(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err == nil {
			if !fi.IsDir() {
				return fmt.Errorf("%s is not a directory", d)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	slices.Reverse(missing)
	for _, d := range missing {
		if err := os.Mkdir(d, DirPerm); err != nil {
			return err
		}
		t.dirs = append(t.dirs, d)
	}
	return nil
}

// replace renames temp over target, first moving an existing target aside.
func (t *txn) replace(target, temp string) error {
	if _, err := os.Lstat(target); err == nil {
		if err := t.moveAside(target); err != nil {
			return fmt.Errorf("write %s: %w", target, err)
		}
	}
	if err := t.rename(temp, target); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	t.placed = append(t.placed, target)
	return nil
}

// moveAside renames path to a fresh backup name in its directory.
func (t *txn) moveAside(path string) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".framegen-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	if err := t.rename(path, name); err != nil {
		os.Remove(name)
		return err
	}
	t.backups = append(t.backups, backup{target: path, backup: name})
	return nil
}

// rollback undoes every recorded step, newest first, as far as the file system lets.
func (t *txn) rollback() {
	for _, p := range slices.Backward(t.placed) {
		_ = os.Remove(p)
	}
	for _, b := range slices.Backward(t.backups) {
		_ = os.Rename(b.backup, b.target)
	}
	for _, s := range t.staged {
		_ = os.Remove(s.temp) // already renamed away for placed files: harmless
	}
	for _, d := range slices.Backward(t.dirs) {
		_ = os.Remove(d)
	}
}
